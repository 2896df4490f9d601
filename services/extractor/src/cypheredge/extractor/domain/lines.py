"""Grouping word boxes into visual lines."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from cypheredge.extractor.domain.words import Word


@dataclass(slots=True)
class Line:
    """Words sharing a baseline band, left to right."""

    words: list[Word] = field(default_factory=list)

    @property
    def y0(self) -> float:
        return min(w.y0 for w in self.words)

    @property
    def y1(self) -> float:
        return max(w.y1 for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def group_lines(words: Sequence[Word]) -> list[Line]:
    """Cluster words into lines by vertical centre, top to bottom.

    A word joins the current line when its centre lies within 40% of the smaller height of the
    line's running centre: loose enough for mixed font sizes on one row, tight enough that
    consecutive rows (pitch >= 1 line height) never merge.
    """
    if not words:
        return []
    keyed = sorted(((w.y0 + w.y1) / 2, w.x0, i) for i, w in enumerate(words))
    lines: list[Line] = []
    centre = 0.0
    height = 0.0
    current: list[Word] = []
    for yc, _, i in keyed:
        word = words[i]
        h = max(word.y1 - word.y0, 1.0)
        if current and abs(yc - centre) <= 0.4 * min(h, height):
            current.append(word)
            centre += (yc - centre) / len(current)
            height = max(height, h)
            continue
        current = [word]
        lines.append(Line(current))
        centre, height = yc, h
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return lines


def median(values: Sequence[float], default: float = 0.0) -> float:
    if not values:
        return default
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid]) / 2
