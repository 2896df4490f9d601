"""Checks cheap enough to run in the calling process, before a worker is involved."""

from __future__ import annotations

from cypheredge.pdf.errors import PdfRejected
from cypheredge.pdf.limits import MIB, PdfLimits

# Real PDFs sometimes carry junk (mail headers, BOMs) before the header; readers accept the
# header anywhere in the first 1024 bytes, and so do we.
HEADER_WINDOW = 1024


def check_envelope(data: bytes, limits: PdfLimits) -> None:
    """Raise :class:`PdfRejected` for empty, oversized or obviously non-PDF input."""
    if not data:
        raise PdfRejected("empty", "the file is empty")
    if len(data) > limits.max_bytes:
        raise PdfRejected(
            "too_large",
            f"the file is {_mib(len(data))} MB, over the {_mib(limits.max_bytes)} MB limit",
        )
    if b"%PDF-" not in data[:HEADER_WINDOW]:
        raise PdfRejected("not_pdf", "the file is not a PDF (no %PDF- header at its start)")


def _mib(size: int) -> str:
    return f"{size / MIB:.1f}"
