"""Public entry points: the reusable :class:`PdfInspector` and one-shot :func:`inspect_pdf`."""

from __future__ import annotations

import hashlib
import threading
from types import TracebackType

from cypheredge.pdf.errors import PdfRejected
from cypheredge.pdf.inspected import InspectedPdf
from cypheredge.pdf.limits import DEFAULT_LIMITS, PdfLimits
from cypheredge.pdf.precheck import check_envelope
from cypheredge.pdf.protocol import Job, Refused, Reply
from cypheredge.pdf.worker_process import WorkerProcess


class PdfInspector:
    """Opens untrusted PDFs in a sandboxed worker process that it keeps between files.

    The worker starts on first use and is replaced after any failure (timeout, crash, memory
    blow-up), so one hostile file never affects the next. Calls are serialised; for parallel work
    use one inspector per thread or task. ``inspect`` blocks: call it from async code through
    ``asyncio.to_thread``.
    """

    def __init__(self, limits: PdfLimits = DEFAULT_LIMITS) -> None:
        self.limits = limits
        self._worker: WorkerProcess | None = None
        self._lock = threading.Lock()
        self._closed = False

    def inspect(self, data: bytes, password: str | None = None) -> InspectedPdf:
        """Validate, decrypt and survey one PDF.

        Raises :class:`~cypheredge.pdf.errors.PdfRejected` when the file cannot be accepted, and
        :class:`~cypheredge.pdf.errors.PdfWorkerError` when the worker cannot be started.
        """
        check_envelope(data, self.limits)
        digest = hashlib.sha256(data).hexdigest()
        reply = self._run(Job(password=password, data=data))
        if isinstance(reply, Refused):
            raise PdfRejected(reply.code, reply.reason)
        return InspectedPdf(
            pages=reply.pages,
            text_layer_pages=reply.text_layer_pages,
            encrypted=reply.encrypted,
            sha256=digest,
            decrypted=reply.copy or data,
            repaired=reply.repaired,
            hazards=reply.hazards,
            password_unused=reply.password_unused,
        )

    def start(self) -> None:
        """Start the worker now instead of on the first :meth:`inspect` (a no-op if it runs).

        The worker's start-up (a Python process importing qpdf and pdfium) takes a few tenths
        of a second; a caller with start-up work of its own can run this in a thread meanwhile.
        Raises :class:`~cypheredge.pdf.errors.PdfWorkerError` when the worker cannot start.
        """
        with self._lock:
            self._ready_worker()

    @property
    def worker_pid(self) -> int | None:
        """The current worker's process id (``None`` when none is running); for monitoring."""
        worker = self._worker
        return None if worker is None else worker.pid

    def close(self) -> None:
        """Stop the worker. The inspector cannot be used afterwards."""
        with self._lock:
            self._closed = True
            if self._worker is not None:
                self._worker.close()
                self._worker = None

    def __enter__(self) -> PdfInspector:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _run(self, job: Job) -> Reply:
        with self._lock:
            worker = self._ready_worker()
            try:
                return worker.run(job)
            finally:
                if not worker.alive:
                    self._worker = None

    def _ready_worker(self) -> WorkerProcess:
        if self._closed:
            raise RuntimeError("this PdfInspector is closed")
        # A worker that died while idle (OOM killer, an operator) is replaced, not blamed.
        if self._worker is None or not self._worker.alive:
            if self._worker is not None:
                self._worker.close()
            self._worker = WorkerProcess(self.limits)
        return self._worker


def inspect_pdf(
    data: bytes,
    password: str | None = None,
    limits: PdfLimits = DEFAULT_LIMITS,
) -> InspectedPdf:
    """Inspect one PDF with a worker of its own; prefer :class:`PdfInspector` for many files."""
    check_envelope(data, limits)
    with PdfInspector(limits) as inspector:
        return inspector.inspect(data, password)
