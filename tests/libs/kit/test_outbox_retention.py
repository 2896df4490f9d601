"""The outbox as the source of truth: sent rows stay for the retention window, then go.

Timestamps are explicit (rows are back-dated, the purge is given its ``now``): no test waits
for a clock, only for conditions.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest
from sqlalchemy import func, select, update

from cetest.kafka import Pinged
from cetest.kittables import outbox
from cypheredge.kit.db import Database
from cypheredge.kit.kafka import make_producer
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.relay import Relay
from cypheredge.kit.retention import OutboxSettings

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("clean_outbox")]
ORG = uuid4()
WEEK = OutboxSettings(retention_hours=7 * 24)


async def _add(db: Database, topic: str, count: int) -> list[UUID]:
    box = Outbox(outbox, "/tests")
    ids = []
    async with db.system() as session:
        for n in range(count):
            envelope = await box.add(session, Pinged.on(topic, n), org_id=ORG)
            ids.append(envelope.id)
    return ids


async def _sent_at(db: Database, row_id: UUID, when: datetime) -> None:
    async with db.system() as session:
        await session.execute(update(outbox).where(outbox.c.id == row_id).values(sent_at=when))


async def _remaining(db: Database) -> set[UUID]:
    async with db.system() as session:
        return set((await session.execute(select(outbox.c.id))).scalars())


async def test_published_rows_are_kept_as_sent_not_deleted(
    kit_db: Database, fresh_topic: str, topics: str
) -> None:
    ids = await _add(kit_db, fresh_topic, 3)
    producer = make_producer(topics, "keep-relay")
    await producer.start()
    try:
        assert await Relay(kit_db, outbox, producer, retention=WEEK).drain() == 3
    finally:
        await producer.stop()
    async with kit_db.system() as session:
        sent = (await session.execute(select(outbox.c.id, outbox.c.sent_at))).all()
    assert {row.id for row in sent} == set(ids)
    assert all(row.sent_at is not None for row in sent)


async def test_purge_deletes_rows_sent_before_the_window_and_never_unsent_ones(
    kit_db: Database, fresh_topic: str
) -> None:
    old, recent, unsent = await _add(kit_db, fresh_topic, 3)
    now = datetime.now(UTC)
    await _sent_at(kit_db, old, now - timedelta(days=8))
    await _sent_at(kit_db, recent, now - timedelta(days=6))
    async with kit_db.system() as session:  # waiting for ages, but never published
        await session.execute(
            update(outbox).where(outbox.c.id == unsent).values(created_at=now - timedelta(days=30))
        )
    relay = Relay(kit_db, outbox, producer=None, retention=WEEK)

    assert await relay.purge() == 1
    assert await _remaining(kit_db) == {recent, unsent}
    # The same rows seen from two days later (an injected clock): the 6-day-old one is due.
    assert await relay.purge(now=now + timedelta(days=2)) == 1
    assert await _remaining(kit_db) == {unsent}


async def test_purge_works_through_more_rows_than_one_chunk(
    kit_db: Database, fresh_topic: str
) -> None:
    ids = await _add(kit_db, fresh_topic, 7)
    async with kit_db.system() as session:
        await session.execute(update(outbox).values(sent_at=datetime.now(UTC) - timedelta(days=9)))
    relay = Relay(kit_db, outbox, producer=None, retention=WEEK)
    assert await relay.purge(chunk=3) == len(ids)
    async with kit_db.system() as session:
        assert (await session.execute(select(func.count()).select_from(outbox))).scalar_one() == 0


async def test_a_running_relay_purges_at_start_and_every_interval(
    kit_db: Database, fresh_topic: str, topics: str
) -> None:
    (old,) = await _add(kit_db, fresh_topic, 1)
    await _sent_at(kit_db, old, datetime.now(UTC) - timedelta(days=8))
    producer = make_producer(topics, "purging-relay")
    await producer.start()
    stop = asyncio.Event()
    settings = OutboxSettings(retention_hours=7 * 24, purge_interval_seconds=0.2)
    relay = Relay(kit_db, outbox, producer, poll_interval=0.1, retention=settings)
    task = asyncio.create_task(relay.run(stop))
    try:
        await _until(lambda: _missing(kit_db, old), "the relay never purged at start")
        (later,) = await _add(kit_db, fresh_topic, 1)
        await _until(lambda: _sent(kit_db, later), "the relay never published")
        await _sent_at(kit_db, later, datetime.now(UTC) - timedelta(days=8))
        await _until(lambda: _missing(kit_db, later), "the relay never purged again")
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)
        await producer.stop()


async def _missing(db: Database, row_id: UUID) -> bool:
    return row_id not in await _remaining(db)


async def _sent(db: Database, row_id: UUID) -> bool:
    async with db.system() as session:
        query = select(outbox.c.sent_at).where(outbox.c.id == row_id)
        return (await session.execute(query)).scalar_one() is not None


async def _until(check: Callable[[], Awaitable[bool]], why: str, within: float = 10) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        if await check():
            return
        if loop.time() > deadline:
            raise AssertionError(why)
        await asyncio.sleep(0.05)
