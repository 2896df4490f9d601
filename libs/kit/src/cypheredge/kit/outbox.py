"""Transactional outbox: events are rows written in the business transaction."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import Table, insert
from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.contracts import Envelope, Event
from cypheredge.kit.tracing import child_traceparent


class Outbox:
    """Adds events to a service's outbox table; the relay publishes them after commit."""

    def __init__(self, table: Table, source: str) -> None:
        self._table = table
        self.source = source

    @property
    def table(self) -> Table:
        return self._table

    async def add(self, session: AsyncSession, event: Event, *, org_id: UUID) -> Envelope:
        """Stage ``event`` in the caller's transaction; nothing is published if it rolls back."""
        envelope = Envelope.wrap(
            event, org_id=org_id, source=self.source, traceparent=child_traceparent()
        )
        await session.execute(
            insert(self._table).values(
                id=envelope.id,
                topic=event.topic,
                key=envelope.subject,
                org_id=org_id,
                event_type=envelope.type,
                payload=envelope.model_dump(mode="json", exclude_none=True),
                batch_id=batch_of(event),
            )
        )
        return envelope


def batch_of(event: Event) -> UUID | None:
    """The batch an event belongs to, which a re-drive of that batch re-publishes.

    Every pipeline event names its batch in ``batch_id`` (a statement event's Kafka key is the
    statement, so the key alone cannot find a batch's events); other events belong to none.
    """
    value = getattr(event, "batch_id", None)
    return value if isinstance(value, UUID) else None
