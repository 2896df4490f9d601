"""Re-drive: a batch's sent outbox rows go out again, with their ids, once per request."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from typing import ClassVar
from uuid import UUID, uuid4

import pytest
from faststream.kafka import TestKafkaBroker
from sqlalchemy import func, select, text

from cetest.kafka import read_all
from cetest.kittables import inbox, outbox
from cypheredge.contracts import Envelope, Event, decode
from cypheredge.contracts.events.batch import BatchRedriveRequested
from cypheredge.contracts.topics import Topic
from cypheredge.kit.db import Database
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.kafka import make_producer
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.redrive import Republisher, requeue, subscribe_redrive
from cypheredge.kit.relay import Relay
from cypheredge.kit.stream import ignore_others, make_broker, subscriber

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("clean_outbox")]
ORG = uuid4()


class StageDone(Event):
    """Shaped like a statement event: keyed by the statement, naming its batch."""

    name = "test.stage_done"
    version = 1
    topic: ClassVar[str] = "unset"

    batch_id: UUID
    statement_id: UUID

    def aggregate_id(self) -> UUID:
        return self.statement_id


def stage_done(topic: str, batch_id: UUID) -> StageDone:
    bound: type[StageDone] = type("StageDone", (StageDone,), {"topic": topic})
    return bound(batch_id=batch_id, statement_id=uuid4())


async def _add(db: Database, *events: Event) -> list[UUID]:
    box = Outbox(outbox, "/tests")
    async with db.system() as session:
        return [(await box.add(session, e, org_id=ORG)).id for e in events]


async def _unsent(db: Database) -> int:
    async with db.system() as session:
        query = select(func.count()).select_from(outbox).where(outbox.c.sent_at.is_(None))
        return int((await session.execute(query)).scalar_one())


async def _drain(db: Database, topics: str) -> int:
    producer = make_producer(topics, "redrive-relay")
    await producer.start()
    try:
        return await Relay(db, outbox, producer).drain()
    finally:
        await producer.stop()


def _redrive(envelope: Envelope) -> BatchRedriveRequested:
    event = decode(envelope)
    assert isinstance(event, BatchRedriveRequested)
    return event


def _request(batch_id: UUID) -> Envelope:
    event = BatchRedriveRequested(batch_id=batch_id, reason="operator")
    return Envelope.wrap(event, org_id=ORG, source="/tests")


async def test_outbox_rows_record_their_batch(kit_db: Database, fresh_topic: str) -> None:
    batch = uuid4()
    await _add(kit_db, stage_done(fresh_topic, batch))
    async with kit_db.system() as session:
        row = (await session.execute(select(outbox.c.batch_id, outbox.c.key))).one()
    assert row.batch_id == batch
    assert row.key != str(batch), "the key is the statement; only batch_id finds the batch"


async def test_requeue_sends_a_batchs_events_again_with_their_ids(
    kit_db: Database, fresh_topic: str, topics: str
) -> None:
    stuck, other = uuid4(), uuid4()
    ids = await _add(
        kit_db,
        stage_done(fresh_topic, stuck),
        stage_done(fresh_topic, stuck),
        stage_done(fresh_topic, other),
    )
    assert await _drain(kit_db, topics) == 3
    async with kit_db.system() as session:
        assert await requeue(session, outbox, stuck) == 2
    assert await _unsent(kit_db) == 2
    assert await _drain(kit_db, topics) == 2

    records = await read_all(topics, fresh_topic, 5)
    sent = Counter(json.loads(r.value or b"")["id"] for r in records)
    assert sent == {str(ids[0]): 2, str(ids[1]): 2, str(ids[2]): 1}
    assert {dict(r.headers)["ce_id"].decode() for r in records} == set(sent)


async def test_requeue_leaves_unsent_rows_and_earlier_requests_alone(
    kit_db: Database, fresh_topic: str, topics: str
) -> None:
    batch = uuid4()
    await _add(kit_db, stage_done(fresh_topic, batch))
    box = Outbox(outbox, "/tests")
    async with kit_db.system() as session:
        await box.add(session, BatchRedriveRequested(batch_id=batch, reason="stalled"), org_id=ORG)
    async with kit_db.system() as session:  # both published
        await session.execute(text("UPDATE kittest.outbox SET sent_at = now()"))
    async with kit_db.system() as session:
        assert await requeue(session, outbox, batch) == 1, "the old request is not re-sent"
    async with kit_db.system() as session:
        assert await requeue(session, outbox, batch) == 0, "already in line"


async def test_republisher_applies_each_request_once(
    kit_db: Database, fresh_topic: str, topics: str
) -> None:
    batch = uuid4()
    await _add(kit_db, stage_done(fresh_topic, batch))
    assert await _drain(kit_db, topics) == 1
    republisher = Republisher(kit_db, outbox, Inbox(inbox), f"test-{uuid4().hex[:8]}")
    request = _request(batch)

    await republisher.handle(request, _redrive(request))
    assert await _unsent(kit_db) == 1
    assert await _drain(kit_db, topics) == 1
    await republisher.handle(request, _redrive(request))  # the same request delivered again
    assert await _unsent(kit_db) == 0
    again = _request(batch)
    await republisher.handle(again, _redrive(again))  # a new request re-drives again
    assert await _unsent(kit_db) == 1


async def test_a_subscriber_hands_requests_to_the_republisher_and_the_rest_on(
    kit_db: Database, fresh_topic: str, topics: str
) -> None:
    batch = uuid4()
    await _add(kit_db, stage_done(fresh_topic, batch))
    assert await _drain(kit_db, topics) == 1
    topic = Topic(fresh_topic, 3, "a service's own topic")
    redrive = Topic(fresh_topic + ".redrive", 3, "re-drive requests")
    broker = make_broker(topics, name="dispatch", group_id="test-dispatch")
    sub = subscriber(broker, topic, redrive, group_id="test-dispatch")
    subscribe_redrive(sub, Republisher(kit_db, outbox, Inbox(inbox), "test-dispatch"))
    ignore_others(sub)
    other = Envelope.wrap(stage_done(fresh_topic, batch), org_id=ORG, source="/tests")
    async with TestKafkaBroker(broker) as test_broker:  # in memory, on the real database
        await test_broker.publish(other.to_bytes(), topic.name)
        await test_broker.publish(_request(batch).to_bytes(), redrive.name)
    assert await _unsent(kit_db) == 1


async def _until_all_sent(db: Database, within: float = 10) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        if not await _unsent(db):
            return
        if loop.time() > deadline:
            raise AssertionError("the relay never published the waiting rows")
        await asyncio.sleep(0.05)


async def test_a_running_relay_wakes_on_a_requeue(
    kit_db: Database, fresh_topic: str, topics: str
) -> None:
    batch = uuid4()
    await _add(kit_db, stage_done(fresh_topic, batch))
    producer = make_producer(topics, "requeue-relay")
    await producer.start()
    stop = asyncio.Event()
    # A long poll interval: only the NOTIFY sent by requeue can make it publish in time.
    task = asyncio.create_task(Relay(kit_db, outbox, producer, poll_interval=60).run(stop))
    try:
        # Its first drain comes after its LISTEN, so from here on no NOTIFY is missed.
        await _until_all_sent(kit_db)
        async with kit_db.system() as session:
            await requeue(session, outbox, batch)
        await _until_all_sent(kit_db)
        records = await read_all(topics, fresh_topic, 2, within=10)
        assert len(records) == 2
    finally:
        stop.set()
        async with kit_db.system() as session:
            await session.execute(text("NOTIFY kittest_outbox"))
        await asyncio.wait_for(task, 10)
        await producer.stop()
