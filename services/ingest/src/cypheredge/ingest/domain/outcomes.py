"""What ingesting one statement produced, as the event the pipeline sees (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from cypheredge.contracts.events.batch import SubmittedStatement
from cypheredge.contracts.events.statement import (
    RejectionCode,
    StatementIngested,
    StatementRejected,
)
from cypheredge.contracts.notices import Notice


@dataclass(frozen=True)
class Accepted:
    """An accepted file. ``storage_key`` names the form the extractor reads (the upload itself,
    or ingest's decrypted/repaired copy) and ``storage_sha256`` is that form's hash."""

    pages: int
    text_layer_pages: tuple[int, ...]
    encrypted: bool
    storage_key: str
    storage_sha256: str
    # About the file itself (repaired, a password it did not need, scripts, attachments).
    warnings: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class Rejected:
    code: RejectionCode
    reason: str


Outcome = Accepted | Rejected


def decrypted_key(org_id: UUID, batch_id: UUID, statement_id: UUID) -> str:
    """Where ingest writes a file's second form, when it has one (decrypted or repaired)."""
    return f"{org_id}/{batch_id}/ingested/{statement_id}.pdf"


def to_event(
    batch_id: UUID,
    statement: SubmittedStatement,
    outcome: Outcome,
    duplicate_of: UUID | None = None,
) -> StatementIngested | StatementRejected:
    if isinstance(outcome, Rejected):
        return StatementRejected(
            batch_id=batch_id,
            statement_id=statement.statement_id,
            filename=statement.filename,
            code=outcome.code,
            reason=outcome.reason,
        )
    return StatementIngested(
        batch_id=batch_id,
        statement_id=statement.statement_id,
        filename=statement.filename,
        pages=outcome.pages,
        text_layer_pages=outcome.text_layer_pages,
        storage_key=outcome.storage_key,
        sha256=statement.sha256,
        storage_sha256=outcome.storage_sha256,
        encrypted=outcome.encrypted,
        duplicate_of=duplicate_of,
        warnings=outcome.warnings,
    )
