"""Stage E as a PageReader: render a page, recognise it, hand its words to the same parser.

Words come back in PDF points with a top-left origin, as the text-layer reader gives them,
so the geometric parser cannot tell a scanned page from a digital one. A page that had to be
turned to be read upright (scanned sideways or upside down) is given in its upright frame.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
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


class OcrReader:
    """Reads pages by OCR with `engine` (method `ocr:<engine>`); `skipped` holds the reason
    for each page it refused (an image over the pixel budget)."""

    def __init__(self, doc: PdfiumDocument, engine: OcrEngine) -> None:
        self._doc = doc
        self._engine = engine
        self.method = f"ocr:{engine.name}"
        self.skipped: dict[int, str] = {}
        self.read = lru_cache(maxsize=None)(self._read)

    def _read(self, number: int) -> PageWords | None:
        try:
            rendered = self._render(number, 0)
            reading = self._engine.recognise(for_recognition(rendered.image))
            if reading.turn:
                # Scanned sideways or upside down: read once more, turned upright.
                rendered = self._render(number, reading.turn)
                reading = self._engine.recognise(for_recognition(rendered.image))
        except PageTooLarge as exc:
            self.skipped[number] = str(exc)
            log.warning("page %d not read by OCR: %s", number, exc)
            return None
        return to_page_words(number, correct(mend_titles(restore(reading.words))), rendered)

    def _render(self, number: int, rotation: int) -> Rendered:
        return render_page(self._doc, number, self._engine.dpi, rotation)


def to_page_words(number: int, words: Sequence[OcrWord], rendered: Rendered) -> PageWords:
    """Pixel boxes -> PDF points (top-left origin) of the page as rendered: its /Rotate
    applied by pdfium, then `rendered.rotation` (the page's upright frame)."""
    scale = rendered.scale
    width, height = rendered.image.size
    out = [
        Word(w.text, w.x0 / scale, w.y0 / scale, w.x1 / scale, w.y1 / scale, number, w.confidence)
        for w in sorted(words, key=lambda w: (w.y0, w.x0))
        if w.text.strip()
    ]
    return PageWords(number, width / scale, height / scale, out)
