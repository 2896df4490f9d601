"""From the model's boxes (image pixels) to a page's table columns (PDF points).

The structure model finds `table column` boxes (and the `table` around them); they overlap a
little and repeat now and then. What the grid readers need is the table's vertical extent
and one x-range per column, left to right, with no overlaps: that is what `page_columns`
gives, and `vertical_lines` turns it into the separators a grid strategy draws.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from cypheredge.extractor.tables.check import COLUMN

TABLE = "table"
# Two boxes that share most of the narrower one's width are one column found twice.
SAME_COLUMN = 0.5
# Narrower than this (points) is no column of text: about one character of body type.
MIN_WIDTH = 4.0


@dataclass(frozen=True, slots=True)
class Detection:
    """One box the model found: its label, score, and box in image pixels (x0, y0, x1, y1)."""

    label: str
    score: float
    box: tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Columns:
    """A table's columns on a page, in points: `spans` are (x0, x1) left to right, the table
    runs from `top` to `bottom`."""

    spans: tuple[tuple[float, float], ...]
    top: float
    bottom: float


def page_columns(detections: Sequence[Detection], scale: float) -> Columns | None:
    """The columns of the page the detections were made on (`scale` pixels per point), or
    None where the model found fewer than two columns (no table to read)."""
    kept = _distinct([(_points(d, scale), d.score) for d in detections if d.label == COLUMN])
    if len(kept) < 2:
        return None
    top = min(b[1] for b in kept)
    bottom = max(b[3] for b in kept)
    tables = [d for d in detections if d.label == TABLE]
    if tables:  # the surest table box bounds the columns where the model found one
        _, top, _, bottom = _points(max(tables, key=lambda d: d.score), scale)
    spans = tuple((b[0], b[2]) for b in sorted(kept, key=lambda b: b[0]))
    return Columns(_separated(spans), top, bottom)


def vertical_lines(columns: Columns) -> list[float]:
    """The x of each separator: the table's two edges and one between each pair of
    neighbouring columns, halfway across their gap (or their overlap)."""
    spans = columns.spans
    inner = [(left[1] + right[0]) / 2 for left, right in pairwise(spans)]
    return [spans[0][0], *inner, spans[-1][1]]


def _points(d: Detection, scale: float) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = d.box
    return (min(x0, x1) / scale, min(y0, y1) / scale, max(x0, x1) / scale, max(y0, y1) / scale)


def _distinct(
    scored: list[tuple[tuple[float, float, float, float], float]],
) -> list[tuple[float, float, float, float]]:
    """Best first, each box kept unless a kept one already covers most of its width."""
    kept: list[tuple[float, float, float, float]] = []
    for box, _ in sorted(scored, key=lambda s: -s[1]):
        width = box[2] - box[0]
        if width < MIN_WIDTH:
            continue
        if all(_shared(box, k) < SAME_COLUMN * min(width, k[2] - k[0]) for k in kept):
            kept.append(box)
    return kept


def _shared(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0]))


def _separated(spans: tuple[tuple[float, float], ...]) -> tuple[tuple[float, float], ...]:
    """Neighbours that still overlap a little meet halfway across their overlap."""
    out = list(spans)
    for i in range(1, len(out)):
        (x0, x1), (y0, y1) = out[i - 1], out[i]
        if y0 < x1:
            middle = (y0 + x1) / 2
            out[i - 1], out[i] = (x0, middle), (middle, y1)
    return tuple(out)
