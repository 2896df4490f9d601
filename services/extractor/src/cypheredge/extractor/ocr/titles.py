"""Column titles a recogniser misread by a glyph it confuses, given back from the parser's
title vocabulary: `Betrag Soli` for `Betrag Soll`, `lnterest` for `Interest`, `Am0unt`.

A header the parser does not recognise loses its table: every row of the page is gone for
one letter. A misread title word differs from the vocabulary word only in glyphs of the
same shape (`i`, `l`, `1`, `|`; `0` and `o`; `rn` and `m`); such a word is taken for the
title only on a line where MIN_TITLES other words are titles read cleanly (a header), so
that a description's `Soli` or `Bill` stays as printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from cypheredge.extractor.domain.header import TITLE_WORDS
from cypheredge.extractor.domain.vocabulary import fold
from cypheredge.extractor.ocr.edges import cased, split
from cypheredge.extractor.ocr.engine import OcrWord

MIN_TITLES = 2
MIN_LETTERS = 4  # shorter titles (`Ma`, `Inn`) are too near other short words
SAME_SHAPE = str.maketrans({"i": "l", "1": "l", "|": "l", "!": "l", "0": "o"})
# Not `!` or `|` before a word: they are its first letter misread (`!nterest`).
HEAD_MARKS = r"(\[\"'"
TAIL_MARKS = r".:;,)\]\"'"


def shape(text: str) -> str:
    """`text` folded, with the glyphs a recogniser confuses made one."""
    return fold(text).replace("rn", "m").translate(SAME_SHAPE)


def mend_titles(words: Sequence[OcrWord]) -> list[OcrWord]:
    """`words` with each misread title word on a header line given the title it shows."""
    index = _index()
    out = list(words)
    for k, word in enumerate(words):
        head, core, tail = split(word.text, HEAD_MARKS, TAIL_MARKS)
        if len(core) < MIN_LETTERS or fold(core) in TITLE_WORDS:
            continue
        title = index.get(shape(core))
        if title is not None and _titles_beside(word, words) >= MIN_TITLES:
            out[k] = replace(word, text=f"{head}{_cased(title, core)}{tail}")
    return out


def _titles_beside(word: OcrWord, words: Sequence[OcrWord]) -> int:
    """How many other words on `word`'s line are title words read cleanly."""
    middle = (word.y0 + word.y1) / 2
    return sum(
        1
        for other in words
        if other is not word
        and other.y0 <= middle <= other.y1
        and fold(split(other.text, HEAD_MARKS, TAIL_MARKS).core) in TITLE_WORDS
    )


def _cased(title: str, core: str) -> str:
    # A first glyph misread (`lnterest`) was a capital: titles begin with one.
    if core[:1] in "l1|!0" and not core.isupper():
        return title.capitalize()
    return cased(title, core)


@cache
def _index() -> dict[str, str]:
    """Shape -> title word, for the title words of MIN_LETTERS or more whose shape no other
    title word shares."""
    found: dict[str, set[str]] = {}
    for title in TITLE_WORDS:
        if len(title) >= MIN_LETTERS and title.isalpha():
            found.setdefault(shape(title), set()).add(title)
    return {key: next(iter(titles)) for key, titles in found.items() if len(titles) == 1}
