"""Each page's table columns as the model sees them: pages rendered, read in batches, kept.

The cascade re-reads only the pages it is unsure of, one at a time; it says up front which
those may be (`expect`), so the first page asked for is read together with the next few.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from cypheredge.extractor.pdfwords.pdfium_words import PdfiumDocument
from cypheredge.extractor.tables.columns import Columns, page_columns

if TYPE_CHECKING:
    from PIL.Image import Image

    from cypheredge.extractor.tables.model import TableModel

# The structure model was trained on images whose longer side is 1000 px (its authors'
# MaxResize(1000)): pages are rendered at that size, whatever size the file gives them.
LONG_SIDE = 1000
BATCH = 4
MIN_SIDE = 16  # pixels: a sliver of a page holds no table


class ColumnFinder:
    """Columns of the pages of `doc`, from the model `load` gives (called on first need)."""

    def __init__(
        self, doc: PdfiumDocument, load: Callable[[], TableModel], batch: int = BATCH
    ) -> None:
        self._doc = doc
        self._load = load
        self._batch = batch
        self._found: dict[int, Columns | None] = {}
        self._expected: list[int] = []
        self.batches: list[list[int]] = []  # the pages of each call of the model, in order

    def expect(self, numbers: Sequence[int]) -> None:
        """The pages the cascade may ask for next, in order."""
        self._expected = [n for n in numbers if n not in self._found]

    def columns(self, number: int) -> Columns | None:
        if number not in self._found:
            others = [n for n in self._expected if n != number and n not in self._found]
            self._read([number, *others[: self._batch - 1]])
        return self._found[number]

    def _read(self, numbers: list[int]) -> None:
        pages = [(n, self._render(n)) for n in numbers]
        for n, page in pages:
            if page is None:
                self._found[n] = None
        drawn = [(n, page) for n, page in pages if page is not None]
        if not drawn:
            return
        found = self._load().detect([image for _, (image, _) in drawn])
        self.batches.append([n for n, _ in drawn])
        for (n, (_, scale)), detections in zip(drawn, found, strict=True):
            self._found[n] = page_columns(detections, scale)

    def _render(self, number: int) -> tuple[Image, float] | None:
        width, height = self._doc.page_size(number)
        if not (width > 0 and height > 0 and math.isfinite(width * height)):
            return None  # a hostile or broken page size: nothing to render
        scale = LONG_SIDE / max(width, height)
        if min(width, height) * scale < MIN_SIDE:
            return None
        return self._doc.render(number, scale), scale
