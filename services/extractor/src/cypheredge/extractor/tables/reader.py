"""Stages C and D as page readers: the model's columns as the grid's verticals, the page's
ruling lines (C) or its text lines (D) as the rows, and the page's own words regrouped into
those cells exactly as stages A and B regroup them (`domain.cells`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

from cypheredge.extractor.domain.cells import regroup
from cypheredge.extractor.domain.words import PageWords, Word
from cypheredge.extractor.pdfwords.plumber_tables import PlumberPdf, Settings, table_cells
from cypheredge.extractor.tables.columns import Columns, vertical_lines
from cypheredge.extractor.tables.finder import ColumnFinder

Rows = Literal["lines", "text"]


class ColumnReader:
    """Cascade stage C (`rows="lines"`, method `table-model+lines`) or D (`rows="text"`,
    method `table-model+text`); None for a page where the model found no table."""

    def __init__(
        self,
        finder: ColumnFinder,
        pdf: PlumberPdf,
        rows: Rows,
        words: Callable[[int], Sequence[Word]],
    ) -> None:
        self.method = f"table-model+{rows}"
        self._finder, self._pdf, self._rows, self._words = finder, pdf, rows, words

    def expect(self, numbers: Sequence[int]) -> None:
        self._finder.expect(numbers)

    def read(self, number: int) -> PageWords | None:
        columns = self._finder.columns(number)
        if columns is None:
            return None
        return column_cells(self._pdf.page(number), columns, self._rows, self._words(number))


def column_cells(
    page: Any, columns: Columns, rows: Rows, words: Sequence[Word]
) -> PageWords | None:
    """The words of `page` (a pdfplumber page) regrouped by `columns` and the rows that
    `rows` finds between the table's top and bottom; None where that grid holds no cell."""
    number = int(page.page_number)
    cells = table_cells(page, grid_settings(columns, rows))
    if not cells:
        return None
    return PageWords(number, float(page.width), float(page.height), regroup(words, cells, number))


def grid_settings(columns: Columns, rows: Rows) -> Settings:
    """pdfplumber's table settings for this grid: the separators drawn only over the table,
    so ruling and text above or below it make no cells."""
    top, bottom = columns.top, columns.bottom
    lines = [
        {"object_type": "line", "x0": x, "x1": x, "top": top, "bottom": bottom}
        | {"width": 0.0, "height": bottom - top}
        for x in vertical_lines(columns)
    ]
    return {
        "vertical_strategy": "explicit",
        "explicit_vertical_lines": lines,
        "horizontal_strategy": rows,
    }
