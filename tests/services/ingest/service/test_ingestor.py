"""Ingest reads each upload once, checked against the hash the gateway computed, and stores a
second form only when the file has one (encrypted or repaired). Real PostgreSQL and storage;
the outbox records what would be published."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import cast
from uuid import UUID, uuid4

import pytest

from cetest.pdfs import DIGITAL_NZ, ENCRYPTED, ENCRYPTED_PASSWORD, sample
from cetest.recording import RecordingOutbox
from cypheredge.contracts import Envelope
from cypheredge.contracts.catalogue import INGEST
from cypheredge.contracts.events.batch import BatchSubmitted, SubmittedStatement
from cypheredge.contracts.events.statement import StatementIngested, StatementRejected
from cypheredge.ingest.domain.outcomes import decrypted_key
from cypheredge.ingest.infra.models import inbox
from cypheredge.ingest.service.ingestor import Ingestor
from cypheredge.kit.checksums import sha256_hex
from cypheredge.kit.db import Database, service_url
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.secrets import Sealer
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.storage import LocalStorage
from cypheredge.pdf import PdfInspector

pytestmark = pytest.mark.integration


@pytest.fixture
async def ingest(
    infra: InfraSettings, tmp_path: Path
) -> AsyncIterator[tuple[Ingestor, LocalStorage, RecordingOutbox]]:
    db = Database(service_url(infra, INGEST.name))
    storage, outbox = LocalStorage(tmp_path), RecordingOutbox()
    key = infra.cypheredge_secret_key
    with PdfInspector() as inspector:
        ingestor = Ingestor(
            db=db,
            storage=storage,
            outbox=cast(Outbox, outbox),
            inbox=Inbox(inbox),
            sealer=Sealer(key.get_secret_value() if key else None),
            inspector=inspector,
        )
        try:
            yield ingestor, storage, outbox
        finally:
            await db.dispose()


async def _upload(
    storage: LocalStorage, org: UUID, batch: UUID, name: str, data: bytes, sealed: str | None
) -> SubmittedStatement:
    """What the gateway does: hash the upload once, store it once, name both in the event."""
    statement_id = uuid4()
    key = f"{org}/{batch}/raw/{statement_id}.pdf"
    await storage.put(key, data, "application/pdf")
    return SubmittedStatement(
        statement_id=statement_id,
        filename=name,
        storage_key=key,
        size_bytes=len(data),
        sha256=sha256_hex(data),
        sealed_password=sealed,
    )


def _objects(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.pdf"))


async def test_an_intact_upload_is_read_from_its_one_object(
    ingest: tuple[Ingestor, LocalStorage, RecordingOutbox], tmp_path: Path
) -> None:
    ingestor, storage, outbox = ingest
    org, batch = uuid4(), uuid4()
    statement = await _upload(storage, org, batch, DIGITAL_NZ, sample(DIGITAL_NZ), None)
    event = BatchSubmitted(batch_id=batch, statements=(statement,))
    await ingestor.handle(Envelope.wrap(event, org_id=org, source="/tests"), event)
    (ingested,) = outbox.events
    assert isinstance(ingested, StatementIngested)
    assert ingested.storage_key == statement.storage_key  # no second copy of the same bytes
    assert ingested.storage_sha256 == ingested.sha256 == statement.sha256
    assert _objects(tmp_path) == [statement.storage_key]


async def test_an_encrypted_upload_gets_one_decrypted_copy_with_its_own_hash(
    ingest: tuple[Ingestor, LocalStorage, RecordingOutbox], tmp_path: Path, infra: InfraSettings
) -> None:
    ingestor, storage, outbox = ingest
    org, batch = uuid4(), uuid4()
    key = infra.cypheredge_secret_key
    sealed = Sealer(key.get_secret_value() if key else None).seal(ENCRYPTED_PASSWORD)
    statement = await _upload(storage, org, batch, ENCRYPTED, sample(ENCRYPTED), sealed)
    event = BatchSubmitted(batch_id=batch, statements=(statement,))
    await ingestor.handle(Envelope.wrap(event, org_id=org, source="/tests"), event)
    (ingested,) = outbox.events
    assert isinstance(ingested, StatementIngested)
    copy = decrypted_key(org, batch, statement.statement_id)
    assert ingested.storage_key == copy
    assert ingested.sha256 == statement.sha256
    assert ingested.storage_sha256 == sha256_hex(await storage.get(copy)) != statement.sha256
    assert _objects(tmp_path) == sorted([statement.storage_key, copy])


async def test_an_upload_altered_in_storage_is_refused_and_the_batch_goes_on(
    ingest: tuple[Ingestor, LocalStorage, RecordingOutbox], tmp_path: Path
) -> None:
    ingestor, storage, outbox = ingest
    org, batch = uuid4(), uuid4()
    tampered = await _upload(storage, org, batch, "a.pdf", sample(DIGITAL_NZ), None)
    intact = await _upload(storage, org, batch, "b.pdf", sample(DIGITAL_NZ), None)
    data = sample(DIGITAL_NZ)
    await storage.put(tampered.storage_key, data.replace(b"%%EOF", b"%%EOF\n% altered"))
    event = BatchSubmitted(batch_id=batch, statements=(tampered, intact))
    await ingestor.handle(Envelope.wrap(event, org_id=org, source="/tests"), event)
    refused, accepted = outbox.events
    assert isinstance(refused, StatementRejected)
    assert refused.statement_id == tampered.statement_id
    assert refused.code == "checksum_mismatch"
    assert "SHA-256" in refused.reason
    assert isinstance(accepted, StatementIngested)
    assert accepted.statement_id == intact.statement_id
