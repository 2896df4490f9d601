"""Page images for OCR: at the engine's resolution, never above, within a pixel budget.

A page's size in points is whatever the file says, so a hostile file can ask for a bitmap of
billions of pixels; the budget is checked before pdfium allocates anything.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cypheredge.extractor.pdfwords.pdfium_words import PdfiumDocument

if TYPE_CHECKING:
    from PIL.Image import Image

# ~10 MP: an A3 page at 200 dpi (7.8 MP) fits; a greyscale bitmap of it is 10 MB, and the
# detector's working memory grows with it (about 100 bytes a pixel on onnxruntime).
MAX_PIXELS = 10_000_000
# Below this the recogniser cannot read body text (7 pt type is ~10 px high at 100 dpi).
MIN_DPI = 100
POINTS_PER_INCH = 72.0


class PageTooLarge(ValueError):
    """A page whose image would exceed the pixel budget even at the smallest useful dpi."""


@dataclass(frozen=True)
class Rendered:
    """A page image and `scale`, its pixels per point (pixel / scale = points)."""

    image: Image
    scale: float
    rotation: int  # clockwise turn beyond the page's own /Rotate


def plan_dpi(size: tuple[float, float], dpi: int, max_pixels: int = MAX_PIXELS) -> float:
    """The dpi to render a page of `size` points at: `dpi`, or less where the page is so
    large that `dpi` would exceed `max_pixels` (a large legitimate page is read a little
    coarser, not refused); PageTooLarge when even MIN_DPI would."""
    width, height = size
    if not (width > 0 and height > 0 and math.isfinite(width * height)):
        raise PageTooLarge(f"the page has no usable size ({width} x {height} points)")
    inches = (width / POINTS_PER_INCH) * (height / POINTS_PER_INCH)
    fits = math.sqrt(max_pixels / inches)
    chosen = min(float(dpi), fits)
    if chosen < MIN_DPI:
        pixels = inches * MIN_DPI * MIN_DPI
        raise PageTooLarge(
            f"the page is {width / 72:.0f} x {height / 72:.0f} inches: at {MIN_DPI} dpi its image"
            f" would be {pixels / 1e6:.0f} million pixels, above the limit of"
            f" {max_pixels / 1e6:.0f} million"
        )
    return chosen


def render_page(
    doc: PdfiumDocument,
    number: int,
    dpi: int,
    rotation: int = 0,
    max_pixels: int = MAX_PIXELS,
) -> Rendered:
    """Page `number` as the engine should see it; raises PageTooLarge (see plan_dpi)."""
    chosen = plan_dpi(doc.page_size(number), dpi, max_pixels)
    scale = chosen / POINTS_PER_INCH
    # In colour: the clean-up drops coloured ink (stamps, pen) that grey would keep.
    return Rendered(doc.render(number, scale, rotation, grayscale=False), scale, rotation)
