"""Stage E as a PageReader: render a page, recognise it, hand its words to the same parser.

Words come back in PDF points with a top-left origin, as the text-layer reader gives them,
so the geometric parser cannot tell a scanned page from a digital one. A page that had to be
turned to be read upright (scanned sideways or upside down) is given in its upright frame.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

from cypheredge.extractor.domain.words import PageWords, Word
from cypheredge.extractor.ocr.clean import for_recognition
from cypheredge.extractor.ocr.confusions import correct
from cypheredge.extractor.ocr.engine import OcrEngine, OcrWord
from cypheredge.extractor.ocr.lookalikes import restore
from cypheredge.extractor.ocr.render import PageTooLarge, Rendered, render_page
from cypheredge.extractor.ocr.titles import mend_titles
from cypheredge.extractor.pdfwords.pdfium_words import PdfiumDocument

log = logging.getLogger(__name__)
# A speck of a copier or a fax read as a mark on its own (`.`, `·`, `.,`): no word. A dash or
# a plus on its own is kept: a sign printed apart from its figure, or a cell's nothing.
SPECK = re.compile(r"[.,:;`·~]{1,2}")


class OcrReader:
    """Reads pages by OCR with `engine` (method `ocr:<engine>`); `skipped` holds the reason
    for each page it refused (an image over the pixel budget), `pages` each page it read.
    `fine`: each page with the engine's second, slower look."""

    def __init__(self, doc: PdfiumDocument, engine: OcrEngine, fine: bool = False) -> None:
        self._doc = doc
        self._engine = engine
        self._fine = fine
        self.method = f"ocr:{engine.name}"
        self.skipped: dict[int, str] = {}
        self.pages: set[int] = set()
        self.read = lru_cache(maxsize=None)(self._read)

    def _read(self, number: int) -> PageWords | None:
        self.pages.add(number)
        try:
            rendered = self._render(number, 0)
            reading = self._engine.recognise(for_recognition(rendered.image), self._fine)
            if reading.turn:
                # Scanned sideways or upside down: read once more, turned upright.
                rendered = self._render(number, reading.turn)
                reading = self._engine.recognise(for_recognition(rendered.image), self._fine)
        except PageTooLarge as exc:
            self.skipped[number] = str(exc)
            log.warning("page %d not read by OCR: %s", number, exc)
            return None
        return to_page_words(number, correct(mend_titles(restore(reading.words))), rendered)

    def _render(self, number: int, rotation: int) -> Rendered:
        return render_page(self._doc, number, self._engine.dpi, rotation)


class SecondLook:
    """Fallbacks for the pages `first` read by OCR, from the engine's second look (`fine`):
    `added` gives the first reading's words and the words the second look finds where the
    first found none (a faint figure among a copier's specks); `instead` gives the second
    look's reading of the page. The cascade asks for them only for a page its first
    reading left unsure (rows without their figures, lines that look like transactions but
    became none) and keeps whichever reading the balance chain trusts most; the page is
    looked at a second time once for both. Pages read from their text layer they leave
    alone."""

    def __init__(self, doc: PdfiumDocument, engine: OcrEngine, first: OcrReader) -> None:
        self._first = first
        self._reader = OcrReader(doc, engine, fine=True)
        self.added = _Look(self._reader.method, self._merged)
        self.instead = _Look(self._reader.method, self._again)

    def _again(self, number: int) -> PageWords | None:
        if number not in self._first.pages or number in self._first.skipped:
            return None
        return self._reader.read(number)

    def _merged(self, number: int) -> PageWords | None:
        again = self._again(number)
        if again is None:
            return None
        before = self._first.read(number)
        if before is None:
            return None
        new = [w for w in again.words if not any(_overlap(w, old) for old in before.words)]
        if not new:
            return None  # nothing more to read: the page as it was
        return replace(before, words=sorted([*before.words, *new], key=lambda w: (w.y0, w.x0)))


class _Look:
    """One of the second look's readings as a page reader (method `ocr:<engine>`)."""

    def __init__(self, method: str, read: Callable[[int], PageWords | None]) -> None:
        self.method = method
        self.read = read


def _overlap(a: Word, b: Word) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def to_page_words(number: int, words: Sequence[OcrWord], rendered: Rendered) -> PageWords:
    """Pixel boxes -> PDF points (top-left origin) of the page as rendered: its /Rotate
    applied by pdfium, then `rendered.rotation` (the page's upright frame)."""
    scale = rendered.scale
    width, height = rendered.image.size
    out = [
        Word(w.text, w.x0 / scale, w.y0 / scale, w.x1 / scale, w.y1 / scale, number, w.confidence)
        for w in sorted(words, key=lambda w: (w.y0, w.x0))
        if w.text.strip() and not SPECK.fullmatch(w.text)
    ]
    return PageWords(number, width / scale, height / scale, out)
