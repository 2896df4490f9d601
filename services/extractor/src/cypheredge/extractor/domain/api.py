"""The entry point: PDF bytes in, one ExtractionResult out (the full cascade)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cypheredge.extractor.domain.cascade import Cascade
from cypheredge.extractor.domain.errors import UnreadablePdf
from cypheredge.extractor.domain.model import ExtractionResult

if TYPE_CHECKING:
    from cypheredge.extractor.ocr.engine import OcrEngine


def extract_pdf(data: bytes, ocr: OcrEngine | None = None) -> ExtractionResult:
    """Extract every transaction of an already-decrypted statement PDF; with `ocr` (an
    engine from `cypheredge.extractor.ocr.engine.build_engine`), pages without a text layer
    are read by OCR, else they are flagged.

    The PDF and OCR adapters are imported here, at the composition point, so the parsing
    modules stay free of PDF and OCR libraries.
    """
    from cypheredge.extractor.pdfwords.readers import open_readers

    try:
        with open_readers(data, ocr=ocr) as readers:
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
