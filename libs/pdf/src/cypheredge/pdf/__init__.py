"""Guarded opening of untrusted PDFs.

A hostile PDF must never take the calling process down or use unbounded memory or time: cheap
checks run in-process, and everything that parses the file runs in a worker subprocess under an
address-space cap, a CPU backstop and a wall-clock timeout. Shared by the ingest service and the
``cypheredge extract`` command. Importing this package does not load the PDF engines; only the
worker does.
"""

from cypheredge.pdf.errors import REJECT_CODES, PdfRejected, PdfWorkerError, RejectCode
from cypheredge.pdf.inspected import HAZARDS, Hazard, InspectedPdf
from cypheredge.pdf.inspector import PdfInspector, inspect_pdf
from cypheredge.pdf.limits import DEFAULT_LIMITS, PdfLimits

__all__ = [
    "DEFAULT_LIMITS",
    "HAZARDS",
    "REJECT_CODES",
    "Hazard",
    "InspectedPdf",
    "PdfInspector",
    "PdfLimits",
    "PdfRejected",
    "PdfWorkerError",
    "RejectCode",
    "inspect_pdf",
]
