"""Runs the extraction cascade away from the event loop, in the PDF sandbox's workers.

Extraction is CPU-bound; worker processes keep the consumer's heartbeats and the health
endpoint responsive, let one instance use several cores (one statement per worker at once),
and contain what a pathological file can do: the sandbox (``cypheredge.pdf.PdfSandbox``, the
one ingest uses too) caps each worker's memory and CPU, kills a job past its wall-clock
timeout, and replaces a worker that died or was killed.

Workers are fresh interpreters that inherit no descriptor of the service (its health port
stays its own) and exit when the service's end of their socket closes, so a SIGKILL of the
service leaves no idle worker behind. They start when the service starts (:meth:`start`, in
the background while it waits for the broker), so the first statement does not wait for their
imports; a runner that is never started spawns them on first use.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Sequence
from pathlib import Path

from cypheredge.contracts.notices import Notice
from cypheredge.extractor.service.sandboxed import (
    EXTRACT_TASK,
    Extraction,
    extract_job,
    read_extraction,
)
from cypheredge.extractor.service.stages import StageTiming, read_stages, record_stage_spans
from cypheredge.kit.telemetry import span, tracing_enabled
from cypheredge.pdf import Done, PdfCrashedParser, PdfLimits, PdfSandbox, PdfWorkerError

log = logging.getLogger(__name__)

MIB = 1024 * 1024
# The file is the ingested form (a decrypted copy is about the upload's size, at most 50 MB);
# the document of a 500-page statement is tens of MB.
MAX_INPUT_BYTES = 128 * MIB
MAX_DOCUMENT_BYTES = 256 * MIB


def extraction_limits(timeout: float, max_memory_mb: int) -> PdfLimits:
    """The sandbox limits of one extraction: ``timeout`` seconds, ``max_memory_mb`` MiB."""
    return PdfLimits(
        max_bytes=MAX_INPUT_BYTES,
        max_seconds=timeout,
        max_memory_bytes=max_memory_mb * MIB,
        max_output_bytes=MAX_DOCUMENT_BYTES,
    )


class CascadeRunner:
    """Extracts statements on ``workers`` sandboxed worker processes at once."""

    def __init__(
        self,
        workers: int,
        timeout: float = 120.0,
        max_memory_mb: int = 2048,
        ocr_engine: str = "none",
        table_model_dir: Path | None = None,
        device: str = "auto",
    ) -> None:
        """``ocr_engine`` reads pages without a text layer in the workers (``none``: such
        pages are flagged); ``table_model_dir`` holds the weights of stages C/D, run on
        ``device`` (None: not configured). The composition root checks both can run before
        it gets here."""
        self.sandbox = PdfSandbox(EXTRACT_TASK, extraction_limits(timeout, max_memory_mb), workers)
        self.ocr_engine = ocr_engine
        self.table_model_dir = table_model_dir
        self.device = device
        self._starting: threading.Thread | None = None

    def start(self, *, wait: bool = False) -> None:
        """Start every worker in the background (once); with ``wait``, return when they run
        (or failed to start: the first file then tries again)."""
        if self._starting is None:
            self._starting = threading.Thread(target=self._start, name="sandbox-start", daemon=True)
            self._starting.start()
        if wait:
            self._starting.join()

    def _start(self) -> None:
        try:
            self.sandbox.start()
        except PdfWorkerError:
            log.exception("the extraction workers could not start; the first file retries")
        except RuntimeError:
            pass  # closed before they started

    async def read(self, data: bytes, file_warnings: Sequence[Notice] = ()) -> Extraction:
        """The extraction of ``data``: its document and the pages only OCR could read that
        this runner's engine did not (all of them with ``ocr_engine="none"``).

        Raises what the sandbox stops (``PdfTooMuchMemory``, ``PdfTooSlow``,
        ``PdfCrashedParser``, all ``PdfRejected``) and ``PdfTaskFailed`` when the cascade
        raised. A worker that dies for no reason the sandbox can tell (killed by someone) is
        replaced and the file read once more, so only a file that kills a worker twice is
        failed for it.
        """
        job = extract_job(
            data,
            file_warnings,
            self.ocr_engine,
            self.table_model_dir,
            self.device,
            timed_stages=tracing_enabled(),
        )
        attributes = {"extraction.ocr_engine": self.ocr_engine, "file.size": len(data)}
        with span("extract statement", attributes):
            try:
                extraction, stages = await asyncio.to_thread(self.sandbox.run, job, _reply)
            except PdfCrashedParser:
                extraction, stages = await asyncio.to_thread(self.sandbox.run, job, _reply)
            record_stage_spans(stages)  # each page stage the worker timed, under this span
        return extraction

    def close(self) -> None:
        self.sandbox.close()


def _reply(done: Done) -> tuple[Extraction, tuple[StageTiming, ...]]:
    return read_extraction(done), read_stages(done.fields.get("stages"))
