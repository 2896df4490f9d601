"""Ruled-table strategies from pdfplumber (A: lines+lines, B: lines+text) as word boxes.

A table's grid decides which words belong together: each row's cells are snapped onto one line,
and a cell whose text wraps becomes a single word in reading order.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from cypheredge.extractor.domain.cells import CellBox, inside, regroup
from cypheredge.extractor.domain.words import PageWords, Word

Settings = dict[str, Any]
LINES_LINES: Settings = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
LINES_TEXT: Settings = {"vertical_strategy": "lines", "horizontal_strategy": "text"}
TEXT_TEXT: Settings = {"vertical_strategy": "text", "horizontal_strategy": "text"}


class PlumberPdf:
    """A lazily opened pdfplumber document (opening it costs more than reading words)."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pdf: Any = None

    def page(self, number: int) -> Any:
        if self._pdf is None:
            import pdfplumber

            self._pdf = pdfplumber.open(io.BytesIO(self._data))
        return self._pdf.pages[number - 1]

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()


def table_cells(page: Any, settings: Settings) -> list[list[CellBox]]:
    """The cell boxes of every table the strategy finds, row by row."""
    out: list[list[CellBox]] = []
    for table in page.find_tables(settings):
        for row in table.rows:
            cells = [tuple(c) for c in row.cells if c is not None]
            if cells:
                out.append(cells)
    return out


class GridReader:
    """Our own word boxes, regrouped by a pdfplumber grid (cascade stages A and B)."""

    def __init__(
        self,
        pdf: PlumberPdf,
        settings: Settings,
        method: str,
        words: Callable[[int], Sequence[Word]],
    ) -> None:
        self.pdf, self.settings, self.method, self._words = pdf, settings, method, words

    def read(self, number: int) -> PageWords | None:
        page = self.pdf.page(number)
        rows = table_cells(page, self.settings)
        if not rows:
            return None
        out = regroup(list(self._words(number)), rows, number)
        return PageWords(number, float(page.width), float(page.height), out)


class PlumberOnlyReader:
    """pdfplumber alone (the benchmark baseline): table cells as words, its words elsewhere."""

    method = "pdfplumber"

    def __init__(self, pdf: PlumberPdf) -> None:
        self.pdf = pdf

    def read(self, number: int) -> PageWords | None:
        page = self.pdf.page(number)
        for settings, method in (
            (LINES_LINES, "lines+lines"),
            (LINES_TEXT, "lines+text"),
            (TEXT_TEXT, "text+text"),
        ):
            tables = page.find_tables(settings)
            if tables:
                self.method = method
                return _plumber_page(page, tables, number)
        words = [_plumber_word(w, number) for w in page.extract_words()]
        return PageWords(number, float(page.width), float(page.height), words)


def _plumber_page(page: Any, tables: Sequence[Any], number: int) -> PageWords:
    out: list[Word] = []
    boxes = [t.bbox for t in tables]
    for table in tables:
        for row, texts in zip(table.rows, table.extract(), strict=False):
            for box, text in zip(row.cells, texts, strict=False):
                if box is not None and text:
                    clean = " ".join(str(text).split())
                    out.append(Word(clean, box[0], box[1], box[2], box[3], number))
    for w in page.extract_words():
        word = _plumber_word(w, number)
        if not any(inside(word, b) for b in boxes):
            out.append(word)
    return PageWords(number, float(page.width), float(page.height), out)


def _plumber_word(w: dict[str, Any], number: int) -> Word:
    return Word(
        str(w["text"]), float(w["x0"]), float(w["top"]), float(w["x1"]), float(w["bottom"]), number
    )
