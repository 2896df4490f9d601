"""Words that run from one column into the next without a space between them.

Some producers print a cell flush against its neighbour (`TX-240101-00000ACH Payment`, with the
reference in one column and the description in the next; `Group19.19` where the description
touches its amount). The text layer then holds one word across two columns. Such a word is cut
where its characters change kind (digit to letter, letter to digit, a dash) nearest to the
column edge it crosses; its pieces' boxes are shared out in proportion to their characters (the
text layer gives no glyph boxes here, and proportional widths miss by well under a character).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from cypheredge.extractor.domain.columns import Kind, Layout, kind_of
from cypheredge.extractor.domain.header import Column
from cypheredge.extractor.domain.lines import Line
from cypheredge.extractor.domain.vocabulary import MONEY_ROLES
from cypheredge.extractor.domain.words import Word

REACH = 2  # characters a cut may move from where the column edge falls
PLACEHOLDERS = frozenset({"-", "–", "—"})


def split_straddlers(lines: Sequence[Line], layout: Layout, mark: str) -> list[Line]:
    """`lines` with every word that straddles a column edge cut in two (others unchanged)."""
    edges = _edges(layout.columns)
    if not edges:
        return list(lines)
    xs = sorted(x for x, _ in edges)
    out: list[Line] = []
    for line in lines:
        words = line.words
        if not any(_spans(w, xs) for w in words):
            out.append(line)
            continue
        cut: list[Word] = []
        for word in words:
            cut.extend(_cut(word, edges, mark))
        if len(cut) == len(words):
            out.append(line)
        else:
            out.append(Line(cut, line.y0, line.y1, line.x1, " ".join(w.text for w in cut)))
    return out


def _edges(columns: Sequence[Column]) -> list[tuple[float, bool]]:
    """(x, money) for the left edge of every column after the first: where a text cell ends."""
    return [(c.x0, c.role in MONEY_ROLES) for c in columns[1:]]


def _spans(word: Word, xs: Sequence[float]) -> bool:
    """Whether a column edge (sorted `xs`) falls inside the word: one bisection per word."""
    if len(word.text) < 4:
        return False
    k = bisect.bisect_right(xs, word.x0)
    return k < len(xs) and xs[k] < word.x1


def _cut(word: Word, edges: Sequence[tuple[float, bool]], mark: str) -> list[Word]:
    if len(word.text) < 4 or kind_of(word.text, mark) is not Kind.TEXT:
        return [word]
    for x, money in edges:
        if not word.x0 < x < word.x1:
            continue
        at = _position(word, x, money, mark)
        if at is not None:
            return [*_cut(_piece(word, 0, at), edges, mark), _piece(word, at, len(word.text))]
    return [word]


def _position(word: Word, x: float, money: bool, mark: str) -> int | None:
    """Where to cut `word` at the column edge `x`: a change of character kind near it. Into
    a money column the right piece must read as an amount (or the dash of an empty cell)."""
    text = word.text
    guess = round(len(text) * (x - word.x0) / (word.x1 - word.x0))
    candidates = sorted(range(1, len(text)), key=lambda i: abs(i - guess))
    for i in candidates:
        if abs(i - guess) > REACH:
            break
        if not _kind_change(text[i - 1], text[i]):
            continue
        right = text[i:]
        if money and right not in PLACEHOLDERS and kind_of(right, mark) is not Kind.STRONG:
            continue
        if not money and not _glued_text(text[:i], right):
            continue
        return i
    return None


def _glued_text(left: str, right: str) -> bool:
    """Between text columns only a code glued to a word is cut (`TX-240101-00000` + `ACH`):
    codes mix letters and digits everywhere (`5GDRC6V597WQ`), so a letter-digit change inside
    a word proves nothing on its own."""
    return len(left) >= 3 and left[-1].isdigit() and len(right) >= 2 and right.isalpha()


def _kind_change(a: str, b: str) -> bool:
    if a.isdigit() != b.isdigit() and (a.isalnum() and b.isalnum()):
        return True
    return ((a.isalnum() or a in ".)") and b in PLACEHOLDERS) or (a.isalpha() and b in "$£€")


def _piece(word: Word, start: int, end: int) -> Word:
    width = (word.x1 - word.x0) / len(word.text)
    return Word(
        word.text[start:end],
        word.x0 + start * width,
        word.y0,
        word.x0 + end * width,
        word.y1,
        word.page,
        word.confidence,
    )
