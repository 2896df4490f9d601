"""The entry point: PDF bytes in, one ExtractionResult out (the full cascade)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cypheredge.extractor.domain.cascade import Cascade
from cypheredge.extractor.domain.errors import UnreadablePdf
from cypheredge.extractor.domain.model import ExtractionResult

if TYPE_CHECKING:
    from cypheredge.extractor.ocr.engine import OcrEngine
    from cypheredge.extractor.tables.stage import TableStage


def extract_pdf(
    data: bytes,
    ocr: OcrEngine | None = None,
    tables: TableStage | None = None,
    missing: Sequence[str] = (),
) -> ExtractionResult:
    """Extract every transaction of an already-decrypted statement PDF; with `ocr` (an
    engine from `cypheredge.extractor.ocr.engine.build_engine`), pages without a text layer
    are read by OCR, else they are flagged; with `tables`, stages C/D re-read the pages that
    A/B leave unsure. `missing` names the stages not configured, for the pages that then
    stay unsure (`cypheredge.extractor.tables.check.missing_stages`).

    The PDF and OCR adapters are imported here, at the composition point, so the parsing
    modules stay free of PDF and OCR libraries.
    """
    from cypheredge.extractor.pdfwords.readers import open_readers

    try:
        with open_readers(data, ocr=ocr, tables=tables) as readers:
            cascade = Cascade(
                readers.words,
                readers.page_count,
                readers.fallbacks,
                readers.ocr,
                created=readers.created,
                missing=missing,
            )
            return cascade.run()
    except UnreadablePdf as exc:
        return ExtractionResult.rejected(f"unreadable PDF: {exc}")
