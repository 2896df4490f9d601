"""Known columns to cells: a statement drawn here with rules between rows and none between
columns (so stages A/B find no grid), its columns given as the model would give them."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterator, Sequence
from decimal import Decimal

import pytest
from reportlab.pdfgen import canvas

from cypheredge.extractor.domain.cascade import Cascade
from cypheredge.extractor.domain.lines import group_lines
from cypheredge.extractor.domain.words import PageWords, Word
from cypheredge.extractor.pdfwords.pdfium_words import PdfiumDocument
from cypheredge.extractor.pdfwords.plumber_tables import LINES_LINES, PlumberPdf, table_cells
from cypheredge.extractor.tables.columns import Columns
from cypheredge.extractor.tables.reader import column_cells

HEADER = ("Date", "Description", "Debit", "Credit", "Balance")
# Each row: date, description lines, debit, credit, balance.
ROWS = [
    ("01/03/2025", ["OPENING BALANCE"], "", "", "500.00"),
    ("02/03/2025", ["CARD PAYMENT TO", "CORNER SHOP LONDON"], "12.50", "", "487.50"),
    ("03/03/2025", ["SALARY"], "", "1,000.00", "1,487.50"),
    ("05/03/2025", ["DIRECT DEBIT", "CITY WATER", "REF 88812"], "40.00", "", "1,447.50"),
]
LEFT = (40, 120)  # left-aligned columns start here
RIGHT = (360, 440, 540)  # right-aligned columns end here
COLUMNS = Columns(((36, 110), (116, 300), (310, 365), (380, 445), (460, 545)), 60, 250)
TOP = 842.0


def _statement() -> bytes:
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(595, TOP))
    y = TOP - 80
    pdf.drawString(LEFT[0], y, HEADER[0])
    pdf.drawString(LEFT[1], y, HEADER[1])
    for x, text in zip(RIGHT, HEADER[2:], strict=True):
        pdf.drawRightString(x, y, text)
    pdf.line(30, y - 5, 560, y - 5)
    for day, lines, *amounts in ROWS:
        y -= 16
        pdf.drawString(LEFT[0], y, day)
        for i, line in enumerate(lines):
            pdf.drawString(LEFT[1], y - 11 * i, line)
        for x, amount in zip(RIGHT, amounts, strict=True):
            if amount:
                pdf.drawRightString(x, y, amount)
        y -= 11 * (len(lines) - 1)
        pdf.line(30, y - 5, 560, y - 5)
    pdf.drawString(40, 60, "Page 1 of 1")
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def drawn() -> Iterator[tuple[object, list[Word]]]:
    data = _statement()
    with PdfiumDocument(data) as doc:
        words = list(doc.page(1).words)
    pdf = PlumberPdf(data)
    try:
        yield pdf.page(1), words
    finally:
        pdf.close()


def _tokens(words: Sequence[Word]) -> Counter[str]:
    return Counter(t for w in words for t in w.text.split())


def test_no_ruled_grid_for_stages_a_and_b(drawn: tuple[object, list[Word]]) -> None:
    page, _ = drawn
    assert table_cells(page, LINES_LINES) == []


def test_each_column_becomes_one_cell_per_ruled_row(drawn: tuple[object, list[Word]]) -> None:
    page, words = drawn
    read = column_cells(page, COLUMNS, "lines", words)
    assert read is not None
    lines = [[w.text for w in line.words] for line in group_lines(list(read.words))]
    assert lines[2][-3:] == ["CARD PAYMENT TO CORNER SHOP LONDON", "12.50", "487.50"]
    assert lines[4][-3:] == ["DIRECT DEBIT CITY WATER REF 88812", "40.00", "1,447.50"]
    # Nothing is lost or made up: the same words, regrouped.
    assert _tokens(read.words) == _tokens(words)
    # Outside the table (below its bottom) words stay where they were.
    footer = [w for w in read.words if w.text in ("Page", "of")]
    assert footer == [w for w in words if w.text in ("Page", "of")]


def test_text_rows_keep_each_printed_line(drawn: tuple[object, list[Word]]) -> None:
    page, words = drawn
    read = column_cells(page, COLUMNS, "text", words)
    assert read is not None
    assert len(group_lines(list(read.words))) == len(group_lines(words))
    assert _tokens(read.words) == _tokens(words)


class Prepared:
    """A page reader over one page already read (stage C's output)."""

    method = "table-model+lines"

    def __init__(self, page: PageWords) -> None:
        self.page = page

    def read(self, number: int) -> PageWords | None:
        return self.page if number == self.page.number else None


def test_the_parser_reads_the_cells_as_transactions(drawn: tuple[object, list[Word]]) -> None:
    page, words = drawn
    read = column_cells(page, COLUMNS, "lines", words)
    assert read is not None
    result = Cascade(Prepared(read), 1).run()
    assert [(t.description, t.debit, t.credit) for t in result.transactions] == [
        ("CARD PAYMENT TO CORNER SHOP LONDON", Decimal("12.50"), None),
        ("SALARY", None, Decimal("1000.00")),
        ("DIRECT DEBIT CITY WATER REF 88812", Decimal("40.00"), None),
    ]
    assert result.reconciled is True
    assert result.pages[0].method == "table-model+lines"
