"""Statements as devices give them back: image-only pages, deterministic, truth unchanged."""

from __future__ import annotations

import io
from typing import cast

import numpy as np
import pikepdf
import pypdfium2 as pdfium
import pytest
from PIL import Image

from cypheredge.synth import generate
from cypheredge.synth.scan import STYLES, scan


def _texts(pdf: bytes) -> list[str]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [page.get_textpage().get_text_range().strip() for page in doc]
    finally:
        doc.close()


def _sizes(pdf: bytes) -> list[tuple[int, int]]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [(round(page.get_size()[0]), round(page.get_size()[1])) for page in doc]
    finally:
        doc.close()


@pytest.fixture(scope="module")
def statement_pdf() -> bytes:
    return generate("uk_ruled", 0).pdf


@pytest.mark.parametrize("style", sorted(set(STYLES) - {"mixed"}))
def test_every_page_becomes_an_image_of_the_same_size(statement_pdf: bytes, style: str) -> None:
    out = scan(statement_pdf, STYLES[style], 0)
    assert all(text == "" for text in _texts(out))
    sizes, original = _sizes(out), _sizes(statement_pdf)
    if STYLES[style].turn in (90, 270):
        original = [(h, w) for w, h in original]
    assert len(sizes) == len(original)
    for got, want in zip(sizes, original, strict=True):
        assert abs(got[0] - want[0]) <= 1
        assert abs(got[1] - want[1]) <= 1


def test_a_mixed_pdf_scans_only_its_pages(statement_pdf: bytes) -> None:
    texts = _texts(scan(statement_pdf, STYLES["mixed"], 0))
    assert [bool(t) for t in texts] == [True, False, True]


def test_the_same_seed_gives_the_same_bytes_and_another_seed_another_scan(
    statement_pdf: bytes,
) -> None:
    style = STYLES["crooked"]
    assert scan(statement_pdf, style, 3) == scan(statement_pdf, style, 3)
    assert scan(statement_pdf, style, 3) != scan(statement_pdf, style, 4)


def _first_image(pdf: bytes) -> Image.Image:
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        [raw] = doc.pages[0].get_images().values()
        image = pikepdf.PdfImage(cast(pikepdf.Stream, raw)).as_pil_image()
        image.load()
        return image


def test_styles_differ_as_their_devices_do(statement_pdf: bytes) -> None:
    colour = _first_image(scan(statement_pdf, STYLES["colour-stamped"], 0))
    fax = _first_image(scan(statement_pdf, STYLES["fax"], 0))
    archive = _first_image(scan(statement_pdf, STYLES["archive"], 0))
    assert colour.mode == "RGB"
    assert fax.mode in ("1", "L")
    assert len(np.unique(np.asarray(fax.convert("L")))) <= 2
    assert abs(archive.width - 595.28 * 300 / 72) <= 1  # 300 dpi
    assert abs(fax.width - 595.28 * 204 / 72) <= 1  # a fax's fine mode: 204 x 196 dpi
    assert abs(fax.height - 841.89 * 196 / 72) <= 1
