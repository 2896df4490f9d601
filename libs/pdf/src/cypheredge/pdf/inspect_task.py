"""The inspection task, run by a sandbox worker: open, decrypt and survey one PDF.

Only workers import this module (it loads qpdf and pdfium); the inspector names it.
"""

from __future__ import annotations

from cypheredge.pdf.limits import PdfLimits
from cypheredge.pdf.parse import parse_pdf
from cypheredge.pdf.protocol import Done, Job, encode_accepted, job_password


def inspect(job: Job, limits: PdfLimits) -> Done:
    """Parse ``job.data`` with the password it carries, within ``limits``."""
    accepted = parse_pdf(job.data, job_password(job), limits.max_pages, limits.max_decoded_bytes)
    return encode_accepted(accepted)
