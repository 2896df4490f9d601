"""Where one text column ends and the next begins: the emptiest vertical band between titles.

Titles line up with their data in different ways (left, centred), so the split between two text
columns comes from the data itself: the x range that the fewest words of the table cross.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from cypheredge.extractor.domain.columns import Kind, Layout, kind_of
from cypheredge.extractor.domain.lines import Line
from cypheredge.extractor.domain.vocabulary import MONEY_ROLES

CROWDED = 0.3  # share of lines crossing the best gap above which the titles decide instead


def text_bounds(lines: Sequence[Line], layout: Layout, mark: str) -> tuple[float, ...]:
    """One split position per pair of neighbouring text columns (in x order)."""
    cols = [c for c in layout.columns if c.role not in MONEY_ROLES]
    words = [
        w
        for line in lines
        for w in line.words
        if layout.left <= w.x0 <= layout.right and kind_of(w.text, mark) is not Kind.STRONG
    ]
    bounds: list[float] = []
    for left, right in itertools.pairwise(cols):
        fallback = (left.x1 + right.x0) / 2 if left.x1 < right.x0 else (left.x0 + right.x0) / 2
        lo, hi = (left.x0 + left.x1) / 2, (right.x0 + right.x1) / 2
        bounds.append(_valley(words, lo, hi, len(lines), fallback))
    return tuple(bounds)


def _valley(words: Sequence[object], lo: float, hi: float, n_lines: int, fallback: float) -> float:
    size = int(hi - lo)
    if size < 2 or n_lines == 0:
        return fallback
    diff = [0] * (size + 2)
    for w in words:
        x0, x1 = getattr(w, "x0"), getattr(w, "x1")  # noqa: B009
        if x1 <= lo or x0 >= hi:
            continue
        a, b = max(0, int(x0 - lo)), min(size, int(x1 - lo))
        diff[a] += 1
        diff[b + 1] -= 1
    coverage, running = [], 0
    for i in range(size + 1):
        running += diff[i]
        coverage.append(running)
    least = min(coverage)
    if least > CROWDED * n_lines:
        return fallback
    best_start, best_len, start = 0, 0, None
    for i, value in enumerate([*coverage, least + 1]):
        if value == least and start is None:
            start = i
        elif value != least and start is not None:
            if i - start > best_len:
                best_start, best_len = start, i - start
            start = None
    return lo + best_start + best_len / 2
