"""Idempotent consumption: remember each applied event in the effect's own transaction."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy import Table
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
        self, session: AsyncSession, consumer: str, envelope: Envelope
    ) -> bool:
        """Record the event; False when this consumer already applied it (skip the effect).

        Must run in the same transaction as the effect: if the effect rolls back, so does the
        record, and the redelivered event is applied then.
        """
        stmt = (
            insert(self._table)
            .values(consumer=consumer, event_id=envelope.id, event_type=envelope.type)
            .on_conflict_do_nothing()
            .returning(self._table.c.event_id)
        )
        result = await session.execute(stmt)
        return result.first() is not None

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
