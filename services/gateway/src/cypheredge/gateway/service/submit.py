"""Use case: accept a batch upload.

Every rule is checked before anything is written, so a rejected upload leaves nothing
behind. Then the raw files go to storage (keys are fresh UUIDs, never derived from the
client's file name, so a later failure leaves only unreferenced objects); then the batch,
its statements and the ``batch.submitted`` outbox row are written in one transaction, so
either the whole batch exists and will be processed, or nothing does.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any, Protocol
from uuid import UUID, uuid4

from cypheredge.contracts.events.batch import BatchSubmitted, SubmittedStatement
from cypheredge.gateway.domain.submission import (
    SubmissionError,
    UploadedFile,
    UploadLimits,
    check_files,
    request_fingerprint,
)
from cypheredge.gateway.infra import batches as batch_sql
from cypheredge.gateway.infra import idempotency as idem_sql
from cypheredge.gateway.service.container import Container


class StagedFile(Protocol):
    """A received file waiting to be stored (the API spools it to disk)."""

    @property
    def meta(self) -> UploadedFile: ...

    async def read(self) -> bytes: ...


class IdempotencyConflict(Exception):
    def __init__(self, outcome: str) -> None:
        super().__init__(outcome)
        self.outcome = outcome


async def submit_batch(
    app: Container,
    *,
    org_id: UUID,
    files: list[StagedFile],
    passwords: dict[str, str],
    params: dict[str, Any],
    idempotency_key: str | None,
    limits: UploadLimits | None = None,
) -> tuple[int, dict[str, Any]]:
    """Returns the HTTP status and body; replays the stored answer for a repeated key.

    ``limits`` are the org's (its plan's lowered the gateway's); the gateway's by default.
    """
    check_files([f.meta for f in files], limits or app.limits)
    fingerprint = request_fingerprint([f.meta for f in files], passwords, params)
    if idempotency_key is not None:
        replay = await _reserve(app, org_id, idempotency_key, fingerprint)
        if replay is not None:
            return replay
    try:
        # Cut off before the key's lease can lapse (idem_sql.lease_for): a retry that takes the
        # key over never runs beside this request.
        async with asyncio.timeout(app.settings.submit_time_limit_seconds):
            return await _create(app, org_id, files, passwords, params, idempotency_key)
    except BaseException:
        if idempotency_key is not None:
            async with app.db.tenant(org_id) as session:
                await idem_sql.release(session, org_id=org_id, key=idempotency_key)
        raise


async def already_answered(app: Container, org_id: UUID, key: str | None) -> bool:
    """Whether a request with Idempotency-Key ``key`` was answered (a retry replays that)."""
    if key is None:
        return False
    async with app.db.tenant(org_id) as session:
        return await idem_sql.answered(session, org_id=org_id, key=key)


async def _reserve(
    app: Container, org_id: UUID, key: str, fingerprint: str
) -> tuple[int, dict[str, Any]] | None:
    async with app.db.tenant(org_id) as session:
        reservation = await idem_sql.reserve(
            session,
            org_id=org_id,
            key=key,
            request_hash=fingerprint,
            ttl=timedelta(hours=app.settings.idempotency_ttl_hours),
            lock=idem_sql.lease_for(timedelta(seconds=app.settings.submit_time_limit_seconds)),
        )
    if reservation.outcome == "replay":
        return reservation.status or 202, dict(reservation.body or {})
    if reservation.outcome in ("mismatch", "in_progress"):
        raise IdempotencyConflict(reservation.outcome)
    return None


async def _create(
    app: Container,
    org_id: UUID,
    files: list[StagedFile],
    passwords: dict[str, str],
    params: dict[str, Any],
    idempotency_key: str | None,
) -> tuple[int, dict[str, Any]]:
    batch_id = uuid4()
    items = []
    for position, staged in enumerate(files):
        item = staged.meta
        statement_id = uuid4()
        key = storage_key(org_id, batch_id, statement_id)
        # One file in memory at a time: storage takes bytes, the rest stay spooled on disk.
        await app.storage.put(key, await staged.read(), "application/pdf")
        items.append(
            batch_sql.NewStatement(
                id=statement_id,
                position=position,
                filename=item.filename,
                size_bytes=item.size,
                sha256=item.sha256,
                storage_key=key,
                password_protected=item.filename in passwords,
            )
        )
    event = BatchSubmitted(
        batch_id=batch_id,
        params=params,
        statements=tuple(
            SubmittedStatement(
                statement_id=s.id,
                filename=s.filename,
                storage_key=s.storage_key,
                size_bytes=s.size_bytes,
                sha256=s.sha256,
                sealed_password=_seal(app, passwords.get(s.filename)),
            )
            for s in items
        ),
    )
    body = {
        "id": str(batch_id),
        "status": "queued",
        "statements": [
            {"id": str(s.id), "filename": s.filename, "status": "uploaded"} for s in items
        ],
    }
    async with app.db.tenant(org_id) as session:
        await batch_sql.insert_batch(
            session, batch_id=batch_id, org_id=org_id, params=params, items=items
        )
        await app.outbox.add(session, event, org_id=org_id)
        if idempotency_key is not None:
            await idem_sql.complete(
                session, org_id=org_id, key=idempotency_key, status=202, body=body
            )
    return 202, body


def storage_key(org_id: UUID, batch_id: UUID, statement_id: UUID) -> str:
    """Where a raw upload is stored: ids only, nothing the client chose."""
    return f"{org_id}/{batch_id}/raw/{statement_id}.pdf"


def _seal(app: Container, password: str | None) -> str | None:
    return None if password is None else app.sealer.seal(password)


__all__ = [
    "IdempotencyConflict",
    "StagedFile",
    "SubmissionError",
    "already_answered",
    "storage_key",
    "submit_batch",
]
