"""The entry point: PDF bytes in, one ExtractionResult out (the full cascade)."""

from __future__ import annotations

from cypheredge.extractor.domain.cascade import Cascade
from cypheredge.extractor.domain.errors import UnreadablePdf
from cypheredge.extractor.domain.model import ExtractionResult


def extract_pdf(data: bytes) -> ExtractionResult:
    """Extract every transaction of an already-decrypted statement PDF.

    The PDF adapters are imported here, at the composition point, so the parsing modules stay
    free of PDF libraries.
    """
    from cypheredge.extractor.pdfwords.readers import open_readers

    try:
        with open_readers(data) as readers:
            cascade = Cascade(
                readers.words,
                readers.page_count,
                readers.fallbacks,
                readers.ocr,
                created=readers.created,
            )
            return cascade.run()
    except UnreadablePdf as exc:
        return ExtractionResult.rejected(f"unreadable PDF: {exc}")
