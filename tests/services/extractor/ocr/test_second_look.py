"""The second look: a page OCR read is read again with the detector on the page as rendered,
only where the first reading left it unsure, and never a page read from its text layer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest
from PIL.Image import Image

from cetest.scans import mixed
from cypheredge.extractor.ocr.engine import OcrEngine, OcrReading, OcrWord
from cypheredge.extractor.ocr.reader import OcrReader, SecondLook
from cypheredge.extractor.pdfwords.pdfium_words import PdfiumDocument
from cypheredge.synth import generate

pytestmark = pytest.mark.slow  # one A4 page of OCR, looked at twice
AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})*\.\d{2}")


@dataclass
class Looking:
    """The real engine, noting which look each reading was."""

    engine: OcrEngine
    looks: list[bool] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.engine.name

    @property
    def dpi(self) -> int:
        return self.engine.dpi

    def recognise(self, image: Image, fine: bool = False) -> OcrReading:
        self.looks.append(fine)
        return self.engine.recognise(image, fine)


def test_the_second_look_reads_only_pages_ocr_read_once_for_both_its_readings(
    engine: OcrEngine,
) -> None:
    looking = Looking(engine)
    doc = PdfiumDocument(mixed(generate("uk_ruled", 0).pdf, {1}))
    first = OcrReader(doc, looking)
    second = SecondLook(doc, looking, first)

    assert second.instead.read(1) is None  # the first reader has not read it
    page = first.read(1)
    instead = second.instead.read(1)
    added = second.added.read(1)

    assert looking.looks == [False, True]  # one second look serves both readings
    assert second.added.method == second.instead.method == first.method == "ocr:rapidocr"
    assert page is not None
    assert instead is not None
    # A clean scan: the closer look finds the amounts the first did.
    amounts = [w.text for w in page.words if AMOUNT.fullmatch(w.text)]
    assert len(amounts) > 40
    found = {w.text for w in instead.words}
    assert sum(a in found for a in amounts) >= 0.95 * len(amounts)
    # Added to: every word of the first reading stays as it was read.
    assert added is None or set(page.words) < set(added.words)
    assert second.added.read(2) is None  # a page with a text layer
    assert second.instead.read(2) is None


@dataclass
class Scripted:
    """Readings the test decides: the first look misses a faint figure and reads a word one
    way, the second finds the figure and reads the word another way."""

    name: str = "scripted"
    dpi: int = 200

    def recognise(self, image: Image, fine: bool = False) -> OcrReading:
        words = [OcrWord("Sainsburys", 100, 100, 300, 130, 0.97)]
        if fine:
            words = [
                OcrWord("Sainsbvrys", 101, 100, 301, 130, 0.9),
                OcrWord("0,06", 1200, 100, 1280, 130, 0.8),
            ]
        return OcrReading(words, len(words))


def test_added_keeps_the_first_reading_and_adds_only_what_it_missed() -> None:
    doc = PdfiumDocument(mixed(generate("uk_ruled", 0).pdf, {1}))
    engine = Scripted()
    first = OcrReader(doc, engine)
    second = SecondLook(doc, engine, first)
    assert first.read(1) is not None

    added, instead = second.added.read(1), second.instead.read(1)

    assert added is not None
    assert instead is not None
    assert [w.text for w in added.words] == ["Sainsburys", "0,06"]
    assert [w.text for w in instead.words] == ["Sainsbvrys", "0,06"]
