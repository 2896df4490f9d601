"""Idempotent consumption: remember each applied event in the effect's own transaction."""

from __future__ import annotations

from sqlalchemy import Table
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.contracts import Envelope


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
