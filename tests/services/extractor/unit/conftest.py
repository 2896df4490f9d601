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


def make_words(lines: Spec, page: int = 1, space: float = CHAR) -> list[Word]:
    """Words of `lines`; a cell's words are `space` apart (one character, as in a monospaced
    font, unless told), cells wherever they are put."""
    out: list[Word] = []
    for y, cells in lines:
        for cell in cells:
            x, text = cell[0], cell[1]
            if len(cell) == 3 and cell[2] == "r":
                x -= CHAR * len(text.replace(" ", "")) + space * text.count(" ")
            for token in text.split(" "):
                if token:
                    out.append(Word(token, x, y, x + CHAR * len(token), y + HEIGHT, page))
                x += CHAR * len(token) + space
    return out


class FakeReader:
    """A page reader over prepared pages (what the PDF adapters give the cascade)."""

    method = "geometric"

    def __init__(self, pages: Sequence[Spec], space: float = CHAR) -> None:
        self.pages = [
            PageWords(n, 600.0, 800.0, make_words(spec, n, space))
            for n, spec in enumerate(pages, start=1)
        ]

    def read(self, number: int) -> PageWords | None:
        return self.pages[number - 1]


def run_pages(*pages: Spec, space: float = CHAR) -> ExtractionResult:
    reader = FakeReader(pages, space)
    return Cascade(reader, len(pages)).run()


@pytest.fixture
def words() -> Callable[..., list[Word]]:
    return make_words


@pytest.fixture
def extract() -> Callable[..., ExtractionResult]:
    return run_pages
