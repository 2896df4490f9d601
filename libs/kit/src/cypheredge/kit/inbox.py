"""Idempotent consumption: remember each applied event in the effect's own transaction.

The one way every consumer applies an event once: the inbox row is inserted in the same
transaction as the effect (``first_delivery`` / ``apply_once``), so the two commit or roll back
together. A consumer whose effect needs slow work outside any transaction (reading a PDF) may
ask ``applied`` first to skip that work on a redelivery; the row written with the effect stays
the arbiter. An event applied in parts (ingest finishes each statement of a batch in its own
transaction) records one row per part.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from uuid import UUID, uuid5

from sqlalchemy import Table, exists, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.contracts import Envelope
from cypheredge.kit.db import Database

Effect = Callable[[AsyncSession], Awaitable[None]]


class Inbox:
    """Per-service processed-message table keyed by (consumer, event id)."""

    def __init__(self, table: Table) -> None:
        self._table = table

    async def first_delivery(
        self, session: AsyncSession, consumer: str, envelope: Envelope, part: UUID | None = None
    ) -> bool:
        """Record the event (or its ``part``); False when this consumer already applied it
        (skip the effect).

        Must run in the same transaction as the effect: if the effect rolls back, so does the
        record, and the redelivered event is applied then.
        """
        stmt = (
            insert(self._table)
            .values(consumer=consumer, event_id=_key(envelope, part), event_type=envelope.type)
            .on_conflict_do_nothing()
            .returning(self._table.c.event_id)
        )
        result = await session.execute(stmt)
        return result.first() is not None

    async def applied(
        self, session: AsyncSession, consumer: str, envelope: Envelope, part: UUID | None = None
    ) -> bool:
        """Whether this consumer already applied the event (or its ``part``): a read-only
        look before slow work, never instead of ``first_delivery`` in the effect's transaction."""
        query = select(
            exists().where(
                self._table.c.consumer == consumer,
                self._table.c.event_id == _key(envelope, part),
            )
        )
        return bool((await session.execute(query)).scalar())

    async def apply_once(
        self, db: Database, consumer: str, envelope: Envelope, effect: Effect
    ) -> bool:
        """Run ``effect`` in a transaction of the event's org, unless already applied.

        Returns whether the effect ran; the inbox row commits or rolls back with it.
        """
        async with db.tenant(envelope.orgid) as session:
            if not await self.first_delivery(session, consumer, envelope):
                return False
            await effect(session)
            return True


def _key(envelope: Envelope, part: UUID | None) -> UUID:
    return envelope.id if part is None else uuid5(envelope.id, str(part))
