"""The outbox relay: publishes committed outbox rows to Kafka.

Claiming marks a batch of unsent rows with a lease token (``FOR UPDATE SKIP LOCKED`` so
concurrent relays take disjoint rows) and commits; publishing happens outside any transaction;
rows are marked sent only by the claimant. A relay that dies after claiming leaves the lease to
expire and another relay takes the rows: delivery is at-least-once, consumers deduplicate.

A relay sleeps on ``LISTEN`` between drains: the outbox trigger's NOTIFY wakes it at the
commit of the row (the poll interval is only the fallback for a lost connection or a missed
wake-up). A NOTIFY that arrives while it drains is not lost: nothing else reads the listening
connection, so the notification waits in it until the relay listens again, and the relay
drains once more at once.

Sent rows are kept for the retention window, not deleted: the outbox, not the broker, is the
source of truth, and a re-drive (``cypheredge.kit.redrive``) puts a batch's sent rows back in
line when the broker lost them. The relay purges rows sent before the window.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast
from uuid import UUID, uuid4

import psycopg
from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError
from sqlalchemy import CursorResult, Table, text

from cypheredge.contracts.envelope import CONTENT_TYPE
from cypheredge.contracts.headers import CONTENT_TYPE_HEADER, TRACEPARENT_HEADER
from cypheredge.kit.db import Database, libpq_dsn
from cypheredge.kit.metrics import OUTBOX_PUBLISH_ERRORS, OUTBOX_PUBLISHED
from cypheredge.kit.retention import OutboxSettings
from cypheredge.kit.tables import outbox_channel
from cypheredge.kit.telemetry import in_trace
from cypheredge.kit.tracing import span_traceparent

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OutboxRow:
    id: UUID
    topic: str
    key: str
    event_type: str
    payload: dict[str, Any]


# Hands one row to the broker; the awaitable it returns completes when the broker has it.
Send = Callable[[OutboxRow], Awaitable[Awaitable[Any]]]


def producer_send(producer: AIOKafkaProducer) -> Send:
    """Publish rows with a plain aiokafka producer (the apps publish through FastStream)."""

    async def send(row: OutboxRow) -> Awaitable[Any]:
        record = record_of(row)
        future: Awaitable[Any] = await producer.send(
            record.topic, value=record.value, key=record.key, headers=list(record.headers.items())
        )
        return future

    return send


class Relay:
    """Publishes one service's outbox. Run several for availability: each row goes out once."""

    def __init__(
        self,
        db: Database,
        table: Table,
        producer: Send | AIOKafkaProducer,
        *,
        batch_size: int = 200,
        lease: timedelta = timedelta(seconds=30),
        poll_interval: float = 2.0,
        max_backoff: float = 30.0,
        retention: OutboxSettings | None = None,
        topics: Collection[str] | None = None,
    ) -> None:
        """``topics`` limits the rows it claims to those topics (None: every row): when
        deployments of one service share an outbox, each relay takes only the rows it has
        publishers for, and a row for any other topic waits for a relay that has one."""
        self._db = db
        self._topics = None if topics is None else sorted(topics)
        # A FastStream app's relay sends through the app's publishers (``publisher_send``).
        self._send = producer_send(producer) if isinstance(producer, AIOKafkaProducer) else producer
        self._qualified = f"{table.schema}.{table.name}"
        self._channel = outbox_channel(str(table.schema))
        self._batch_size = batch_size
        self._lease = lease
        self._poll_interval = poll_interval
        self._max_backoff = max_backoff
        self._retention = retention or OutboxSettings()
        # Set while the relay waits for a NOTIFY (drained, nothing claimable); cleared when it
        # wakes. Lets a caller (a test) act exactly when the relay is idle.
        self.idle = asyncio.Event()

    async def claim(self) -> tuple[UUID, list[OutboxRow]]:
        """Lease up to ``batch_size`` unsent rows, oldest first, and commit the lease."""
        token = uuid4()
        sql = text(
            f"""
            UPDATE {self._qualified} AS o
               SET claim_token = :token, claimed_until = now() + :lease,
                   attempts = o.attempts + 1
              FROM (SELECT id FROM {self._qualified}
                     WHERE sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
                       AND (CAST(:topics AS text[]) IS NULL OR topic = ANY(:topics))
                     ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED) AS picked
             WHERE o.id = picked.id
         RETURNING o.id, o.seq, o.topic, o.key, o.event_type, o.payload
            """  # noqa: S608 - identifiers come from the service's own table object
        )
        async with self._db.system() as session:
            result = await session.execute(
                sql,
                {
                    "token": token,
                    "lease": self._lease,
                    "limit": self._batch_size,
                    "topics": self._topics,
                },
            )
            rows = sorted(result.all(), key=lambda r: r.seq)
        return token, [OutboxRow(r.id, r.topic, r.key, r.event_type, r.payload) for r in rows]

    async def publish(self, token: UUID, rows: list[OutboxRow]) -> None:
        """Send the claimed rows and mark them sent; raises when the broker fails."""
        futures = [await self._traced_send(row) for row in rows]
        await asyncio.gather(*futures)
        async with self._db.system() as session:
            await session.execute(
                text(
                    f"UPDATE {self._qualified} SET sent_at = now(), claimed_until = NULL "  # noqa: S608
                    "WHERE id = ANY(:ids) AND claim_token = :token"
                ),
                {"ids": [row.id for row in rows], "token": token},
            )
        for row in rows:
            OUTBOX_PUBLISHED.labels(topic=row.topic).inc()

    async def _traced_send(self, row: OutboxRow) -> Awaitable[Any]:
        """Hand ``row`` over inside a span of the event's own trace (the one its envelope
        carries), so the relay's publish sits between the producer and the consumers."""
        traceparent = row.payload.get("traceparent")
        attributes = {
            "messaging.system": "kafka",
            "messaging.destination.name": row.topic,
            "messaging.message.id": str(row.id),
            "cloudevents.event_type": row.event_type,
        }
        with in_trace(
            traceparent if isinstance(traceparent, str) else None, f"relay {row.topic}", attributes
        ):
            return await self._send(row)

    async def release(self, token: UUID, error: str) -> None:
        """Give a failed claim back so the next attempt need not wait for the lease."""
        async with self._db.system() as session:
            await session.execute(
                text(
                    f"UPDATE {self._qualified} SET claimed_until = NULL, last_error = :err "  # noqa: S608
                    "WHERE claim_token = :token AND sent_at IS NULL"
                ),
                {"token": token, "err": error[:2000]},
            )

    async def purge(self, now: datetime | None = None, chunk: int = 5000) -> int:
        """Delete rows sent before the retention window (ending at ``now``, default the
        database's clock); returns how many went. Chunks keep each transaction short."""
        sql = text(
            f"""
            DELETE FROM {self._qualified} WHERE id IN (
                SELECT id FROM {self._qualified}
                 WHERE sent_at < COALESCE(CAST(:now AS timestamptz), now()) - :retention
                 LIMIT :chunk)
            """  # noqa: S608 - identifiers come from the service's own table object
        )
        params = {"now": now, "retention": self._retention.retention, "chunk": chunk}
        total = 0
        while True:
            async with self._db.system() as session:
                result = cast("CursorResult[Any]", await session.execute(sql, params))
            deleted = int(result.rowcount)
            total += deleted
            if deleted < chunk:
                return total

    async def drain(self) -> int:
        """Publish until nothing claimable is left; returns how many rows went out."""
        total = 0
        while True:
            token, rows = await self.claim()
            if not rows:
                return total
            try:
                await self.publish(token, rows)
            except KafkaError as exc:
                OUTBOX_PUBLISH_ERRORS.inc()
                await self.release(token, repr(exc))
                raise
            total += len(rows)

    async def run(self, stop: asyncio.Event) -> None:
        """Drain, then sleep until NOTIFY or the poll interval; back off while Kafka is down."""
        backoff = 0.5
        loop = asyncio.get_running_loop()
        next_purge = loop.time()
        async with await psycopg.AsyncConnection.connect(
            libpq_dsn(self._db.url), autocommit=True
        ) as listener:
            await listener.execute(f'LISTEN "{self._channel}"')
            while not stop.is_set():
                if loop.time() >= next_purge:
                    purged = await self.purge()
                    if purged:
                        log.info("relay: purged %d sent outbox rows past retention", purged)
                    next_purge = loop.time() + self._retention.purge_interval_seconds
                try:
                    await self.drain()
                    backoff = 0.5
                except KafkaError as exc:
                    log.warning("relay: broker unavailable (%r); retrying in %.1fs", exc, backoff)
                    await _sleep_or_stop(stop, backoff)
                    backoff = min(backoff * 2, self._max_backoff)
                    continue
                self.idle.set()
                try:
                    async for _ in listener.notifies(timeout=self._poll_interval, stop_after=1):
                        pass
                finally:
                    self.idle.clear()


@dataclass(frozen=True)
class Record:
    topic: str
    key: bytes
    value: bytes
    headers: dict[str, bytes]


def record_of(row: OutboxRow) -> Record:
    """The Kafka record of an outbox row: the envelope as value, the aggregate id as key."""
    headers = {
        CONTENT_TYPE_HEADER: CONTENT_TYPE.encode(),
        "ce_type": row.event_type.encode(),
        "ce_id": str(row.id).encode(),
    }
    # The relay's span when there is one (a child of the envelope's, in the same trace).
    traceparent = span_traceparent() or row.payload.get("traceparent")
    if isinstance(traceparent, str):
        headers[TRACEPARENT_HEADER] = traceparent.encode()
    return Record(
        topic=row.topic,
        key=row.key.encode(),
        value=json.dumps(row.payload, separators=(",", ":")).encode(),
        headers=headers,
    )


async def _sleep_or_stop(stop: asyncio.Event, seconds: float) -> None:
    try:
        await asyncio.wait_for(stop.wait(), timeout=seconds)
    except TimeoutError:
        return
