"""Hand-built word boxes: statements typed out as (y, cells) instead of PDFs."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from cypheredge.extractor.domain.cascade import Cascade
from cypheredge.extractor.domain.model import ExtractionResult
from cypheredge.extractor.domain.words import PageWords, Word

CHAR = 5.0  # points per character
HEIGHT = 10.0
# A cell is (x, text): left-aligned at x, or (x, text, "r"): right-aligned, ending at x.
Cell = tuple[float, str] | tuple[float, str, str]
Spec = Sequence[tuple[float, Sequence[Cell]]]


def make_words(lines: Spec, page: int = 1) -> list[Word]:
    """Words of `lines`; a cell's words are one space apart, cells wherever they are put."""
    out: list[Word] = []
    for y, cells in lines:
        for cell in cells:
            x, text = cell[0], cell[1]
            if len(cell) == 3 and cell[2] == "r":
                x -= CHAR * len(text)
            for token in text.split(" "):
                if token:
                    out.append(Word(token, x, y, x + CHAR * len(token), y + HEIGHT, page))
                x += CHAR * (len(token) + 1)
    return out


class FakeReader:
    """A page reader over prepared pages (what the PDF adapters give the cascade)."""

    method = "geometric"

    def __init__(self, pages: Sequence[Spec]) -> None:
        self.pages = [
            PageWords(n, 600.0, 800.0, make_words(spec, n)) for n, spec in enumerate(pages, start=1)
        ]

    def read(self, number: int) -> PageWords | None:
        return self.pages[number - 1]


def run_pages(*pages: Spec) -> ExtractionResult:
    reader = FakeReader(pages)
    return Cascade(reader, len(pages)).run()


@pytest.fixture
def words() -> Callable[..., list[Word]]:
    return make_words


@pytest.fixture
def extract() -> Callable[..., ExtractionResult]:
    return run_pages
