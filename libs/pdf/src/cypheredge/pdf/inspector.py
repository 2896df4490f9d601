"""Public entry points: the reusable :class:`PdfInspector` and one-shot :func:`inspect_pdf`."""

from __future__ import annotations

from types import TracebackType

from cypheredge.pdf.errors import PdfRejected, PdfTaskFailed
from cypheredge.pdf.inspected import InspectedPdf
from cypheredge.pdf.limits import DEFAULT_LIMITS, PdfLimits
from cypheredge.pdf.precheck import check_envelope
from cypheredge.pdf.protocol import decode_accepted, inspect_job
from cypheredge.pdf.sandbox import PdfSandbox

# Run in the sandbox's workers; importing it here would load the PDF engines.
INSPECT_TASK = "cypheredge.pdf.inspect_task:inspect"


class PdfInspector:
    """Opens untrusted PDFs in the PDF sandbox (:class:`~cypheredge.pdf.sandbox.PdfSandbox`),
    on ``workers`` worker processes that it keeps between files.

    A worker starts on first use and is replaced after any failure (timeout, crash, memory
    blow-up), so one hostile file never affects the next. With one worker (the default) calls
    are serialised. ``inspect`` blocks: call it from async code through ``asyncio.to_thread``.
    """

    def __init__(self, limits: PdfLimits = DEFAULT_LIMITS, workers: int = 1) -> None:
        self.limits = limits
        self.sandbox = PdfSandbox(INSPECT_TASK, limits, workers)

    def inspect(self, data: bytes, password: str | None = None) -> InspectedPdf:
        """Validate, decrypt and survey one PDF.

        Raises :class:`~cypheredge.pdf.errors.PdfRejected` when the file cannot be accepted, and
        :class:`~cypheredge.pdf.errors.PdfWorkerError` when the worker cannot be started.
        """
        check_envelope(data, self.limits)
        try:
            reply = self.sandbox.run(inspect_job(data, password), decode_accepted)
        except PdfTaskFailed:
            # An engine failing in a way we did not foresee: blame the file (its worker is
            # already replaced).
            raise PdfRejected("malformed", "the file could not be parsed") from None
        return InspectedPdf(
            pages=reply.pages,
            text_layer_pages=reply.text_layer_pages,
            encrypted=reply.encrypted,
            decrypted=reply.copy or data,
            rewritten=bool(reply.copy),
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
        self.sandbox.start()

    @property
    def worker_pid(self) -> int | None:
        """A running worker's process id (``None`` when none is running); for monitoring."""
        pids = self.sandbox.worker_pids
        return pids[0] if pids else None

    def close(self) -> None:
        """Stop the workers. The inspector cannot be used afterwards."""
        self.sandbox.close()

    def __enter__(self) -> PdfInspector:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def inspect_pdf(
    data: bytes,
    password: str | None = None,
    limits: PdfLimits = DEFAULT_LIMITS,
) -> InspectedPdf:
    """Inspect one PDF with a worker of its own; prefer :class:`PdfInspector` for many files."""
    check_envelope(data, limits)
    with PdfInspector(limits) as inspector:
        return inspector.inspect(data, password)
