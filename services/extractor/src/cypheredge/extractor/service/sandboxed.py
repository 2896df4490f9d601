"""The extraction cascade as a task of the PDF sandbox (``cypheredge.pdf.PdfSandbox``).

The task runs in a sandbox worker process; only JSON and bytes cross to it and back: the
file and ingestion's findings go in, the extraction document (contract v1, built and
validated in the worker, so thousands of rows stay off the event loop) comes out, and the
parent validates it again, since the worker has just read a hostile file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cypheredge.contracts.extraction import ExtractionDocument
from cypheredge.contracts.notices import Notice
from cypheredge.pdf import Done, Job, PdfLimits

if TYPE_CHECKING:
    from cypheredge.extractor.tables.check import Device
    from cypheredge.extractor.tables.stage import TableStage

EXTRACT_TASK = "cypheredge.extractor.service.sandboxed:extract"


def extract_job(
    data: bytes,
    file_warnings: Sequence[Notice],
    ocr_engine: str = "none",
    table_model_dir: Path | None = None,
    device: str = "auto",
) -> Job:
    """The job that extracts ``data``; ``file_warnings`` are ingestion's findings,
    ``ocr_engine`` the engine that reads pages without a text layer (``none``: flagged),
    ``table_model_dir`` the weights of stages C/D (None: not configured), both run on
    ``device`` (EXTRACTOR_DEVICE)."""
    warnings = [w.model_dump(mode="json") for w in file_warnings]
    options = {
        "warnings": warnings,
        "ocr_engine": ocr_engine,
        "table_model_dir": None if table_model_dir is None else str(table_model_dir),
        "device": device,
    }
    return Job(options, data)


def extract(job: Job, limits: PdfLimits) -> Done:
    """Runs in the worker: the cascade over ``job.data``, as an encoded extraction document."""
    # Imported here: the parent needs this module for the job and reply only.
    from cypheredge.extractor.domain import extract_pdf
    from cypheredge.extractor.ocr.engine import shared_engine
    from cypheredge.extractor.service.artefact import to_document
    from cypheredge.extractor.tables.check import missing_stages

    warnings = tuple(Notice.model_validate(w) for w in job.options.get("warnings", ()))
    # Built once per worker (the models load in a few hundred ms) and kept for its next jobs.
    device = str(job.options.get("device", "auto"))
    engine = shared_engine(str(job.options.get("ocr_engine", "none")), device)
    tables = _table_stage(job)
    missing = missing_stages(None if tables is None else tables.directory)
    result = extract_pdf(job.data, engine, tables, missing)
    wanted = [[number, why] for number, why in result.ocr_pages]
    return Done({"ocr_pages": wanted}, to_document(result, warnings).encode())


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


def read_document(done: Done) -> ExtractionDocument:
    """The document a worker sent (a ``ValidationError`` when it is not one)."""
    return ExtractionDocument.model_validate_json(done.body)


def read_extraction(done: Done) -> Extraction:
    """The document and the pages wanting OCR a worker sent (a ``ValueError`` when the
    reply is not that: the worker has just read a hostile file)."""
    pages = done.fields.get("ocr_pages", [])
    if not isinstance(pages, list) or not all(_page_and_why(p) for p in pages):
        raise ValueError(f"a worker's ocr_pages is not a list of [page, why]: {pages!r}")
    return Extraction(read_document(done), tuple((n, why) for n, why in pages))


def _page_and_why(item: object) -> bool:
    if not isinstance(item, list) or len(item) != 2:
        return False
    number, why = item
    return type(number) is int and number > 0 and isinstance(why, str)
