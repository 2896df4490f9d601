"""Whether a page's text layer can be believed: pure rules over its words and facts about
the page that the PDF adapter measures (no PDF library here).

A layer is unusable, and the page goes to OCR as if it had none, when
- it is invisible text (render mode 3) of which most tokens are not words, dates, amounts or
  codes: a bad OCR engine's layer over a scan;
- the page's text is drawn as vector shapes in rows of glyphs while its text layer holds
  next to nothing (text converted to outlines);
- it is invisible text over a page image that it does not match: its words lie where the
  image is blank, or it covers few of the lines of print the image shows.
Every threshold errs towards keeping the layer: a digital page sent to OCR costs seconds
and can lose exact text, a garbage page kept only loses what it would not have given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cypheredge.extractor.domain.words import Word

INVISIBLE = 0.5  # share of sampled characters in render mode 3 or 7 that makes a layer hidden
COVERED = 0.5  # share of the page an image must cover to be "the page image"
MIN_TOKENS = 12  # fewer tokens than this say too little to judge as garbage
JUNK = 0.5  # share of implausible tokens at which a hidden layer is garbage
GLYPHS = 150  # glyph-like vector shapes ...
GLYPH_ROWS = 5  # ... in at least this many rows of text ...
GLYPH_TEXT = 0.2  # ... with fewer characters of text than this share of them
MIN_PLACED = 12  # hidden words needed to judge whether they lie over print
OVER_PRINT = 0.7  # share of hidden words over print below which the layer does not match
MIN_LINES = 8  # lines of print the image must show to call a layer far too little
LINES_COVERED = 0.35  # share of those lines the layer must reach


@dataclass(frozen=True, slots=True)
class LayerFacts:
    """What the adapter measured on one page; a measurement not taken is None.

    `invisible`: share of sampled text characters drawn invisibly; `image_cover`: the largest
    share of the page one image covers; `glyph_shapes` / `glyph_rows`: filled vector shapes
    the size of glyphs and the rows of text they make; `chars`: characters in the text layer;
    `over_print`: share of the layer's words whose boxes hold print in the page image;
    `print_lines` / `lines_covered`: lines of print in the image and how many the words reach.
    """

    chars: int = 0
    invisible: float = 0.0
    image_cover: float = 0.0
    glyph_shapes: int = 0
    glyph_rows: int = 0
    over_print: float | None = None
    print_lines: int | None = None
    lines_covered: int | None = None

    @property
    def hidden_over_image(self) -> bool:
        return self.invisible >= INVISIBLE and self.image_cover >= COVERED


def unusable(words: Sequence[Word], facts: LayerFacts) -> str | None:
    """Why the page's text layer cannot be read from (a clause for the page's notice:
    `its text layer is unusable: ...`), or None when it can."""
    shapes = facts.glyph_shapes
    if facts.glyph_rows >= GLYPH_ROWS and shapes >= GLYPHS and facts.chars < GLYPH_TEXT * shapes:
        return (
            f"its text is drawn as vector shapes ({shapes} glyph-like shapes in"
            f" {facts.glyph_rows} rows, {facts.chars} characters in its text layer)"
        )
    if facts.invisible < INVISIBLE or not words:
        return None
    junk = junk_share(words)
    if junk is not None and junk >= JUNK:
        return (
            f"its text layer is unusable: invisible text of which {junk:.0%} is not words,"
            " dates or amounts"
        )
    if not facts.hidden_over_image:
        return None
    over = facts.over_print
    if over is not None and len(words) >= MIN_PLACED and over < OVER_PRINT:
        return (
            "its text layer does not match the page image: only"
            f" {over:.0%} of its invisible words lie over print"
        )
    lines, covered = facts.print_lines, facts.lines_covered
    few = lines is not None and covered is not None and covered < LINES_COVERED * lines
    if few and lines is not None and lines >= MIN_LINES:
        return (
            "its text layer is far too little for the page image: its invisible words"
            f" reach {covered} of the {lines} lines of print"
        )
    return None


# A token is plausible when it reads as a word (letters of any script, joined by an
# apostrophe, hyphen, slash, ampersand or dot, with brackets, quotes or a currency sign
# around), a number, date, time or amount, or a code (letters then digits: REF123, 1st).
_LETTERS = r"[^\W\d_]+"
_OPEN = r"[(\[\"'‘“£$€¥₹#*+-]*"
_CLOSE = r"[)\]\"'’”.,:;!?%*®™…-]*"
_WORD = re.compile(rf"{_OPEN}{_LETTERS}(?:['’./&-]{_LETTERS})*\.?{_CLOSE}")
_NUMBER = re.compile(rf"{_OPEN}\d+(?:[.,/:'’ -]\d+)*(?:[.,/-]?(?:CR|DR|Cr|Dr|cr|dr))?{_CLOSE}")
_CODE = re.compile(rf"{_OPEN}(?:[A-Z]{{1,8}}[-/]?\d+[A-Z]*|\d+[A-Za-z]{{1,4}}\d*){_CLOSE}")
_DATE = re.compile(rf"{_OPEN}\d{{1,2}}[-/ .]?{_LETTERS}[-/ .]?\d{{0,4}}{_CLOSE}")
_SYMBOLS = re.compile(r"[-–—=_.,:;/&+*•·|()\[\]'\"]+")  # rules, bullets, lone signs: no vote
_JOINERS = re.compile(r"[-/*#|_+:.,@]+")  # TX-240101-00000ACH, BT*DD, 1|2|3
_BROKEN = re.compile(r"[\ufffd\ue000-\uf8ff\x00-\x08\x0e-\x1f]|\(cid:\d+\)|^cid:\d+$")


def junk_share(words: Sequence[Word]) -> float | None:
    """The share of `words` that are neither words, numbers, dates, amounts nor codes (lone
    signs do not vote); None when too few tokens vote to tell."""
    votes = junk = 0
    for w in words:
        text = w.text
        if _BROKEN.search(text):
            votes, junk = votes + 1, junk + 1
            continue
        if _SYMBOLS.fullmatch(text):
            continue
        votes += 1
        if not plausible(text):
            junk += 1
    return junk / votes if votes >= MIN_TOKENS else None


def plausible(token: str) -> bool:
    """Whether `token` reads as something a statement prints (or a few such joined)."""
    if _reads(token):
        return True
    parts = [p for p in _JOINERS.split(token) if p]
    return 1 < len(parts) <= 6 and all(_reads(p) for p in parts)


def _reads(token: str) -> bool:
    return any(p.fullmatch(token) for p in (_WORD, _NUMBER, _CODE, _DATE))
