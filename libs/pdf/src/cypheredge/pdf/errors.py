"""Why a PDF was refused, and the one failure that is not the file's fault."""

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


class PdfWorkerError(RuntimeError):
    """The parsing worker could not be started: an environment problem, never the file's fault.

    Callers should retry later rather than reject the customer's file.
    """
