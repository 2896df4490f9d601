"""The entry point: PDF bytes in, one ExtractionResult out (the full cascade)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from cypheredge.extractor.domain.cascade import Cascade, PageReader
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
    observe: Callable[[str, PageReader], PageReader] | None = None,
) -> ExtractionResult:
    """Extract every transaction of an already-decrypted statement PDF; with `ocr` (an
    engine from `cypheredge.extractor.ocr.engine.build_engine`), pages without a text layer
    are read by OCR, else they are flagged; with `tables`, stages C/D re-read the pages that
    A/B leave unsure. `missing` names the stages not configured, for the pages that then
    stay unsure (`cypheredge.extractor.tables.check.missing_stages`). `observe(stage,
    reader)` may stand in for each reader (stage `text_layer`, `fallback` or `ocr`), with the
    same behaviour: the service times the page stages that way.

    The PDF and OCR adapters are imported here, at the composition point, so the parsing
    modules stay free of PDF and OCR libraries.
    """
    from cypheredge.extractor.pdfwords.readers import open_readers

    try:
        with open_readers(data, ocr=ocr, tables=tables) as readers:
            wrap = observe or _as_is
            cascade = Cascade(
                wrap("text_layer", readers.words),
                readers.page_count,
                [wrap("fallback", reader) for reader in readers.fallbacks],
                [wrap("ocr", reader) for reader in readers.ocr],
                created=readers.created,
                missing=missing,
            )
            return cascade.run()
    except UnreadablePdf as exc:
        return ExtractionResult.rejected(f"unreadable PDF: {exc}")


def _as_is(_stage: str, reader: PageReader) -> PageReader:
    return reader
