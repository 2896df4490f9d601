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
from cypheredge.extractor.ocr.engine import OcrEngine, OcrReading, OcrWord
from cypheredge.extractor.ocr.render import PageTooLarge, Rendered, render_page
from cypheredge.extractor.pdfwords.pdfium_words import PdfiumDocument

log = logging.getLogger(__name__)

# A reading whose words are mostly taller than wide was scanned sideways; one whose lines the
# direction classifier mostly turned by 180 degrees was scanned upside down.
SIDEWAYS = 0.5
UPSIDE_DOWN = 0.5


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
            rendered = render_page(self._doc, number, self._engine.dpi)
        except PageTooLarge as exc:
            self.skipped[number] = str(exc)
            log.warning("page %d not read by OCR: %s", number, exc)
            return None
        reading = self._engine.recognise(rendered.image)
        turn = correction(reading)
        if turn:
            rendered, reading = self._turned(number, rendered, reading, turn)
        return to_page_words(number, reading.words, rendered)

    def _turned(
        self, number: int, first: Rendered, reading: OcrReading, turn: int
    ) -> tuple[Rendered, OcrReading]:
        """The page read again turned by `turn` degrees (and by 180 more where that reading
        is upside down: a sideways page may lean either way); the better reading wins."""
        best = (first, reading)
        for rotation in (turn, (turn + 180) % 360) if turn != 180 else (turn,):
            rendered = render_page(self._doc, number, self._engine.dpi, rotation)
            again = self._engine.recognise(rendered.image)
            if weight(again) > weight(best[1]):
                best = (rendered, again)
            if again.upside_down < UPSIDE_DOWN:
                break
        return best


def correction(reading: OcrReading) -> int:
    """The clockwise turn (0, 90 or 180) that should make the page upright."""
    long = [w for w in reading.words if len(w.text) >= 3]
    if long and sum(w.y1 - w.y0 > w.x1 - w.x0 for w in long) / len(long) > SIDEWAYS:
        return 90
    if reading.upside_down > UPSIDE_DOWN:
        return 180
    return 0


def weight(reading: OcrReading) -> float:
    """How much a reading read: characters weighted by confidence, upright lines only."""
    read = sum(len(w.text) * w.confidence for w in reading.words)
    return read * (1.0 - reading.upside_down)


def to_page_words(number: int, words: Sequence[OcrWord], rendered: Rendered) -> PageWords:
    """Pixel boxes -> PDF points (top-left origin) of the page as rendered: its /Rotate
    applied by pdfium, then `rendered.rotation` (the page's upright frame)."""
    scale = rendered.scale
    width, height = rendered.image.size
    out = [
        Word(w.text, w.x0 / scale, w.y0 / scale, w.x1 / scale, w.y1 / scale, number)
        for w in sorted(words, key=lambda w: (w.y0, w.x0))
        if w.text.strip()
    ]
    return PageWords(number, width / scale, height / scale, out)
