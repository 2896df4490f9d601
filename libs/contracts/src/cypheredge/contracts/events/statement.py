"""Events about single statements: ingestion and extraction outcomes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from cypheredge.contracts.base import Event
from cypheredge.contracts.notices import Notice
from cypheredge.contracts.topics import STATEMENT_EXTRACTION, STATEMENT_INGESTION, STATEMENT_OCR

RejectionCode = Literal[
    "empty",
    "not_pdf",
    "malformed",
    "password_required",
    "wrong_password",
    "too_large",
    "too_many_pages",
    "timeout",
    "missing_file",
    "decompression_bomb",
    "checksum_mismatch",
]


class StatementIngested(Event):
    name = "statement.ingested"
    version = 1
    topic = STATEMENT_INGESTION.name

    batch_id: UUID
    statement_id: UUID
    filename: str
    pages: int
    text_layer_pages: tuple[int, ...] = Field(description="1-based numbers of pages with text")
    storage_key: str = Field(
        description="Key of the file the extractor reads: the upload itself, or the copy ingest "
        "wrote when the upload was encrypted or damaged (decrypted, repaired)"
    )
    sha256: str = Field(description="SHA-256 of the uploaded file")
    storage_sha256: str | None = Field(
        default=None,
        description="SHA-256 of the object at storage_key (the upload's sha256 when that is "
        "the upload); readers verify it. Absent only in events from before it was carried, "
        "which readers refuse",
    )
    encrypted: bool = False
    duplicate_of: UUID | None = Field(
        default=None, description="Earlier statement of this org with the same file hash"
    )
    warnings: tuple[Notice, ...] = Field(
        default=(), description="About the file itself, e.g. repaired_pdf: it had to be repaired"
    )

    def aggregate_id(self) -> UUID:
        return self.statement_id


class StatementQueuedForOcr(StatementIngested):
    """The ingested statement, handed on by the text extractor to the OCR extractor.

    It carries everything the ingested event did (the OCR extractor reads the file as the
    text extractor would), plus which pages need OCR and why. The whole statement travels:
    its balance chain runs across every page, text-layer pages included.
    """

    name = "statement.queued_for_ocr"
    version = 1
    topic = STATEMENT_OCR.name

    ocr_pages: tuple[int, ...] = Field(description="1-based numbers of the pages OCR must read")
    reason: str = Field(description="Why, e.g. 'pages 2, 3 have no text layer'")


class StatementRejected(Event):
    name = "statement.rejected"
    version = 1
    topic = STATEMENT_INGESTION.name

    batch_id: UUID
    statement_id: UUID
    filename: str
    code: RejectionCode
    reason: str

    def aggregate_id(self) -> UUID:
        return self.statement_id


class PageMethod(BaseModel):
    model_config = ConfigDict(frozen=True)

    number: int
    method: str
    rows: int
    confidence: float


class StatementExtracted(Event):
    name = "statement.extracted"
    version = 1
    topic = STATEMENT_EXTRACTION.name

    batch_id: UUID
    statement_id: UUID
    artefact_key: str = Field(
        description="Object-storage key of the extraction document "
        "(schema com.cypheredge.extraction.v1)"
    )
    artefact_sha256: str = Field(description="SHA-256 of the artefact; readers verify it")
    transactions: int
    accounts: int = 1
    reconciled: bool | None = Field(description="None when the statement shows no balances")
    pages: tuple[PageMethod, ...]
    currency: str | None = None
    opening_balance: Decimal | None = None
    closing_balance: Decimal | None = None
    period_start: date | None = None
    period_end: date | None = None
    warnings: tuple[Notice, ...] = Field(
        default=(),
        description="What a reader must know: about the file (repaired_pdf, ...) and its accounts",
    )

    def aggregate_id(self) -> UUID:
        return self.statement_id


class StatementExtractionFailed(Event):
    name = "statement.extraction_failed"
    version = 1
    topic = STATEMENT_EXTRACTION.name

    batch_id: UUID
    statement_id: UUID
    reason: str
    stage: Literal["download", "parse", "extract", "store"] = "extract"

    def aggregate_id(self) -> UUID:
        return self.statement_id
