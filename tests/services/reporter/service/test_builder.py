"""The reporter reads extraction artefacts only as the contract and with the checksum checked.

Real PostgreSQL (the reporter's own role, RLS) and real local storage: a batch of three
extracted statements, one intact, one altered in storage after its event was written, one
that is not a valid extraction document. The intact one is reported; the others fail with
their reason (they are never reported as if they were fine, and never hold the batch up).
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import AsyncIterator
from uuid import UUID, uuid4

import openpyxl
import pytest
from prometheus_client import REGISTRY
from sqlalchemy import select

from cypheredge.contracts import Envelope
from cypheredge.contracts.catalogue import EXTRACTOR, GATEWAY, REPORTER
from cypheredge.contracts.events.batch import BatchSubmitted, SubmittedStatement
from cypheredge.contracts.events.statement import PageMethod, StatementExtracted
from cypheredge.contracts.notices import repaired_pdf
from cypheredge.extractor.domain import extract_pdf
from cypheredge.extractor.service.artefact import to_document
from cypheredge.kit.db import Database
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.storage import ObjectStorage, storage_from_settings
from cypheredge.reporter.bootstrap import database
from cypheredge.reporter.infra.models import inbox, outbox
from cypheredge.reporter.service.builder import ReportBuilder
from cypheredge.reporter.service.tracker import OutcomeTracker, Tracked
from cypheredge.synth import generate

pytestmark = pytest.mark.integration
NAMES = ("intact.pdf", "tampered.pdf", "invalid.pdf")


@pytest.fixture(scope="module")
async def db(infra: InfraSettings) -> AsyncIterator[Database]:
    reporter = database(infra)
    yield reporter
    await reporter.dispose()


async def _deliver(tracker: OutcomeTracker, org: UUID, event: Tracked, source: str) -> None:
    await tracker.handle(Envelope.wrap(event, org_id=org, source=source), event)


async def _extracted(
    storage: ObjectStorage, org: UUID, batch: UUID, statement: SubmittedStatement
) -> StatementExtracted:
    """Store the statement's artefact and return its event; then spoil two of them."""
    synthetic = generate("uk_ruled", 3)
    artefact = to_document(extract_pdf(synthetic.pdf), (repaired_pdf(),)).encode()
    key = f"{org}/{batch}/extracted/{statement.statement_id}.json"
    event = StatementExtracted(
        batch_id=batch,
        statement_id=statement.statement_id,
        artefact_key=key,
        artefact_sha256=hashlib.sha256(artefact).hexdigest(),
        transactions=len(synthetic.truth["transactions"]),
        reconciled=True,
        pages=(PageMethod(number=1, method="geometric", rows=1, confidence=1.0),),
    )
    if statement.filename == "tampered.pdf":
        # Still a valid document: only the checksum can tell that an amount was changed.
        artefact = artefact.replace(b'"debit":"', b'"debit":"1', 1)
    if statement.filename == "invalid.pdf":
        artefact = artefact.replace(b'"account":0', b'"account":7', 1)
        event = event.model_copy(update={"artefact_sha256": hashlib.sha256(artefact).hexdigest()})
    await storage.put(key, artefact, "application/json")
    return event


async def test_a_tampered_or_invalid_artefact_fails_its_statement_with_the_reason(
    infra: InfraSettings, db: Database
) -> None:
    storage = storage_from_settings(infra)
    builder = ReportBuilder(db=db, storage=storage, outbox=Outbox(outbox, REPORTER.source))
    tracker = OutcomeTracker(db, Inbox(inbox), builder)
    org, batch = uuid4(), uuid4()
    statements = tuple(
        SubmittedStatement(
            statement_id=uuid4(),
            filename=name,
            storage_key=f"{org}/{batch}/raw/{name}",
            size_bytes=1,
            sha256="0" * 64,
        )
        for name in NAMES
    )
    submitted = BatchSubmitted(batch_id=batch, statements=statements)
    await _deliver(tracker, org, submitted, GATEWAY.source)
    built = {"status": "partially_failed"}
    before = REGISTRY.get_sample_value("cypheredge_reporter_build_seconds_count", built) or 0
    for statement in statements:
        event = await _extracted(storage, org, batch, statement)
        await _deliver(tracker, org, event, EXTRACTOR.source)
    # Built once, when the last statement's outcome came in.
    after = REGISTRY.get_sample_value("cypheredge_reporter_build_seconds_count", built)
    assert after == before + 1

    async with db.tenant(org) as session:
        rows = (await session.execute(select(outbox).where(outbox.c.key == str(batch)))).all()
    by_type = {r.event_type: r.payload["data"] for r in rows}
    completed = by_type["com.cypheredge.batch.completed.v1"]
    assert completed["status"] == "partially_failed"
    outcomes = {s["statement_id"]: s for s in completed["statements"]}
    intact, tampered, invalid = (outcomes[str(s.statement_id)] for s in statements)
    assert (intact["status"], intact["error"]) == ("reported", None)
    assert tampered["status"] == "failed"
    assert "does not match the checksum its event carried" in tampered["error"]
    assert invalid["status"] == "failed"
    assert "not a valid com.cypheredge.extraction.v1 document" in invalid["error"]
    assert "names no account" in invalid["error"]

    ready = by_type["com.cypheredge.report.ready.v1"]
    assert ready["summary"]["statements_reported"] == 1
    book = openpyxl.load_workbook(io.BytesIO(await storage.get(ready["workbook_key"])))
    flags = [r for r in book["Flags"].iter_rows(values_only=True) if r[0]]
    assert {(r[0], r[1]) for r in flags} >= {
        ("failed statement", "tampered.pdf"),
        ("failed statement", "invalid.pdf"),
        ("damaged file repaired", "intact.pdf"),
    }
