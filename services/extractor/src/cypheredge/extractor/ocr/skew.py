"""Small skew: a sheet fed a little crooked leans every line of text by the same angle.

The recogniser reads each leaning line well (it is cut out along the line's own box), but a
row's words drift up or down across the page, by a whole line's height at 3 degrees over an
A4 page's width, and the geometric parser groups words into rows by their heights. So the
angle is measured on the detected lines and every word's box turned back about the image's
centre; the image itself is never resampled.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

# Lines at least this many times longer than high give a reliable angle; below this tilt the
# drift across a page stays within a fraction of a line and is left alone.
LONG_LINE = 4.0
NEGLIGIBLE = 0.15  # degrees
LARGEST = 8.0  # degrees: more than that is not a crooked sheet but a drawing or a stamp
# A line of two characters' length or more leaning this far from the page's lean was not
# printed with the page.
STAMP_LINE = 2.0
OFF_LINE = 6.0  # degrees


def line_angle(quads: Sequence[np.ndarray]) -> float:
    """The lean of the long lines, in degrees (positive: the line rises to the right in the
    image), from quads whose points run top-left, top-right, bottom-right, bottom-left; 0.0
    when no line says. The detector fits many a short line with a level box whatever its
    lean, so each line counts by its width squared (its rise is that much clearer): the
    median of the lines weighted so."""
    found = [(a, w) for q in quads if (a := box_angle(q)) is not None and (w := _width(q)) > 0]
    if not found:
        return 0.0
    found.sort()
    weights = np.cumsum([w * w for _, w in found])
    angle = found[int(np.searchsorted(weights, weights[-1] / 2))][0]
    return angle if NEGLIGIBLE <= abs(angle) <= LARGEST else 0.0


def _width(quad: np.ndarray) -> float:
    (x0, y0), (x1, y1) = (tuple(map(float, p)) for p in quad[:2])
    return math.hypot(x1 - x0, y1 - y0)


def box_angle(quad: np.ndarray, longer: float = LONG_LINE) -> float | None:
    """One line's lean in degrees; None for a box less than `longer` times as long as high
    (too short to tell)."""
    (x0, y0), (x1, y1), _, (x3, y3) = (tuple(map(float, p)) for p in quad[:4])
    width, height = math.hypot(x1 - x0, y1 - y0), math.hypot(x3 - x0, y3 - y0)
    if width < longer * height or width <= 0:
        return None
    return math.degrees(math.atan2(y0 - y1, x1 - x0))


def off_line(quad: np.ndarray, lean: float) -> bool:
    """Whether a line leans away from the page's print: a rubber stamp or handwriting set
    across the table at its own angle, not a line the page printed."""
    angle = box_angle(quad, STAMP_LINE)
    return angle is not None and abs(angle - lean) > OFF_LINE


def level(
    points: Sequence[Sequence[float]] | np.ndarray, angle: float, centre: tuple[float, float]
) -> tuple[float, float, float, float]:
    """The upright box (x0, y0, x1, y1) of `points` once the lean `angle` is taken out."""
    theta = math.radians(angle)
    cos, sin = math.cos(theta), math.sin(theta)
    cx, cy = centre
    xs, ys = [], []
    for x, y in points:
        dx, dy = float(x) - cx, float(y) - cy
        # A line rising to the right is turned clockwise in image coordinates (y down).
        xs.append(cx + dx * cos - dy * sin)
        ys.append(cy + dx * sin + dy * cos)
    return min(xs), min(ys), max(xs), max(ys)
