"""The relay wakes on the outbox's NOTIFY, not on its poll interval, and loses no wake-up.

The poll interval is an hour, so only a NOTIFY can make the relay publish within the test;
each test decides the interleaving itself (it acts when the relay is idle, or from inside the
relay's own last claim), so no sleep or timing decides the outcome. ``within`` bounds only
how long a broken relay may hang the test.
"""

from __future__ import annotations

import asyncio
from uuid import UUID, uuid4

import pytest
from aiokafka import AIOKafkaProducer
from sqlalchemy import text

from cetest.kafka import Pinged, read_all
from cetest.kittables import outbox
from cypheredge.kit.db import Database
from cypheredge.kit.kafka import make_producer
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.relay import OutboxRow, Relay

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("clean_outbox")]
ORG = uuid4()
AN_HOUR = 3600.0


async def _add(db: Database, topic: str, n: int) -> None:
    async with db.system() as session:
        await Outbox(outbox, "/tests").add(session, Pinged.on(topic, n), org_id=ORG)


class _AddsAfterItsLastClaim(Relay):
    """A relay whose drain, right after the claim that finds nothing left, commits one more
    row: that row's NOTIFY arrives while the relay drains, before it listens again."""

    def __init__(self, db: Database, producer: AIOKafkaProducer, late_topic: str) -> None:
        super().__init__(db, outbox, producer, poll_interval=AN_HOUR)
        self._late: tuple[Database, str] | None = (db, late_topic)
        self.published = False

    async def claim(self) -> tuple[UUID, list[OutboxRow]]:
        token, rows = await super().claim()
        if not rows and self._late is not None and self.published:
            db, topic = self._late
            self._late = None
            await _add(db, topic, 1)
        return token, rows

    async def publish(self, token: UUID, rows: list[OutboxRow]) -> None:
        await super().publish(token, rows)
        self.published = True


async def _stop(relay_task: asyncio.Task[None], stop: asyncio.Event, db: Database) -> None:
    stop.set()
    async with db.system() as session:
        await session.execute(text("NOTIFY kittest_outbox"))
    await asyncio.wait_for(relay_task, 10)


async def test_an_idle_relay_publishes_a_committed_row_without_waiting_its_poll_interval(
    kit_db: Database, fresh_topic: str, topics: str
) -> None:
    producer = make_producer(topics, "wakeup-relay")
    await producer.start()
    stop = asyncio.Event()
    relay = Relay(kit_db, outbox, producer, poll_interval=AN_HOUR)
    task = asyncio.create_task(relay.run(stop))
    try:
        await asyncio.wait_for(relay.idle.wait(), 20)  # drained and listening
        await _add(kit_db, fresh_topic, 0)
        records = await read_all(topics, fresh_topic, 1, within=20)
        assert len(records) == 1
    finally:
        await _stop(task, stop, kit_db)
        await producer.stop()


async def test_a_row_committed_while_the_relay_drains_is_published_on_its_notify(
    kit_db: Database, fresh_topic: str, topics: str
) -> None:
    producer = make_producer(topics, "late-relay")
    await producer.start()
    stop = asyncio.Event()
    relay = _AddsAfterItsLastClaim(kit_db, producer, fresh_topic)
    task = asyncio.create_task(relay.run(stop))
    try:
        await asyncio.wait_for(relay.idle.wait(), 20)
        await _add(kit_db, fresh_topic, 0)  # wakes the relay; its drain then adds row 1
        records = await read_all(topics, fresh_topic, 2, within=20)
        assert len(records) == 2, "the NOTIFY sent during the drain woke the relay again"
    finally:
        await _stop(task, stop, kit_db)
        await producer.stop()
