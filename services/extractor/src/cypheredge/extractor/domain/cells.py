"""Table cells as words: how a grid (ruled, or columns found by a model) regroups a page's words.

Every grid reader hands the parser the same shape: each row's cells snapped onto one line, a
cell whose text wraps joined into a single word in reading order, words outside every cell as
they were. The parser then reads a gridded page like any other.
"""

from __future__ import annotations

from collections.abc import Sequence

from cypheredge.extractor.domain.lines import group_lines
from cypheredge.extractor.domain.words import Word

CellBox = tuple[float, float, float, float]  # x0, top, x1, bottom in points


def inside(word: Word, box: CellBox) -> bool:
    """A word belongs to the cell that holds its centre."""
    x0, top, x1, bottom = box
    return x0 <= word.xc <= x1 and top <= word.yc <= bottom


def snap(words: Sequence[Word], box: CellBox, number: int) -> list[Word]:
    """Put a cell's words on the row's line; a wrapped cell becomes one word."""
    if not words:
        return []
    _, top, _, bottom = box
    lines = group_lines(list(words))
    if len(lines) == 1:
        return [Word(w.text, w.x0, top, w.x1, bottom, number) for w in lines[0].words]
    text = " ".join(line.text for line in lines)
    return [Word(text, min(w.x0 for w in words), top, max(w.x1 for w in words), bottom, number)]


def regroup(words: Sequence[Word], rows: Sequence[Sequence[CellBox]], number: int) -> list[Word]:
    """`words` regrouped by the cells of `rows` (each word in the first cell holding it)."""
    used: set[int] = set()
    out: list[Word] = []
    for cells in rows:
        for box in cells:
            held = [i for i, w in enumerate(words) if i not in used and inside(w, box)]
            used.update(held)
            out += snap([words[i] for i in held], box, number)
    out += [w for i, w in enumerate(words) if i not in used]
    return out
