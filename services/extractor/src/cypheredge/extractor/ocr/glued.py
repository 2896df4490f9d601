"""Words a recogniser read as one because the print set them close: a date and the time
after it (`2024-07-3014:49`, `16.05.202316.33.43`), or a booking date and a value date
(`24.04.2124.04.21`). A text layer keeps them apart; OCR drops a narrow gap, and the glued
token then reads as no date at all, so the row loses its date to its neighbour's.

Only zero-padded machine forms are split, and only where both halves are valid (a month
1-12, a day 1-31, a time 00:00-23:59): a figure or a reference never reads as two of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from cypheredge.extractor.ocr.engine import OcrWord

# Year first (ISO, Korean, Taiwanese Republic years), or year last, or two-digit years.
_DATE = (
    r"(?P<y>\d{4})(?P<s>[-./])(?P<m>\d{2})(?P=s)(?P<d>\d{2})",
    r"(?P<y>\d{2,3})(?P<s>[-./])(?P<m>\d{2})(?P=s)(?P<d>\d{2})",
    r"(?P<d>\d{2})(?P<s>[-./])(?P<m>\d{2})(?P=s)(?P<y>\d{4})",
    r"(?P<d>\d{2})(?P<s>[-./])(?P<m>\d{2})(?P=s)(?P<y>\d{2})",
)
_TIME = re.compile(r"(?P<h>\d{2})[:.](?P<min>\d{2})(?:[:.](?P<sec>\d{2}))?")
_GLUED = tuple(re.compile(f"(?P<first>{form})(?P<rest>\\d.+)") for form in _DATE)
_ALONE = tuple(re.compile(form) for form in _DATE)


def split_glued(words: Sequence[OcrWord]) -> list[OcrWord]:
    """`words` with each glued date-and-time or date-and-date token split in two."""
    out: list[OcrWord] = []
    for word in words:
        out.extend(_split(word))
    return out


def _split(word: OcrWord) -> Iterator[OcrWord]:
    for glued, alone in zip(_GLUED, _ALONE, strict=True):
        found = glued.fullmatch(word.text)
        if found is None or not _valid_date(found):
            continue
        rest = found["rest"]
        second = alone.fullmatch(rest)
        if (second is not None and _valid_date(second)) or _valid_time(rest):
            # The box is shared by character count (digits and separators are about as wide
            # as each other), with a character's width between the halves: the space the
            # print had, which keeps the parser from fusing them again as one figure.
            width = (word.x1 - word.x0) / len(word.text)
            at = word.x0 + width * len(found["first"])
            yield replace(word, text=found["first"], x1=at - width / 2)
            yield replace(word, text=rest, x0=at + width / 2)
            return
    yield word


def _valid_date(found: re.Match[str]) -> bool:
    return 1 <= int(found["m"]) <= 12 and 1 <= int(found["d"]) <= 31


def _valid_time(text: str) -> bool:
    found = _TIME.fullmatch(text)
    if found is None:
        return False
    seconds = found["sec"] or "00"
    return int(found["h"]) <= 23 and int(found["min"]) <= 59 and int(seconds) <= 59
