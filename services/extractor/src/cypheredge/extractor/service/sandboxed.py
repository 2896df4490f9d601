"""The extraction cascade as a task of the PDF sandbox (``cypheredge.pdf.PdfSandbox``).

The task runs in a sandbox worker process; only JSON and bytes cross to it and back: the
file and ingestion's findings go in, the extraction document (contract v1, built and
validated in the worker, so thousands of rows stay off the event loop) comes out, and the
parent validates it again, since the worker has just read a hostile file.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cypheredge.contracts.extraction import ExtractionDocument
from cypheredge.contracts.notices import Notice
from cypheredge.pdf import Done, Job, PdfLimits

if TYPE_CHECKING:
    from PIL.Image import Image

    from cypheredge.extractor.ocr.engine import OcrEngine, OcrReading
    from cypheredge.extractor.tables.check import Device
    from cypheredge.extractor.tables.stage import TableStage

EXTRACT_TASK = "cypheredge.extractor.service.sandboxed:extract"


def extract_job(
    data: bytes,
    file_warnings: Sequence[Notice],
    ocr_engine: str = "none",
    table_model_dir: Path | None = None,
    device: str = "auto",
    timed_stages: bool = False,
) -> Job:
    """The job that extracts ``data``; ``file_warnings`` are ingestion's findings,
    ``ocr_engine`` the engine that reads pages without a text layer (``none``: flagged),
    ``table_model_dir`` the weights of stages C/D (None: not configured), both run on
    ``device`` (EXTRACTOR_DEVICE); ``timed_stages``: time each page stage, for a trace."""
    warnings = [w.model_dump(mode="json") for w in file_warnings]
    options = {
        "warnings": warnings,
        "ocr_engine": ocr_engine,
        "table_model_dir": None if table_model_dir is None else str(table_model_dir),
        "device": device,
        "timed_stages": timed_stages,
    }
    return Job(options, data)


def extract(job: Job, limits: PdfLimits) -> Done:
    """Runs in the worker: the cascade over ``job.data``, as an encoded extraction document."""
    # Imported here: the parent needs this module for the job and reply only.
    from cypheredge.extractor.domain import extract_pdf
    from cypheredge.extractor.ocr.engine import shared_engine
    from cypheredge.extractor.service.artefact import to_document
    from cypheredge.extractor.service.stages import StageLog
    from cypheredge.extractor.tables.check import missing_stages

    warnings = tuple(Notice.model_validate(w) for w in job.options.get("warnings", ()))
    # Built once per worker (the models load in a few hundred ms) and kept for its next jobs.
    device = str(job.options.get("device", "auto"))
    engine = shared_engine(str(job.options.get("ocr_engine", "none")), device)
    timed = None if engine is None else TimedEngine(engine)
    tables = _table_stage(job)
    missing = missing_stages(None if tables is None else tables.directory)
    # Each page stage timed only for a trace: untraced, the readers run unwrapped.
    stages = StageLog() if job.options.get("timed_stages") else None
    observe = None if stages is None else stages.wrap
    result = extract_pdf(job.data, timed, tables, missing, observe=observe)
    wanted = [[number, why] for number, why in result.ocr_pages]
    seconds = [] if timed is None else timed.seconds
    timings = [] if stages is None else stages.fields()
    fields = {"ocr_pages": wanted, "ocr_seconds": seconds, "stages": timings}
    return Done(fields, to_document(result, warnings).encode())


class TimedEngine:
    """An OCR engine that notes how long each page took to recognise (the metric is recorded
    by the service: a worker's own registry is never scraped). A page found sideways is read
    twice, the second time turned upright: both readings count for that page."""

    def __init__(self, engine: OcrEngine) -> None:
        self._engine = engine
        self.seconds: list[float] = []
        self._turned = False

    @property
    def name(self) -> str:
        return self._engine.name

    @property
    def dpi(self) -> int:
        return self._engine.dpi

    def recognise(self, image: Image, fine: bool = False) -> OcrReading:
        started = time.perf_counter()
        reading = self._engine.recognise(image, fine)
        elapsed = time.perf_counter() - started
        if self._turned:
            self.seconds[-1] += elapsed
        else:
            self.seconds.append(elapsed)
        self._turned = bool(reading.turn)
        return reading


def _table_stage(job: Job) -> TableStage | None:
    """Stages C/D as the job asks; the model loads in the worker on the first page that
    needs it, and stays loaded for the worker's next jobs."""
    from cypheredge.extractor.tables.stage import TableStage

    directory = job.options.get("table_model_dir")
    if directory is None:
        return None
    device = str(job.options.get("device", "auto"))
    return TableStage(Path(str(directory)), _device(device))


def _device(name: str) -> Device:
    from cypheredge.extractor.tables.check import DEVICES

    for device in DEVICES:
        if device == name:
            return device
    raise ValueError(f"unknown device {name!r}")


@dataclass(frozen=True)
class Extraction:
    """What a worker sent: the document, and the pages only OCR could read that no OCR
    reader ran on, each with why (the statement's way to the OCR extractor)."""

    document: ExtractionDocument
    ocr_pages: tuple[tuple[int, str], ...] = ()
    ocr_seconds: tuple[float, ...] = ()  # how long OCR took on each page it read


def read_document(done: Done) -> ExtractionDocument:
    """The document a worker sent (a ``ValidationError`` when it is not one)."""
    return ExtractionDocument.model_validate_json(done.body)


def read_extraction(done: Done) -> Extraction:
    """The document and the pages wanting OCR a worker sent (a ``ValueError`` when the
    reply is not that: the worker has just read a hostile file)."""
    pages = done.fields.get("ocr_pages", [])
    if not isinstance(pages, list) or not all(_page_and_why(p) for p in pages):
        raise ValueError(f"a worker's ocr_pages is not a list of [page, why]: {pages!r}")
    seconds = done.fields.get("ocr_seconds", [])
    if not isinstance(seconds, list) or not all(_seconds(s) for s in seconds):
        raise ValueError(f"a worker's ocr_seconds is not a list of seconds: {seconds!r}")
    wanted = tuple((n, why) for n, why in pages)
    return Extraction(read_document(done), wanted, tuple(float(s) for s in seconds))


def _seconds(item: object) -> bool:
    is_number = isinstance(item, int | float) and not isinstance(item, bool)
    return is_number and 0 <= item < 86400  # type: ignore[operator]


def _page_and_why(item: object) -> bool:
    if not isinstance(item, list) or len(item) != 2:
        return False
    number, why = item
    return type(number) is int and number > 0 and isinstance(why, str)
