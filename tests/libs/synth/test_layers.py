"""Searchable scans and outlined text: deterministic, only the chosen pages changed, the
layer each kind promises (hidden, the page's own words, misreadings, another page's, the
first lines only) and outlines that look like the text they replace."""

from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from cypheredge.synth import generate
from cypheredge.synth.layers import Layer, outlined, searchable


@pytest.fixture(scope="module")
def statement_pdf() -> bytes:
    return generate("uk_ruled", 0).pdf


def _words(pdf: bytes) -> list[list[str]]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [page.get_textpage().get_text_range().split() for page in doc]
    finally:
        doc.close()


def _objects(pdf: bytes, number: int) -> list[int]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [obj.type for obj in doc[number - 1].get_objects()]
    finally:
        doc.close()


def _render(pdf: bytes, number: int) -> np.ndarray:
    doc = pdfium.PdfDocument(pdf)
    try:
        return np.asarray(doc[number - 1].render(scale=1.5, grayscale=True).to_pil(), float)
    finally:
        doc.close()


def _hidden(pdf: bytes, number: int) -> bool:
    """Whether every text object of the page is drawn invisibly (render mode 3)."""
    doc = pdfium.PdfDocument(pdf)
    try:
        modes = {
            pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw)
            for obj in doc[number - 1].get_objects()
            if obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT
        }
        return modes == {pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE}
    finally:
        doc.close()


@pytest.mark.parametrize("layer", ["own", "garbage", "other", "sparse"])
def test_a_searchable_page_is_one_image_under_hidden_text_and_the_rest_untouched(
    statement_pdf: bytes, layer: Layer
) -> None:
    pdf = searchable(statement_pdf, layer, {2})
    assert pdf == searchable(statement_pdf, layer, {2})  # deterministic
    kinds = _objects(pdf, 2)
    assert kinds.count(pdfium_c.FPDF_PAGEOBJ_IMAGE) == 1
    assert set(kinds) == {pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_TEXT}
    assert _hidden(pdf, 2)
    before, after = _words(statement_pdf), _words(pdf)
    assert (after[0], after[2]) == (before[0], before[2])


def test_each_layer_holds_what_it_promises(statement_pdf: bytes) -> None:
    own = _words(statement_pdf)
    assert _words(searchable(statement_pdf, "own", {2}))[1] == own[1]
    assert _words(searchable(statement_pdf, "other", {2}))[1] == own[2]
    assert _words(searchable(statement_pdf, "other", {3}))[2] == own[1]  # the last: previous
    sparse = _words(searchable(statement_pdf, "sparse", {2}))[1]
    assert 0 < len(sparse) < len(own[1]) / 4
    assert set(sparse) <= set(own[1][: 2 * len(sparse)])  # among the page's first lines
    garbage = _words(searchable(statement_pdf, "garbage", {2}))[1]
    changed = sum(g != o for g, o in zip(garbage, own[1], strict=False))
    assert changed > 0.7 * len(own[1])


def test_a_searchable_scan_shows_the_page_as_printed(statement_pdf: bytes) -> None:
    scanned, printed = _render(searchable(statement_pdf, "own", {1}), 1), _render(statement_pdf, 1)
    assert scanned.shape == printed.shape
    assert np.corrcoef(scanned.ravel(), printed.ravel())[0, 1] > 0.8  # JPEG, paper


def test_outlined_text_leaves_no_text_layer_and_looks_the_same(statement_pdf: bytes) -> None:
    pdf = outlined(statement_pdf, {2})
    assert pdf == outlined(statement_pdf, {2})
    words = _words(pdf)
    assert words[1] == []
    assert (words[0], words[2]) == tuple(_words(statement_pdf)[i] for i in (0, 2))
    kinds = _objects(pdf, 2)
    assert pdfium_c.FPDF_PAGEOBJ_TEXT not in kinds
    assert kinds.count(pdfium_c.FPDF_PAGEOBJ_PATH) > 500  # one path per glyph
    drawn, printed = _render(pdf, 2), _render(statement_pdf, 2)
    assert np.abs(drawn - printed).mean() < 2.0  # grey levels out of 255
