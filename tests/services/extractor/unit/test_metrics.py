"""The extractor's metrics: method kinds, OCR seconds per page noted in the worker and read
back by the service, failures by stage and reason."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pytest
from PIL import Image
from prometheus_client import REGISTRY

from cypheredge.contracts.extraction import ExtractionDocument, PageReport
from cypheredge.extractor.domain.document import FLAGGED
from cypheredge.extractor.ocr.engine import OcrReading, OcrWord
from cypheredge.extractor.pdfwords.readers import PdfiumReader
from cypheredge.extractor.service import metrics
from cypheredge.extractor.service.sandboxed import TimedEngine, read_extraction
from cypheredge.pdf import Done


def value(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def test_method_kinds() -> None:
    assert PdfiumReader.method == metrics.TEXT_METHOD
    assert metrics.method_kind(PdfiumReader.method) == "text"
    assert metrics.method_kind("pdfplumber:lines+lines") == "fallback"
    assert metrics.method_kind("table-model+lines") == "fallback"
    assert metrics.method_kind("ocr:rapidocr") == "ocr"
    assert metrics.method_kind(FLAGGED) == "flagged"


def test_count_pages_moves_each_kind() -> None:
    kinds = ("text", "fallback", "ocr", "flagged")
    before = {k: value("cypheredge_extractor_pages_total", method=k) for k in kinds}
    pages = [
        PageReport(number=n, method=m, rows=0, confidence=1.0)
        for n, m in enumerate(
            ["geometric", "geometric", "pdfplumber:x", "ocr:tesseract", "none"], 1
        )
    ]
    metrics.count_pages(pages)
    after = {k: value("cypheredge_extractor_pages_total", method=k) for k in kinds}
    assert {k: after[k] - before[k] for k in kinds} == {
        "text": 2,
        "fallback": 1,
        "ocr": 1,
        "flagged": 1,
    }


@dataclass
class Scripted:
    """An engine whose readings (and the clock between them) the test decides."""

    turns: Sequence[int]
    clock: list[float]
    step: float = 1.5
    calls: list[int] = field(default_factory=list)
    name: str = "scripted"
    dpi: int = 200

    def recognise(self, image: Image.Image, fine: bool = False) -> OcrReading:
        turn = self.turns[len(self.calls)]
        self.calls.append(turn)
        self.clock[0] += self.step
        return OcrReading(words=[OcrWord("x", 0, 0, 1, 1, 1.0)], lines=1, turn=turn)


def test_timed_engine_notes_seconds_per_page_with_a_turned_page_counted_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = [0.0]
    monkeypatch.setattr(
        "cypheredge.extractor.service.sandboxed.time.perf_counter", lambda: clock[0]
    )
    # Page 1 upright, page 2 found sideways (read again turned), page 3 upright.
    engine = Scripted(turns=[0, 90, 0, 0], clock=clock)
    timed = TimedEngine(engine)
    image = Image.new("L", (4, 4))
    for _ in range(4):
        timed.recognise(image)
    assert (timed.name, timed.dpi) == ("scripted", 200)
    assert timed.seconds == [1.5, 3.0, 1.5]


def _done(**fields: object) -> Done:
    return Done(dict(fields), ExtractionDocument.rejected("x").encode())


def test_the_service_reads_ocr_seconds_back_and_refuses_what_is_not_seconds() -> None:
    assert read_extraction(_done(ocr_seconds=[0.5, 2])).ocr_seconds == (0.5, 2.0)
    assert read_extraction(_done()).ocr_seconds == ()
    for bad in ("1", [-1], [True], [None], [1e9]):
        with pytest.raises(ValueError, match="ocr_seconds"):
            read_extraction(_done(ocr_seconds=bad))


def test_observe_ocr_fills_the_histogram() -> None:
    before = value("cypheredge_extractor_ocr_page_seconds_count")
    slow_before = value("cypheredge_extractor_ocr_page_seconds_bucket", le="3.0")
    metrics.observe_ocr([0.4, 2.5, 30.0])
    assert value("cypheredge_extractor_ocr_page_seconds_count") == before + 3
    assert value("cypheredge_extractor_ocr_page_seconds_bucket", le="3.0") == slow_before + 2
