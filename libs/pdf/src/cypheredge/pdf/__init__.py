"""Guarded opening of untrusted PDFs.

A hostile PDF must never take the calling process down or use unbounded memory or time: cheap
checks run in-process, and everything that parses the file runs in the PDF sandbox
(:class:`PdfSandbox`): a pool of worker subprocesses, each under an address-space cap, a CPU
backstop and a wall-clock timeout per job, replaced after any failure. Shared by the ingest
service and the ``cypheredge extract`` command (inspection) and the extractor service (its
cascade). Importing this package does not load the PDF engines; only the workers do.
"""

from cypheredge.pdf.errors import (
    REJECT_CODES,
    PdfCrashedParser,
    PdfRejected,
    PdfTaskFailed,
    PdfTooMuchMemory,
    PdfTooSlow,
    PdfWorkerError,
    RejectCode,
)
from cypheredge.pdf.inspected import HAZARDS, Hazard, InspectedPdf
from cypheredge.pdf.inspector import PdfInspector, inspect_pdf
from cypheredge.pdf.limits import DEFAULT_LIMITS, PdfLimits
from cypheredge.pdf.protocol import Done, Job
from cypheredge.pdf.sandbox import PdfSandbox, as_done

__all__ = [
    "DEFAULT_LIMITS",
    "HAZARDS",
    "REJECT_CODES",
    "Done",
    "Hazard",
    "InspectedPdf",
    "Job",
    "PdfCrashedParser",
    "PdfInspector",
    "PdfLimits",
    "PdfRejected",
    "PdfSandbox",
    "PdfTaskFailed",
    "PdfTooMuchMemory",
    "PdfTooSlow",
    "PdfWorkerError",
    "RejectCode",
    "as_done",
    "inspect_pdf",
]
