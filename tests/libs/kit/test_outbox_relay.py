"""The transactional outbox and its relay, against real PostgreSQL and the real broker."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections import Counter
from collections.abc import Awaitable
from datetime import timedelta
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from sqlalchemy import func, select, text

from cetest.kafka import Pinged, read_all
from cetest.kittables import outbox
from cypheredge.cli.stack.embedded import EmbeddedBroker
from cypheredge.kit.db import Database
from cypheredge.kit.kafka import make_producer, provision_topics
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.relay import OutboxRow, Relay, Send, producer_send
from cypheredge.kit.settings import InfraSettings

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("clean_outbox")]
ORG = uuid4()


async def _add(db: Database, topic: str, count: int, subject: object = None) -> None:
    box = Outbox(outbox, "/tests")
    async with db.system() as session:
        for n in range(count):
            await box.add(session, Pinged.on(topic, n, subject), org_id=ORG)  # type: ignore[arg-type]


async def _unsent(db: Database) -> int:
    async with db.system() as session:
        query = select(func.count()).select_from(outbox).where(outbox.c.sent_at.is_(None))
        return int((await session.execute(query)).scalar_one())


async def test_rolled_back_business_transaction_leaves_no_event(
    kit_db: Database, fresh_topic: str
) -> None:
    box = Outbox(outbox, "/tests")
    with pytest.raises(RuntimeError):
        async with kit_db.system() as session:
            await box.add(session, Pinged.on(fresh_topic, 1), org_id=ORG)
            raise RuntimeError("business rule failed after the event was staged")
    assert await _unsent(kit_db) == 0


async def test_relay_publishes_committed_rows_in_order_with_envelope_headers(
    kit_db: Database, fresh_topic: str, topics: str
) -> None:
    subject = uuid4()
    await _add(kit_db, fresh_topic, 5, subject)
    producer = make_producer(topics, "test-relay")
    await producer.start()
    try:
        assert await Relay(kit_db, outbox, producer).drain() == 5
    finally:
        await producer.stop()
    records = await read_all(topics, fresh_topic, 5)
    assert [json.loads(r.value or b"")["data"]["n"] for r in records] == [0, 1, 2, 3, 4]
    assert {r.key for r in records} == {str(subject).encode()}
    headers = dict(records[0].headers)
    assert headers["ce_type"] == b"com.cypheredge.test.pinged.v1"
    assert headers["content-type"].startswith(b"application/cloudevents+json")
    assert await _unsent(kit_db) == 0


async def test_two_relays_at_once_publish_each_row_exactly_once(
    kit_db: Database, fresh_topic: str, topics: str
) -> None:
    await _add(kit_db, fresh_topic, 300)
    producers = [make_producer(topics, f"relay-{i}") for i in range(2)]
    for producer in producers:
        await producer.start()
    try:
        relays = [Relay(kit_db, outbox, p, batch_size=7) for p in producers]
        published = await asyncio.gather(*(relay.drain() for relay in relays))
    finally:
        for producer in producers:
            await producer.stop()
    assert sum(published) == 300
    assert min(published) > 0, "both relays should have taken a share"
    records = await read_all(topics, fresh_topic, 300)
    ids = Counter(json.loads(r.value or b"")["id"] for r in records)
    assert len(ids) == 300
    assert set(ids.values()) == {1}


CLAIM_AND_HANG = """
import asyncio, sys
from datetime import timedelta
from cetest.kittables import outbox
from cypheredge.kit.db import Database
from cypheredge.kit.relay import OutboxRow, Relay, Send, producer_send

async def main():
    relay = Relay(Database(sys.argv[1]), outbox, producer=None, lease=timedelta(seconds=2))
    token, rows = await relay.claim()
    print(len(rows), flush=True)
    await asyncio.sleep(3600)

