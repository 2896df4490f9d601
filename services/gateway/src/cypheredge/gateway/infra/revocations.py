"""Revocations broadcast to every gateway process: Postgres NOTIFY on :data:`CHANNEL`.

A writer calls :func:`announce_revoked` in the transaction that revokes a key or changes or
removes a user; Postgres delivers it at commit (never for a rolled-back change). Each process
listens on its one LISTEN connection (``BatchChanges``) and evicts the principal from its
cache, so a revocation takes effect as soon as the notification lands, not after the cache's
TTL. The payload is an id only: it reveals nothing about the org.
"""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

CHANNEL = "gateway_principal_revoked"


async def announce_revoked(session: AsyncSession, subject_id: UUID) -> None:
    """Tell every process to forget ``subject_id``'s principal when this transaction commits."""
    await session.execute(select(func.pg_notify(CHANNEL, str(subject_id))))
