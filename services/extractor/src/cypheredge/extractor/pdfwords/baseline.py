"""pdfplumber-only extraction (the speed and accuracy baseline of the benchmark)."""

from __future__ import annotations

from cypheredge.extractor.domain.cascade import Cascade
from cypheredge.extractor.domain.errors import UnreadablePdf
from cypheredge.extractor.domain.model import ExtractionResult
from cypheredge.extractor.pdfwords.pdfium_words import PdfiumDocument
from cypheredge.extractor.pdfwords.plumber_tables import PlumberOnlyReader, PlumberPdf


def run_baseline(data: bytes) -> ExtractionResult:
    try:
        with PdfiumDocument(data) as doc:  # only to count pages and reject unreadable files
            count = len(doc)
    except UnreadablePdf as exc:
        return ExtractionResult.rejected(f"unreadable PDF: {exc}")
    pdf = PlumberPdf(data)
    try:
        return Cascade(PlumberOnlyReader(pdf), count).run()
    finally:
        pdf.close()
