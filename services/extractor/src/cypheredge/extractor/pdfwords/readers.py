"""The composition of PDF readers for one document: geometry first, grids as fallbacks."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from cypheredge.extractor.domain.cascade import PageReader
from cypheredge.extractor.domain.textlayer import unusable
from cypheredge.extractor.domain.words import PageWords, Word
from cypheredge.extractor.pdfwords.layer_check import facts
from cypheredge.extractor.pdfwords.pdfium_words import PdfiumDocument
from cypheredge.extractor.pdfwords.plumber_tables import (
    LINES_LINES,
    LINES_TEXT,
    GridReader,
    PlumberPdf,
)

if TYPE_CHECKING:
    from cypheredge.extractor.ocr.engine import OcrEngine
    from cypheredge.extractor.tables.stage import TableStage


class PdfiumReader:
    """Stage 0: pypdfium2 word boxes (the fast geometric reading)."""

    method = "geometric"

    def __init__(self, doc: PdfiumDocument) -> None:
        self._doc = doc
        self.read = lru_cache(maxsize=None)(self._read)
        self.unusable = lru_cache(maxsize=None)(self._unusable)

    def _read(self, number: int) -> PageWords | None:
        return self._doc.page(number)

    def _unusable(self, number: int) -> str | None:
        """Why page `number`'s text layer cannot be read from (hidden garbage, text drawn
        as vector shapes, hidden text that does not match the page image), or None."""
        page = self.read(number)
        seen = self._doc.hints.get(number)
        if page is None or seen is None or not seen.worth_a_look:
            return None
        measured = self._doc.inspect(number, lambda p: facts(p, page, seen))
        return unusable(page.words, measured)

    def words(self, number: int) -> Sequence[Word]:
        page = self.read(number)
        return page.words if page is not None else ()


@dataclass
class Readers:
    words: PageReader
    page_count: int
    fallbacks: list[PageReader] = field(default_factory=list)
    ocr: list[PageReader] = field(default_factory=list)
    created: date | None = None  # the PDF's creation date (a last resort for the year)


@contextmanager
def open_readers(
    data: bytes,
    password: str | None = None,
    ocr: OcrEngine | None = None,
    tables: TableStage | None = None,
) -> Iterator[Readers]:
    """Readers over one PDF; with `ocr`, stage E reads the pages that have no text layer;
    with `tables`, stages C/D (the model's columns) follow A/B."""
    doc = PdfiumDocument(data, password)
    plumber = PlumberPdf(data)
    try:
        words = PdfiumReader(doc)
        fallbacks: list[PageReader] = [
            GridReader(plumber, LINES_LINES, "lines+lines", words.words),
            GridReader(plumber, LINES_TEXT, "lines+text", words.words),
        ]
        if tables is not None:
            from cypheredge.extractor.tables.finder import ColumnFinder
            from cypheredge.extractor.tables.reader import ColumnReader

            finder = ColumnFinder(doc, tables.model)
            fallbacks += [
                ColumnReader(finder, plumber, "lines", words.words),
                ColumnReader(finder, plumber, "text", words.words),
            ]
        readers: list[PageReader] = []
        if ocr is not None:
            from cypheredge.extractor.ocr.reader import OcrReader, SecondLook

            first = OcrReader(doc, ocr)
            readers.append(first)
            second = SecondLook(doc, ocr, first)
            fallbacks += [second.added, second.instead]
        yield Readers(words, len(doc), fallbacks, readers, created=doc.created())
    finally:
        plumber.close()
        doc.close()
