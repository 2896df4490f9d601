"""Where one text column ends and the next begins: the emptiest vertical band between titles.

Titles line up with their data in different ways (left, centred), so the split between two text
columns comes from the data itself: the x range that the fewest words of the table cross.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from functools import lru_cache

from cypheredge.extractor.domain.columns import Kind, Layout, kind_of
from cypheredge.extractor.domain.dates import parse_date
from cypheredge.extractor.domain.lines import Line, median
from cypheredge.extractor.domain.roles import Role
from cypheredge.extractor.domain.vocabulary import MONEY_ROLES
from cypheredge.extractor.domain.words import Word

CROWDED = 0.3  # share of lines crossing the best gap above which the titles decide instead
GUTTER = 0.6  # x word height: the narrowest gap between columns (as `header.split_cells`)


def text_bounds(lines: Sequence[Line], layout: Layout, mark: str) -> tuple[float, ...]:
    """One split position per pair of neighbouring text columns (in x order)."""
    cols = [c for c in layout.columns if c.role not in MONEY_ROLES]
    # Lines with figures are the table's rows; prose printed in the same band (a payment slip,
    # a footer) would fill the gutters, so it counts only where too few rows show the columns.
    rows = [ln for ln in lines if any(kind_of(w.text, mark) is Kind.STRONG for w in ln.words)]
    # Totals and notes under a table carry figures too, but no date: where rows are dated,
    # only dated lines are rows.
    dated = [ln for ln in rows if _dated(ln)] if any(c.role is Role.DATE for c in cols) else []
    rows = dated or rows
    by_rows = len(rows) >= 3
    all_lines, lines = lines, rows if by_rows else lines
    words = _texts(lines, layout, mark)
    every = _texts(all_lines, layout, mark) if by_rows else words
    # One or two rows (a page's last transaction under its repeated header) still show their
    # gutters better than the totals and notes printed under them, which run across columns.
    few = _texts(rows, layout, mark) if rows and not by_rows else []
    narrowest = GUTTER * median([w.height for w in words], 10.0)
    bounds: list[float] = []
    for left, right in itertools.pairwise(cols):
        fallback = (left.x1 + right.x0) / 2 if left.x1 < right.x0 else (left.x0 + right.x0) / 2
        # Text starts at (or a little before) its title: a gap further right is inside the
        # column (between a merchant and its town), not between the columns.
        lo = (left.x0 + left.x1) / 2
        hi = max(lo + 2, min((right.x0 + right.x1) / 2, right.x0 + 2 * narrowest))
        coverage, crowd, near = _coverage(words, lo, hi) if lines else [], len(lines), by_rows
        if by_rows and not any(coverage):
            # Rows printing their texts on a line of their own (the figures under them with a
            # second date): the figures' lines show nothing here, every line does.
            coverage, crowd, near = _coverage(every, lo, hi), len(all_lines), False
        # Only where those rows print text here: rows whose figures sit on a line of their own
        # show nothing of the columns above them.
        sparse = _coverage(few, lo, hi) if few else []
        found = _valley(sparse, 0, narrowest) if any(sparse) else None
        found = found or _valley(coverage, CROWDED * crowd, narrowest)
        if found is None:
            bounds.append(fallback)
            continue
        start, length = found
        # Read from rows alone, the gap ends where the next column's data begins: wrapped
        # description lines (not counted) may reach into it, so the cut keeps to its far side.
        offset = start + length - min(length / 2, narrowest / 2) if near else start + length / 2
        bounds.append(lo + offset)
    return tuple(bounds)


def _dated(line: Line) -> bool:
    """The line begins with a date (`Jan 9`, `03 Apr 2025`, `2024-01-09`)."""
    words = [w.text for w in line.words[:3]]
    return any(_date(" ".join(words[:n])) for n in (1, 2, 3))


@lru_cache(maxsize=1 << 12)
def _date(text: str) -> bool:
    return parse_date(text) is not None


def _texts(lines: Sequence[Line], layout: Layout, mark: str) -> list[Word]:
    return [
        w
        for line in lines
        for w in line.words
        if layout.left <= w.x0 <= layout.right and kind_of(w.text, mark) is not Kind.STRONG
    ]


def _coverage(words: Sequence[Word], lo: float, hi: float) -> list[int]:
    """How many words cross each point between `lo` and `hi` (one slot per point)."""
    size = int(hi - lo)
    if size < 2:
        return []
    diff = [0] * (size + 2)
    for w in words:
        if w.x1 <= lo or w.x0 >= hi:
            continue
        diff[max(0, int(w.x0 - lo))] += 1
        diff[min(size, int(w.x1 - lo)) + 1] -= 1
    return list(itertools.accumulate(diff[: size + 1]))


def _valley(coverage: Sequence[int], crowded: float, narrowest: float) -> tuple[int, int] | None:
    """(start, length) of the widest band crossed by the fewest words. A band narrower than a column
    gap is the space inside a value (`03 Apr | 2025`): then a few stray crossings (a footer
    printed across the table) are tolerated to find the real gap."""
    levels = sorted(set(coverage))
    for level in levels:
        if level > crowded:
            break
        start, length = _widest(coverage, level)
        if length + 1 >= narrowest:
            return start, length
    return None


def _widest(coverage: Sequence[int], level: int) -> tuple[int, int]:
    best_start, best_len, start = 0, 0, None
    for i, value in enumerate([*coverage, level + 1]):
        if value <= level and start is None:
            start = i
        elif value > level and start is not None:
            if i - start > best_len:
                best_start, best_len = start, i - start
            start = None
    return best_start, best_len
