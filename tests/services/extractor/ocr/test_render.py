"""Rendering for OCR and the way back: pixel budgets, page turns, pixels to points."""

from __future__ import annotations

import io

import pikepdf
import pytest
from PIL import Image

from cetest.scans import image_pdf
from cypheredge.extractor.ocr.engine import OcrWord
from cypheredge.extractor.ocr.rapid import split_line
from cypheredge.extractor.ocr.reader import to_page_words
from cypheredge.extractor.ocr.render import (
    MAX_PIXELS,
    PageTooLarge,
    Rendered,
    plan_dpi,
    render_page,
)
from cypheredge.extractor.pdfwords.pdfium_words import PdfiumDocument

A4 = (595.0, 842.0)


def test_an_a4_page_is_rendered_at_the_engines_dpi_and_no_more() -> None:
    assert plan_dpi(A4, 200) == 200
    assert plan_dpi(A4, 150) == 150


def test_a_large_page_is_read_coarser_within_the_budget() -> None:
    poster = (2 * 842.0, 2 * 1191.0)  # A1
    dpi = plan_dpi(poster, 200)
    assert 100 <= dpi < 200
    assert (poster[0] / 72 * dpi) * (poster[1] / 72 * dpi) <= MAX_PIXELS * 1.0001


def test_a_page_that_would_be_an_image_bomb_is_refused_with_the_reason() -> None:
    with pytest.raises(PageTooLarge, match=r"at 100 dpi its image would be \d+ million pixels"):
        plan_dpi((14_400.0, 14_400.0), 200)  # 200 x 200 inches, the most a PDF page may be
    with pytest.raises(PageTooLarge, match="no usable size"):
        plan_dpi((0.0, 842.0), 200)


def test_a_huge_page_in_a_real_pdf_is_refused_before_pdfium_allocates() -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(14_400, 14_400))
    buf = io.BytesIO()
    pdf.save(buf)
    doc = PdfiumDocument(buf.getvalue())
    try:
        with pytest.raises(PageTooLarge):
            render_page(doc, 1, 200)
    finally:
        doc.close()


def test_a_rotated_page_renders_as_displayed_and_maps_back_to_its_points() -> None:
    # A landscape image on a portrait page turned by /Rotate 90: displayed 842 x 595.
    source = pikepdf.open(io.BytesIO(image_pdf([Image.new("L", (1240, 1754), 255)])))
    source.pages[0].rotate(90, relative=False)
    buf = io.BytesIO()
    source.save(buf)
    doc = PdfiumDocument(buf.getvalue())
    try:
        width, height = doc.page_size(1)
        assert width > height
        rendered = render_page(doc, 1, 100)
        assert rendered.image.size == pytest.approx((width * 100 / 72, height * 100 / 72), abs=1)
        turned = render_page(doc, 1, 100, rotation=90)
        assert turned.image.size == (rendered.image.size[1], rendered.image.size[0])
    finally:
        doc.close()


def test_pixel_boxes_become_points_from_the_top_left() -> None:
    rendered = Rendered(Image.new("L", (1654, 2339)), 200 / 72, 0)
    words = [
        OcrWord("12.50", 1000.0, 500.0, 1100.0, 530.0, 0.98),
        OcrWord("Paid", 100, 500, 180, 530, 0.9),
    ]
    page = to_page_words(3, words, rendered)
    assert (page.number, page.width, page.height) == pytest.approx((3, 595.44, 842.04), abs=0.01)
    first, second = page.words
    assert first.text == "Paid"  # reading order: top to bottom, left to right
    assert (second.x0, second.y0, second.x1, second.y1) == pytest.approx(
        (360.0, 180.0, 396.0, 190.8)
    )
    assert second.page == 3


def test_a_speck_read_as_a_mark_on_its_own_is_no_word_and_a_sign_apart_is_one() -> None:
    rendered = Rendered(Image.new("L", (1654, 2339)), 200 / 72, 0)
    texts = ["Purchase", ".", "·", ".,", "-", "8", "208,00", "+"]
    words = [
        OcrWord(t, 100.0 + 80 * k, 500.0, 170.0 + 80 * k, 530.0, 0.9) for k, t in enumerate(texts)
    ]
    assert [w.text for w in to_page_words(1, words, rendered).words] == [
        "Purchase", "-", "8", "208,00", "+",
    ]  # fmt: skip


def test_a_line_without_word_boxes_is_split_by_character_widths() -> None:
    words = split_line("01 Nov  4.08", (100.0, 10.0, 220.0, 20.0), 0.9)
    assert [w.text for w in words] == ["01", "Nov", "4.08"]
    edges = [edge for w in words for edge in (w.x0, w.x1)]
    assert edges == pytest.approx([100, 120, 130, 160, 180, 220])
