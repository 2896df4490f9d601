"""Word boxes: the only input the parsing logic needs (no PDF library in sight).

Coordinates are PDF points with the origin at the page's top-left corner, y growing downwards,
so `y0` is a word's top edge and `y1` its bottom edge.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

BBox = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Word:
    """One word on a page: its text, its box and, for a word read by OCR, the recogniser's
    confidence in [0, 1] (None for a text layer, which is read exactly)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    page: int = 1
    confidence: float | None = None

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def xc(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def yc(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(frozen=True, slots=True)
class PageWords:
    """The words of one page as one reader saw them; `words` empty means no text layer."""

    number: int
    width: float
    height: float
    words: Sequence[Word]


def least_confidence(words: Iterable[Word]) -> float | None:
    """The lowest recogniser confidence among `words` (None when none was read by OCR): what a
    word joined from pieces, or a row's figures, is worth."""
    return min((w.confidence for w in words if w.confidence is not None), default=None)


def union_bbox(words: Iterable[Word]) -> BBox:
    """The smallest box holding every word (all zeros for none)."""
    items = list(words)
    if not items:
        return (0.0, 0.0, 0.0, 0.0)
    return (
        min(w.x0 for w in items),
        min(w.y0 for w in items),
        max(w.x1 for w in items),
        max(w.y1 for w in items),
    )
