"""Use case: ingest every statement of a submitted batch.

Each statement is finished in its own transaction (its row, its outcome event in the outbox
and its inbox row), so a large batch makes progress even if the process dies midway, and a
redelivered batch event skips statements already done: the inbox records the event once per
statement, in the transaction of that statement's effect.
"""

from __future__ import annotations

import asyncio
from typing import cast
from uuid import UUID

from cypheredge.contracts import Envelope
from cypheredge.contracts.catalogue import INGEST
from cypheredge.contracts.events.batch import BatchSubmitted, SubmittedStatement
from cypheredge.contracts.events.statement import RejectionCode
from cypheredge.ingest.domain.file_warnings import file_warnings
from cypheredge.ingest.domain.outcomes import Accepted, Outcome, Rejected, decrypted_key, to_event
from cypheredge.ingest.infra import repository as repo
from cypheredge.kit.checksums import ChecksumMismatch, read_verified, sha256_hex
from cypheredge.kit.db import Database
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.secrets import Sealer
from cypheredge.kit.storage import ObjectNotFound, ObjectStorage
from cypheredge.pdf import PdfInspector, PdfRejected

CONSUMER = INGEST.group_id


class Ingestor:
    def __init__(
        self,
        *,
        db: Database,
        storage: ObjectStorage,
        outbox: Outbox,
        inbox: Inbox,
        sealer: Sealer,
        inspector: PdfInspector,
    ) -> None:
        self._db = db
        self._storage = storage
        self._outbox = outbox
        self._inbox = inbox
        self._sealer = sealer
        self._inspector = inspector

    async def handle(self, envelope: Envelope, event: BatchSubmitted) -> None:
        for statement in event.statements:
            await self._ingest_one(envelope, event.batch_id, statement)

    async def _ingest_one(
        self, envelope: Envelope, batch_id: UUID, statement: SubmittedStatement
    ) -> None:
        org_id, part = envelope.orgid, statement.statement_id
        async with self._db.tenant(org_id) as session:
            if await self._inbox.applied(session, CONSUMER, envelope, part):
                return  # skip the inspection; the row below is what decides
        outcome = await self._inspect(org_id, batch_id, statement)
        async with self._db.tenant(org_id) as session:
            if not await self._inbox.first_delivery(session, CONSUMER, envelope, part):
                return
            duplicate_of = None
            if isinstance(outcome, Accepted):
                duplicate_of = await repo.earlier_with_hash(
                    session, statement.sha256, statement.statement_id
                )
            await repo.record(session, **_row(org_id, batch_id, statement, outcome, duplicate_of))
            await self._outbox.add(
                session, to_event(batch_id, statement, outcome, duplicate_of), org_id=org_id
            )

    async def _inspect(
        self, org_id: UUID, batch_id: UUID, statement: SubmittedStatement
    ) -> Outcome:
        try:
            data = await read_verified(self._storage, statement.storage_key, statement.sha256)
        except ObjectNotFound:
            return Rejected("missing_file", "the uploaded file is no longer in storage")
        except ChecksumMismatch:
            return Rejected(
                "checksum_mismatch",
                "the stored file is not the file uploaded (its SHA-256 differs): it was altered "
                "or corrupted in storage; upload it again",
            )
        password = (
            self._sealer.open(statement.sealed_password) if statement.sealed_password else None
        )
        try:
            # The inspector's sandbox queues jobs for its workers.
            inspected = await asyncio.to_thread(self._inspector.inspect, data, password)
        except PdfRejected as exc:
            return Rejected(cast(RejectionCode, exc.code), exc.reason)
        # One object per form: the upload serves the extractor as it is unless qpdf had to
        # rewrite it (decrypt, repair); only then is there a second form to store and hash.
        key, digest = statement.storage_key, statement.sha256
        if inspected.rewritten:
            key = decrypted_key(org_id, batch_id, statement.statement_id)
            digest = sha256_hex(inspected.decrypted)
            await self._storage.put(key, inspected.decrypted, "application/pdf")
        return Accepted(
            pages=inspected.pages,
            text_layer_pages=inspected.text_layer_pages,
            encrypted=inspected.encrypted,
            storage_key=key,
            storage_sha256=digest,
            warnings=file_warnings(inspected),
        )


def _row(
    org_id: UUID,
    batch_id: UUID,
    statement: SubmittedStatement,
    outcome: Outcome,
    duplicate_of: UUID | None,
) -> dict[str, object]:
    common = {
        "statement_id": statement.statement_id,
        "org_id": org_id,
        "batch_id": batch_id,
        "filename": statement.filename,
        "sha256": statement.sha256,
    }
    if isinstance(outcome, Rejected):
        return {**common, "status": "rejected", "code": outcome.code, "reason": outcome.reason}
    return {
        **common,
        "status": "ingested",
        "pages": outcome.pages,
        "text_layer_pages": list(outcome.text_layer_pages),
        "encrypted": outcome.encrypted,
        "storage_key": outcome.storage_key,
        "duplicate_of": duplicate_of,
    }
