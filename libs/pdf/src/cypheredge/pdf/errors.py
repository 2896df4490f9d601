"""Why a PDF was refused, what the sandbox stopped, and the one failure not the file's fault."""

from __future__ import annotations

from typing import Literal, get_args

RejectCode = Literal[
    "empty",
    "not_pdf",
    "malformed",
    "password_required",
    "wrong_password",
    "too_large",
    "too_many_pages",
    "timeout",
    "decompression_bomb",
]
REJECT_CODES: frozenset[str] = frozenset(get_args(RejectCode))


class PdfRejected(Exception):
    """The file cannot be accepted; ``code`` is machine-readable, ``reason`` is for people.

    ``code`` is one of :data:`REJECT_CODES`; ``reason`` is one sentence that can be shown to the
    customer who uploaded the file.
    """

    def __init__(self, code: RejectCode, reason: str) -> None:
        super().__init__(f"{code}: {reason}")
        self.code: RejectCode = code
        self.reason = reason

    def __reduce__(self) -> tuple[type[PdfRejected], tuple[RejectCode, str]]:
        # The default reduce would re-call __init__ with the formatted message only; services
        # hand these across process boundaries (executors), so keep both fields.
        return (PdfRejected, (self.code, self.reason))


class PdfTooMuchMemory(PdfRejected):
    """The sandbox stopped a job that outgrew its worker's memory cap (``RLIMIT_AS``): a PDF
    bomb, or a file too big to process. Code ``too_large``."""

    def __init__(self, reason: str) -> None:
        super().__init__("too_large", reason)

    def __reduce__(self) -> tuple[type[PdfRejected], tuple[str]]:  # type: ignore[override]
        return (type(self), (self.reason,))


class PdfTooSlow(PdfRejected):
    """The sandbox stopped a job that ran past its wall-clock timeout or its CPU limit; the
    worker was killed. Code ``timeout``."""

    def __init__(self, reason: str) -> None:
        super().__init__("timeout", reason)

    def __reduce__(self) -> tuple[type[PdfRejected], tuple[str]]:  # type: ignore[override]
        return (type(self), (self.reason,))


class PdfCrashedParser(PdfRejected):
    """The worker died during the job (a signal, a native crash, an unreadable reply) for no
    reason the sandbox could tell: neither memory nor time. Code ``malformed``."""

    def __init__(self, reason: str) -> None:
        super().__init__("malformed", reason)

    def __reduce__(self) -> tuple[type[PdfRejected], tuple[str]]:  # type: ignore[override]
        return (type(self), (self.reason,))


class PdfTaskFailed(Exception):
    """The sandboxed task raised an exception that is not a rejection (``error`` names its
    type and message); the worker that ran it was replaced."""

    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


class PdfWorkerError(RuntimeError):
    """The parsing worker could not be started: an environment problem, never the file's fault.

    Callers should retry later rather than reject the customer's file.
    """