asyncio.run(main())
"""


async def test_a_relay_limited_to_topics_leaves_other_rows_to_relays_that_send_them(
    kit_db: Database,
) -> None:
    # Two deployments of one service share an outbox; each relay sends only its topics.
    await _add(kit_db, "kittest.mine", 3)
    await _add(kit_db, "kittest.theirs", 2)
    sent: list[str] = []

    async def send(row: OutboxRow) -> Awaitable[Any]:
        sent.append(row.topic)
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        done.set_result(None)
        return done

    assert await Relay(kit_db, outbox, send, topics={"kittest.mine"}).drain() == 3
    assert sent == ["kittest.mine"] * 3
    assert await _unsent(kit_db) == 2, "the other topic's rows wait, unclaimed"
    assert await Relay(kit_db, outbox, send).drain() == 2
    assert sent[3:] == ["kittest.theirs"] * 2


async def test_relay_killed_between_claim_and_publish_loses_nothing(
    kit_db: Database, fresh_topic: str, topics: str, infra: InfraSettings
) -> None:
    await _add(kit_db, fresh_topic, 4)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        CLAIM_AND_HANG,
        infra.database_url,
        stdout=asyncio.subprocess.PIPE,
        env=env,
    )
    assert child.stdout is not None
    assert (await child.stdout.readline()).strip() == b"4"
    child.kill()
    await child.wait()
    producer = make_producer(topics, "survivor")
    await producer.start()
    try:
        survivor = Relay(kit_db, outbox, producer, lease=timedelta(seconds=2))
        assert await survivor.drain() == 0, "the dead relay's lease has not expired yet"
        await asyncio.sleep(2.5)
        assert await survivor.drain() == 4
    finally:
        await producer.stop()
    records = await read_all(topics, fresh_topic, 4)
    assert sorted(json.loads(r.value or b"")["data"]["n"] for r in records) == [0, 1, 2, 3]


async def test_relay_run_wakes_on_notify_and_keeps_publishing(
    kit_db: Database, fresh_topic: str, topics: str
) -> None:
    producer = make_producer(topics, "notify-relay")
    await producer.start()
    stop = asyncio.Event()
    # A long poll interval: only NOTIFY can make the relay publish within the test.
    task = asyncio.create_task(Relay(kit_db, outbox, producer, poll_interval=60).run(stop))
    try:
        await asyncio.sleep(0.5)
        await _add(kit_db, fresh_topic, 3)
        records = await read_all(topics, fresh_topic, 3, within=10)
        assert len(records) == 3
    finally:
        stop.set()
        async with kit_db.system() as session:
            await session.execute(text("NOTIFY kittest_outbox"))
        await asyncio.wait_for(task, 10)
        await producer.stop()


class _Gate:
    """The relay's sends, held while the test restarts the broker. Its memory storage starts
    empty, so a send that reached it before the topic was provisioned again would be lost with
    the re-provisioning: the test decides that no send is in flight while it provisions,
    instead of hoping the relay's backoff outlasts it."""

    def __init__(self, send: Send) -> None:
        self._send = send
        self.open = asyncio.Event()
        self.open.set()
        self._active = 0
        self._idle = asyncio.Event()
        self._idle.set()

    async def __call__(self, row: OutboxRow) -> Awaitable[Any]:
        await self.open.wait()
        self._active += 1
        self._idle.clear()
        try:
            future = asyncio.ensure_future(await self._send(row))
        except BaseException:
            self._leave()
            raise
        future.add_done_callback(lambda _: self._leave())
        return future

    def _leave(self) -> None:
        self._active -= 1
        if self._active == 0:
            self._idle.set()

    async def close(self) -> None:
        """Let no new send through, and return once every send let through has ended."""
        self.open.clear()
        await self._idle.wait()


async def test_relay_keeps_rows_while_the_broker_is_down_and_publishes_after(
    kit_db: Database, tmp_path: Path
) -> None:
    broker = EmbeddedBroker(log_path=tmp_path / "broker.log")
    bootstrap = broker.start()
    topic = f"kittest.down.{uuid4().hex[:6]}"
    await provision_topics(bootstrap, {topic: 1})
    producer = make_producer(bootstrap, "outage-relay", request_timeout_ms=1500)
    await producer.start()
    stop = asyncio.Event()
    gate = _Gate(producer_send(producer))
    relay = Relay(kit_db, outbox, gate, poll_interval=0.2, max_backoff=0.5)
    try:
        broker.stop()
        await _add(kit_db, topic, 3)
        task = asyncio.create_task(relay.run(stop))
        await asyncio.sleep(4)
        assert await _unsent(kit_db) == 3
        async with kit_db.system() as session:
            failed = (await session.execute(select(outbox.c.last_error))).scalars().all()
        assert all(failed), "each failed attempt is recorded on the row"
        await gate.close()  # the failed attempts in flight end before the broker is back
        broker.start()  # same port; memory storage starts empty, so provision again
        await provision_topics(bootstrap, {topic: 1})
        gate.open.set()
        for _ in range(150):
            if await _unsent(kit_db) == 0:
                break
            await asyncio.sleep(0.2)
        assert await _unsent(kit_db) == 0
        records = await read_all(bootstrap, topic, 3)
        assert sorted(json.loads(r.value or b"")["data"]["n"] for r in records) == [0, 1, 2]
    finally:
        gate.open.set()  # a relay held at the gate must see the stop
        stop.set()
        async with kit_db.system() as session:
            await session.execute(text("NOTIFY kittest_outbox"))
        await asyncio.wait_for(task, 20)
        await producer.stop()
        broker.stop()
