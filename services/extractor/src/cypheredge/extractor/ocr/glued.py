"""Words a recogniser read as one because the print set them close: a date and the time
after it (`2024-07-3014:49`, `16.05.202316.33.43`), a booking date and a value date
(`24.04.2124.04.21`), a period's dates and the range between them (`-31.08.2024`,
`2024-09-14.to`), or a day
and month printed as two numbers (`20 11` read `2011`). A
text layer keeps them apart; OCR drops a narrow gap, and the glued token then reads as no
date at all, so the row loses its date to its neighbour's.

Only zero-padded machine forms are split, and only where both halves are valid (a month
1-12, a day 1-31, a time 00:00-23:59): a figure or a reference never reads as two of them.
Four digits are a day and a month only where the page prints its other pairs apart, at the
same left edge; and digits at the left edge of the page's short dates (`11/8`) are the date
whose slash was lost (`1119` for 11/9) only where one reading falls between its neighbours.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace

from cypheredge.extractor.domain.metadata import RANGE_WORDS
from cypheredge.extractor.domain.months import MONTHS
from cypheredge.extractor.ocr.engine import OcrWord

# Year first (ISO, Korean, Taiwanese Republic years), or year last, or two-digit years.
_DATE = (
    r"(?P<y>\d{4})(?P<s>[-./:])(?P<m>\d{2})[-./:](?P<d>\d{2})",  # a separator misread
    r"(?P<y>\d{2,3})(?P<s>[-./])(?P<m>\d{2})(?P=s)(?P<d>\d{2})",
    r"(?P<d>\d{2})(?P<s>[-./])(?P<m>\d{2})(?P=s)(?P<y>\d{4})",
    r"(?P<d>\d{2})(?P<s>[-./])(?P<m>\d{2})(?P=s)(?P<y>\d{2})",
)
# A time as OCR gives it: a colon read as a dot or a semicolon (`17:40;34`), or the first
# one lost where the seconds keep theirs (`2031:29`).
_TIMES = (
    re.compile(r"(?P<h>\d{2})[:.;](?P<min>\d{2})(?:[:.;](?P<sec>\d{2}))?"),
    re.compile(r"(?P<h>\d{2})(?P<min>\d{2})[:;](?P<sec>\d{2})"),
)
# A date and what follows it, a dot between them or none (`114/03/30.17:10:01`).
_GLUED = tuple(re.compile(f"(?P<first>{form})[.,]?(?P<rest>\\d.+)") for form in _DATE)
_ALONE = tuple(re.compile(form) for form in _DATE)
_RANGED = re.compile(r"(?P<date>\d[\d./-]{7,9})[.,]?(?P<word>[^\W\d_]{1,7})")
_RANGE_DASH = re.compile(r"(?P<dash>[-–—])(?P<date>\d[\d./-]{7,9})")
# A month run into its year with a mark read for the space (`MAR:2024`), and an ordinal
# day run into its month (`12thAug`): dates only with the two apart.
_MONTH_YEAR = re.compile(r"(?P<month>[^\W\d_]{3,9})[.,:;](?P<year>(?:19|20)\d\d[.,]?)")
_ORDINAL_MONTH = re.compile(
    r"(?P<day>\d{1,2}(?:st|nd|rd|th))(?P<month>[^\W\d_]{3,9})(?P<tail>[.,]?)"
)


def split_glued(words: Sequence[OcrWord]) -> list[OcrWord]:
    """`words` with each glued date-and-time or date-and-date token split in two."""
    out: list[OcrWord] = []
    for word in words:
        out.extend(_split(word))
    return out


def _split(word: OcrWord) -> Iterator[OcrWord]:
    ranged = _RANGED.fullmatch(word.text)
    if ranged is not None and ranged["word"].lower() in RANGE_WORDS and _full_date(ranged["date"]):
        # A period's first date run into the word after it (`2024-09-14.to`).
        yield from _halves(word, ranged["date"], ranged["word"], 0.3)
        return
    month_year = _MONTH_YEAR.fullmatch(word.text)
    if month_year is not None and month_year["month"].lower() in MONTHS:
        yield from _halves(word, month_year["month"], month_year["year"], 0.2)
        return
    ordinal = _ORDINAL_MONTH.fullmatch(word.text)
    if ordinal is not None and ordinal["month"].lower() in MONTHS:
        yield from _halves(word, ordinal["day"], ordinal["month"] + ordinal["tail"], 0.1)
        return
    dashed = _RANGE_DASH.fullmatch(word.text)
    if dashed is not None and _full_date(dashed["date"]):
        # A period's range dash read onto its second date (`-31.08.2024`): a date with its
        # year is never a negative figure.
        width = (word.x1 - word.x0) / len(word.text)
        yield replace(word, text=dashed["dash"], x1=word.x0 + width * 0.8)
        yield replace(word, text=dashed["date"], x0=word.x0 + width * 1.2)
        return
    for glued, alone in zip(_GLUED, _ALONE, strict=True):
        found = glued.fullmatch(word.text)
        if found is None or not _valid_date(found):
            continue
        rest = found["rest"]
        second = alone.fullmatch(rest)
        time = _time(rest)
        if (second is not None and _valid_date(second)) or time is not None:
            # The box is shared by character count (digits and separators are about as wide
            # as each other), with a character's width between the halves: the space the
            # print had, which keeps the parser from fusing them again as one figure.
            width = (word.x1 - word.x0) / len(word.text)
            at = word.x0 + width * len(found["first"])
            yield replace(word, text=found["first"], x1=at - width / 2)
            yield replace(word, text=time or rest, x0=word.x1 - width * len(rest) + width / 2)
            return
    yield word


def _halves(word: OcrWord, first: str, second: str, gap: float) -> tuple[OcrWord, OcrWord]:
    """`word` as `first` and `second`, its box cut after `first`'s characters (digits and
    letters are about as wide as each other) and `second` set `gap` of the rest further on."""
    at = word.x0 + (word.x1 - word.x0) * len(first) / len(word.text)
    return replace(word, text=first, x1=at), replace(
        word, text=second, x0=at + (word.x1 - at) * gap
    )


def _full_date(text: str) -> bool:
    """A zero-padded machine date with its year (`31.08.2024`, `2024-04-30`)."""
    return any(
        (found := alone.fullmatch(text)) is not None and _valid_date(found) for alone in _ALONE
    )


def _valid_date(found: re.Match[str]) -> bool:
    return 1 <= int(found["m"]) <= 12 and 1 <= int(found["d"]) <= 31


def _time(text: str) -> str | None:
    """`text` as the time it reads as, its semicolons and a lost colon mended (`17:40:34`);
    None where it is none."""
    for pattern, mended in zip(_TIMES, (text.replace(";", ":"), None), strict=True):
        found = pattern.fullmatch(text)
        if found is None:
            continue
        h, m, sec = found["h"], found["min"], found["sec"]
        if int(h) <= 23 and int(m) <= 59 and int(sec or "00") <= 59:
            return mended or f"{h}:{m}:{sec}"
    return None


MIN_ATTESTED = 3
_NUMBER = re.compile(r"\d{1,2}")


def split_day_month(words: Sequence[OcrWord]) -> list[OcrWord]:
    """`words` with each four-digit token that starts where the page's day-and-month pairs
    start (`22` `11` on MIN_ATTESTED lines at that left edge) split into its day and month,
    where it is a valid one (`2011` -> `20` `11`); a year elsewhere on the line is untouched.
    """
    starts = _pair_starts(words)
    if not starts:
        return list(words)
    out: list[OcrWord] = []
    for word in words:
        text = word.text
        tolerance = (word.y1 - word.y0) / 2
        at_pair = any(abs(word.x0 - x) <= tolerance for x in starts)
        if at_pair and len(text) == 4 and text.isdigit() and _day_month(text[:2], text[2:]):
            width = (word.x1 - word.x0) / 4
            out.append(replace(word, text=text[:2], x1=word.x0 + width * 1.5))
            out.append(replace(word, text=text[2:], x0=word.x0 + width * 2.5))
        else:
            out.append(word)
    return out


def _pair_starts(words: Sequence[OcrWord]) -> list[float]:
    """Left edges where MIN_ATTESTED lines print a day and a month as two numbers."""
    found: list[float] = []
    for a, b in itertools.pairwise(words):
        height = a.y1 - a.y0
        same_line = b.y0 < a.y1 and a.y0 < b.y1
        if same_line and 0 < b.x0 - a.x1 < height and _day_month(a.text, b.text):
            found.append(a.x0)
    votes = Counter(round(x / 4) for x in found)
    return [x for x in found if votes[round(x / 4)] >= MIN_ATTESTED]


def _day_month(day: str, month: str) -> bool:
    return (
        _NUMBER.fullmatch(day) is not None
        and len(month) == 2
        and month.isdigit()
        and 1 <= int(day) <= 31
        and 1 <= int(month) <= 12
    )


SHORT_DATE = re.compile(r"(\d{1,2})([/.-])(\d{1,2})")
# What a recogniser reads a date's slash as when it does not drop it (`1119` for 11/9).
_SLASH_READ_AS = frozenset("1l|I7")


def mend_short_dates(words: Sequence[OcrWord]) -> list[OcrWord]:
    """`words` with each run of 3-4 digits at the left edge of the page's short dates
    (`11/8` on MIN_ATTESTED lines) read as the date its slash was lost from: the one reading
    (the slash read as a 1, or dropped) that falls between the dates above and below it."""
    dates = [(w, found) for w in words if (found := SHORT_DATE.fullmatch(w.text))]
    votes = Counter(round(w.x0 / 4) for w, _ in dates)
    column = sorted(
        ((w, found) for w, found in dates if votes[round(w.x0 / 4)] >= MIN_ATTESTED),
        key=lambda pair: pair[0].y0,
    )
    if not column:
        return list(words)
    sep = Counter(found[2] for _, found in column).most_common(1)[0][0]
    month_first = all(int(found[1]) <= 12 for _, found in column)
    out: list[OcrWord] = []
    for word in words:
        text = word.text
        lost = 3 <= len(text) <= 5 and text[0].isdigit() and text[-1].isdigit()
        lost = lost and all(c.isdigit() or c in _SLASH_READ_AS for c in text)
        edge = lost and any(abs(word.x0 - w.x0) <= (word.y1 - word.y0) / 2 for w, _ in column)
        if edge:
            above = [_key(f, month_first) for w, f in column if w.y0 < word.y0]
            below = [_key(f, month_first) for w, f in column if w.y0 > word.y0]
            readings = {
                r for r in _readings(text, sep)
                if _fits(_key(SHORT_DATE.fullmatch(r), month_first), above, below)
            }  # fmt: skip
            if len(readings) == 1:
                word = replace(word, text=readings.pop())
        out.append(word)
    return out


def _readings(text: str, sep: str) -> Iterator[str]:
    for k in range(1, len(text) - 1):
        if text[k] in _SLASH_READ_AS:
            yield f"{text[:k]}{sep}{text[k + 1 :]}"
    for k in range(1, len(text)):
        yield f"{text[:k]}{sep}{text[k:]}"


def _key(found: re.Match[str] | None, month_first: bool) -> tuple[int, int] | None:
    """(month, day) of a short date, None where it is none."""
    if found is None or not (found[1].isdigit() and found[3].isdigit()):
        return None
    month, day = (int(found[1]), int(found[3])) if month_first else (int(found[3]), int(found[1]))
    return (month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None


def _fits(
    date: tuple[int, int] | None,
    above: Sequence[tuple[int, int] | None],
    below: Sequence[tuple[int, int] | None],
) -> bool:
    """Whether `date` lies between the nearest dates above and below it, either way round
    (statements list oldest or newest first)."""
    before = next((d for d in reversed(above) if d is not None), None)
    after = next((d for d in below if d is not None), None)
    if date is None or before is None or after is None:
        return False
    return before <= date <= after or after <= date <= before
