"""The extraction cascade as a task of the PDF sandbox (``cypheredge.pdf.PdfSandbox``).

The task runs in a sandbox worker process; only JSON and bytes cross to it and back: the
file and ingestion's findings go in, the extraction document (contract v1, built and
validated in the worker, so thousands of rows stay off the event loop) comes out, and the
parent validates it again, since the worker has just read a hostile file.
"""

from __future__ import annotations

from collections.abc import Sequence

from cypheredge.contracts.extraction import ExtractionDocument
from cypheredge.contracts.notices import Notice
from cypheredge.pdf import Done, Job, PdfLimits

EXTRACT_TASK = "cypheredge.extractor.service.sandboxed:extract"


def extract_job(data: bytes, file_warnings: Sequence[Notice], ocr_engine: str = "none") -> Job:
    """The job that extracts ``data``; ``file_warnings`` are ingestion's findings,
    ``ocr_engine`` the engine that reads pages without a text layer (``none``: flagged)."""
    warnings = [w.model_dump(mode="json") for w in file_warnings]
    return Job({"warnings": warnings, "ocr_engine": ocr_engine}, data)


def extract(job: Job, limits: PdfLimits) -> Done:
    """Runs in the worker: the cascade over ``job.data``, as an encoded extraction document."""
    # Imported here: the parent needs this module for the job and reply only.
    from cypheredge.extractor.domain import extract_pdf
    from cypheredge.extractor.ocr.engine import shared_engine
    from cypheredge.extractor.service.artefact import to_document

    warnings = tuple(Notice.model_validate(w) for w in job.options.get("warnings", ()))
    # Built once per worker (the models load in a few hundred ms) and kept for its next jobs.
    engine = shared_engine(str(job.options.get("ocr_engine", "none")))
    return Done({}, to_document(extract_pdf(job.data, engine), warnings).encode())


def read_document(done: Done) -> ExtractionDocument:
    """The document a worker sent (a ``ValidationError`` when it is not one)."""
    return ExtractionDocument.model_validate_json(done.body)
