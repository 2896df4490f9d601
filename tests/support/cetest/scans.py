"""Image-only PDFs made from digital ones: what a scanner or a print-to-image would give."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import pikepdf
import pypdfium2 as pdfium
from PIL import Image


def page_images(
    pdf: bytes, dpi: int = 150, pages: Sequence[int] | None = None
) -> list[Image.Image]:
    """Greyscale images of `pages` (1-based; all when None) at `dpi`."""
    doc = pdfium.PdfDocument(pdf)
    try:
        numbers = list(pages) if pages is not None else list(range(1, len(doc) + 1))
        return [doc[n - 1].render(scale=dpi / 72, grayscale=True).to_pil() for n in numbers]
    finally:
        doc.close()


def image_pdf(images: Sequence[Image.Image], dpi: int = 150) -> bytes:
    """One page per image, each page the image's size at `dpi`; no text layer."""
    buf = io.BytesIO()
    first, *rest = images
    first.save(buf, "PDF", resolution=dpi, save_all=True, append_images=rest)
    return buf.getvalue()


def scanned(pdf: bytes, dpi: int = 150, pages: Sequence[int] | None = None) -> bytes:
    """`pdf` (its `pages`, 1-based) as an image-only PDF rendered at `dpi`."""
    return image_pdf(page_images(pdf, dpi, pages), dpi)


def mixed(pdf: bytes, scanned_pages: set[int], dpi: int = 150) -> bytes:
    """`pdf` with the pages in `scanned_pages` (1-based) replaced by images of themselves."""
    out = pikepdf.open(io.BytesIO(pdf))
    for number in sorted(scanned_pages):
        image = pikepdf.open(io.BytesIO(scanned(pdf, dpi, [number])))
        out.pages.insert(number - 1, image.pages[0])
        del out.pages[number]
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def money_key(row: Mapping[str, Any]) -> tuple[object, ...]:
    """A transaction row (extraction JSON or ground truth) by date and money, as numbers:
    what must match exactly on a scan whatever the description reads."""
    money = [row[k] for k in ("debit", "credit", "balance")]
    return (row["date"], *(Decimal(m) if m is not None else None for m in money))
