"""The PDF adapters on small PDFs drawn here: word boxes, page rotation, ruled grids."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from reportlab.pdfgen import canvas

from cypheredge.extractor.domain import extract_pdf
from cypheredge.extractor.domain.lines import group_lines
from cypheredge.extractor.pdfwords.pdfium_words import PdfiumDocument
from cypheredge.extractor.pdfwords.plumber_tables import LINES_LINES, GridReader, PlumberPdf

ROWS = [("Date", "Description", "Debit", "Credit", "Balance")] + [
    (f"0{i}/02/2025", f"SHOP {i}", f"{i}.00", "", f"{100 - i * (i + 1) / 2:.2f}")
    for i in range(1, 6)
]
XS = (40, 140, 400, 480, 600)


def _statement(rotate: int = 0, ruled: bool = False) -> bytes:
    buf = io.BytesIO()
    width = 842.0 if rotate else 595.0
    top = 595.0 if rotate else 842.0
    # reportlab takes the displayed size and stores a page turned by /Rotate 90 portrait.
    pdf = canvas.Canvas(buf, pagesize=(width, top))
    if rotate:  # a landscape page stored portrait, /Rotate turning it clockwise to show
        pdf.setPageRotation(rotate)
        pdf.translate(*((top, 0) if rotate == 90 else (0, width)))
        pdf.rotate(90 if rotate == 90 else -90)
    y = top - 60
    for row in ROWS:
        for i, (x, text) in enumerate(zip(XS, row, strict=True)):
            (pdf.drawString if i < 2 else pdf.drawRightString)(x, y, text)
        if ruled:
            pdf.line(30, y - 4, min(width, 610), y - 4)
        y -= 16
    if ruled:
        for x in (30, 130, 330, 410, 490, 610):
            pdf.line(x, top - 48, x, y + 12)
        pdf.line(30, top - 48, 610, top - 48)
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def test_words_have_top_left_coordinates() -> None:
    with PdfiumDocument(_statement()) as doc:
        page = doc.page(1)
    first = group_lines(page.words)[0]
    assert [w.text for w in first.words] == ["Date", "Description", "Debit", "Credit", "Balance"]
    assert 45 < first.words[0].y0 < 60
    assert first.words[0].x0 == pytest.approx(40, abs=1)


@pytest.mark.parametrize("turn", [90, 270])
def test_rotated_page_reads_as_displayed(turn: int) -> None:
    result = extract_pdf(_statement(rotate=turn))
    assert [(t.description, t.debit) for t in result.transactions][:2] == [
        ("SHOP 1", Decimal("1.00")),
        ("SHOP 2", Decimal("2.00")),
    ]
    assert result.reconciled is True
    assert all(t.confidence >= 0.95 for t in result.transactions[1:])


def test_grid_reader_puts_each_ruled_row_on_one_line() -> None:
    data = _statement(ruled=True)
    with PdfiumDocument(data) as doc:
        words = doc.page(1).words
    pdf = PlumberPdf(data)
    try:
        page = GridReader(pdf, LINES_LINES, "lines+lines", lambda _: words).read(1)
    finally:
        pdf.close()
    assert page is not None
    lines = group_lines(page.words)
    assert [w.text for w in lines[1].words] == ["01/02/2025", "SHOP", "1", "1.00", "99.00"]
