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

from sqlalchemy import CursorResult, Table, text
from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.contracts import Envelope, decode_known
from cypheredge.contracts.events.batch import BatchRedriveRequested
from cypheredge.kit.consumer import Handler
from cypheredge.kit.db import Database
from cypheredge.kit.inbox import Inbox
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

    async def handle(self, envelope: Envelope) -> None:
        event = decode_known(envelope)
        if not isinstance(event, BatchRedriveRequested):
            return

        async def effect(session: AsyncSession) -> None:
            await requeue(session, self._table, event.batch_id)

        await self._inbox.apply_once(self._db, self._consumer, envelope, effect)


def with_redrive(handler: Handler, republisher: Republisher) -> Handler:
    """``handler`` for the service's own events, ``republisher`` for re-drive requests.

    One consumer group per service reads every topic it consumes, the re-drive topic included.
    """

    async def handle(envelope: Envelope) -> None:
        if envelope.type == REDRIVE_TYPE:
            await republisher.handle(envelope)
        else:
            await handler(envelope)

    return handle
