"""Ingestion outcomes become the right pipeline events."""

from __future__ import annotations

from pathlib import PurePosixPath
from uuid import uuid4

from cypheredge.contracts.events.batch import SubmittedStatement
from cypheredge.contracts.events.statement import StatementIngested, StatementRejected
from cypheredge.contracts.notices import PDF_JAVASCRIPT, REPAIRED_PDF, pdf_javascript, repaired_pdf
from cypheredge.ingest.domain.outcomes import Accepted, Rejected, decrypted_key, to_event

BATCH = uuid4()
STATEMENT = SubmittedStatement(
    statement_id=uuid4(),
    filename="jan.pdf",
    storage_key="org/batch/raw/jan.pdf",
    size_bytes=1234,
    sha256="ab" * 32,
    sealed_password="sealed-token",
)


def test_rejection_becomes_statement_rejected() -> None:
    event = to_event(BATCH, STATEMENT, Rejected(code="wrong_password", reason="bad password"))
    assert isinstance(event, StatementRejected)
    assert event.batch_id == BATCH
    assert event.statement_id == STATEMENT.statement_id
    assert event.filename == "jan.pdf"
    assert (event.code, event.reason) == ("wrong_password", "bad password")
    assert event.aggregate_id() == STATEMENT.statement_id


def test_acceptance_becomes_statement_ingested() -> None:
    outcome = Accepted(
        pages=3,
        text_layer_pages=(1, 3),
        encrypted=True,
        storage_key="org/b/ingested/s.pdf",
        storage_sha256="cd" * 32,
    )
    event = to_event(BATCH, STATEMENT, outcome)
    assert isinstance(event, StatementIngested)
    assert event.batch_id == BATCH
    assert event.statement_id == STATEMENT.statement_id
    assert event.filename == "jan.pdf"
    assert event.pages == 3
    assert event.text_layer_pages == (1, 3)
    assert event.encrypted is True
    # The extractor reads the decrypted copy, not the raw upload, and checks it against the
    # copy's hash; ``sha256`` stays the upload's.
    assert event.storage_key == "org/b/ingested/s.pdf"
    assert event.storage_sha256 == "cd" * 32
    assert event.sha256 == STATEMENT.sha256
    assert event.duplicate_of is None
    assert event.aggregate_id() == STATEMENT.statement_id


def test_acceptance_carries_the_duplicate_it_was_given() -> None:
    earlier = uuid4()
    outcome = Accepted(
        pages=1, text_layer_pages=(), encrypted=False, storage_key="k", storage_sha256="ab" * 32
    )
    event = to_event(BATCH, STATEMENT, outcome, duplicate_of=earlier)
    assert isinstance(event, StatementIngested)
    assert (event.duplicate_of, event.encrypted, event.text_layer_pages) == (earlier, False, ())


def test_rejection_ignores_duplicate_of() -> None:
    event = to_event(BATCH, STATEMENT, Rejected(code="empty", reason="0 bytes"), uuid4())
    assert isinstance(event, StatementRejected)
    assert "duplicate_of" not in event.model_dump()


def test_decrypted_key_layout() -> None:
    org, batch, statement = uuid4(), uuid4(), uuid4()
    key = decrypted_key(org, batch, statement)
    assert key == f"{org}/{batch}/ingested/{statement}.pdf"
    assert PurePosixPath(key).parts == (str(org), str(batch), "ingested", f"{statement}.pdf")


def test_the_file_warnings_travel_on_the_event_in_order() -> None:
    outcome = Accepted(
        pages=2,
        text_layer_pages=(1, 2),
        encrypted=False,
        storage_key="k",
        storage_sha256="ab" * 32,
        warnings=(repaired_pdf(), pdf_javascript()),
    )
    event = to_event(BATCH, STATEMENT, outcome)
    assert isinstance(event, StatementIngested)
    assert [w.code for w in event.warnings] == [REPAIRED_PDF, PDF_JAVASCRIPT]
    assert "repaired" in event.warnings[0].message
    intact = to_event(BATCH, STATEMENT, Accepted(1, (1,), False, "k", "ab" * 32))
    assert isinstance(intact, StatementIngested)
    assert intact.warnings == ()
