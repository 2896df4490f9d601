"""Re-drive: put a batch's already-sent outbox rows back in line for the relay.

A broker that acknowledged events and then lost them (an in-memory broker's crash) leaves a
batch stuck with nothing to move it. The outbox still holds every event the service sent
(retention window), so the gateway's sweeper asks for a re-drive (``batch.redrive_requested``)
and each service re-queues its own sent rows of that batch. They go out again with their
original event ids: a consumer that had applied one finds it in its inbox (or its own
"already done" record) and does nothing, so only the work that was really lost happens.
"""

from __future__ import annotations

from typing import Any, cast
from uuid import UUID

from faststream.kafka.subscriber.usecase import LogicSubscriber
from sqlalchemy import CursorResult, Table, text
from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.contracts import Envelope
from cypheredge.contracts.events.batch import BatchRedriveRequested
from cypheredge.kit.db import Database
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.stream.envelopes import CurrentEnvelope, of_type
from cypheredge.kit.tables import outbox_channel

REDRIVE_TYPE = BatchRedriveRequested.type_name()


async def requeue(session: AsyncSession, table: Table, batch_id: UUID) -> int:
    """Mark ``table``'s sent rows of ``batch_id`` unsent and wake the relay; returns how many.

    Earlier re-drive requests are left alone: sending them again would only re-queue the same
    rows a second time. Rows not sent yet are already in line.
    """
    qualified = f"{table.schema}.{table.name}"
    result = await session.execute(
        text(
            f"UPDATE {qualified} SET sent_at = NULL, claimed_until = NULL, claim_token = NULL "  # noqa: S608
            "WHERE batch_id = :batch AND sent_at IS NOT NULL AND event_type <> :redrive"
        ),
        {"batch": batch_id, "redrive": REDRIVE_TYPE},
    )
    count = int(cast("CursorResult[Any]", result).rowcount)
    if count:
        # The outbox trigger only fires on INSERT; the relay LISTENs on this channel.
        await session.execute(
            text("SELECT pg_notify(:channel, '')"), {"channel": outbox_channel(str(table.schema))}
        )
    return count


class Republisher:
    """Applies ``batch.redrive_requested`` to one service's outbox, once per request."""

    def __init__(self, db: Database, table: Table, inbox: Inbox, consumer: str) -> None:
        self._db = db
        self._table = table
        self._inbox = inbox
        self._consumer = consumer

    async def handle(self, envelope: Envelope, event: BatchRedriveRequested) -> None:
        async def effect(session: AsyncSession) -> None:
            await requeue(session, self._table, event.batch_id)

        await self._inbox.apply_once(self._db, self._consumer, envelope, effect)


def subscribe_redrive(sub: LogicSubscriber[Any], republisher: Republisher) -> None:
    """Hand re-drive requests read by ``sub`` (the service's one group) to ``republisher``."""

    @sub(filter=of_type(BatchRedriveRequested))
    async def redrive_requested(event: BatchRedriveRequested, envelope: CurrentEnvelope) -> None:
        await republisher.handle(envelope, event)
