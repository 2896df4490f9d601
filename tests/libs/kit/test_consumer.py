"""The consumer runner and the inbox: retries, dead letters, exactly-once effects."""

from __future__ import annotations

import asyncio
from uuid import uuid4

import pytest
from aiokafka import AIOKafkaProducer
from sqlalchemy import func, insert, select

from cetest.kafka import Pinged, read_all
from cetest.kittables import effects, inbox
from cypheredge.contracts import Envelope
from cypheredge.kit.consumer import ConsumerRunner, PermanentError, RetryPolicy
from cypheredge.kit.db import Database
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.kafka import make_producer

pytestmark = pytest.mark.integration
ORG = uuid4()


def _envelope(topic: str, n: int) -> Envelope:
    return Envelope.wrap(Pinged.on(topic, n), org_id=ORG, source="/tests")


async def _effects(db: Database, note: str) -> int:
    async with db.system() as session:
        query = select(func.count()).select_from(effects).where(effects.c.note == note)
        return int((await session.execute(query)).scalar_one())


async def _run_until(runner: ConsumerRunner, done: asyncio.Event, within: float = 40) -> None:
    stop = asyncio.Event()
    task = asyncio.create_task(runner.run(stop))
    try:
        await asyncio.wait_for(done.wait(), within)
    finally:
        stop.set()
        await asyncio.wait_for(task, 15)


async def _send(producer: AIOKafkaProducer, topic: str, value: bytes, key: bytes) -> None:
    await producer.send_and_wait(topic, value=value, key=key, partition=0)


async def test_redelivered_event_has_no_second_effect(kit_db: Database) -> None:
    box = Inbox(inbox)
    envelope = _envelope("any", 1)
    note = f"effect-{envelope.id}"

    async def apply() -> None:
        async with kit_db.system() as session:
            if await box.first_delivery(session, "test-consumer", envelope):
                await session.execute(insert(effects).values(note=note))

    await apply()
    await apply()
    assert await _effects(kit_db, note) == 1


async def test_effect_that_rolls_back_is_applied_on_redelivery(kit_db: Database) -> None:
    box = Inbox(inbox)
    envelope = _envelope("any", 2)
    note = f"effect-{envelope.id}"

    async def apply(fail: bool) -> None:
        async with kit_db.system() as session:
            if await box.first_delivery(session, "test-consumer", envelope):
                await session.execute(insert(effects).values(note=note))
                if fail:
                    raise RuntimeError("crash after the effect, before commit")

    with pytest.raises(RuntimeError):
        await apply(fail=True)
    await apply(fail=False)
    assert await _effects(kit_db, note) == 1


async def test_poison_and_failing_messages_are_parked_and_the_partition_moves_on(
    kit_db: Database, fresh_topic: str, topics: str
) -> None:
    producer = make_producer(topics, "test-producer")
    await producer.start()
    handled: list[int] = []
    done = asyncio.Event()
    attempts: dict[int, int] = {}

    async def handler(envelope: Envelope) -> None:
        n = int(envelope.data["n"])
        attempts[n] = attempts.get(n, 0) + 1
        if n == 1:
            raise RuntimeError("always fails")
        if n == 2:
            raise PermanentError("not for this consumer")
        handled.append(n)
        if n == 3:
            done.set()

    try:
        await _send(producer, fresh_topic, b"\x00not an envelope", b"k")
        for n in (1, 2, 3):
            await _send(producer, fresh_topic, _envelope(fresh_topic, n).to_bytes(), b"k")
        runner = ConsumerRunner(
            group_id=f"test-{uuid4().hex[:8]}",
            bootstrap=topics,
            topics=[fresh_topic],
            handler=handler,
            producer=producer,
            retry=RetryPolicy(3, 0.05, 0.1),
        )
        await _run_until(runner, done)
    finally:
        await producer.stop()
    assert handled == [3]
    assert attempts == {1: 3, 2: 1, 3: 1}
    parked = await read_all(topics, fresh_topic + ".dlq", 3)
    headers = [dict(r.headers) for r in parked]
    assert [h["x-attempts"] for h in headers] == [b"1", b"3", b"1"]
    assert headers[0]["x-error"].startswith(b"undecodable envelope")
    assert headers[1]["x-error"] == b"RuntimeError: always fails"
    assert all(h["x-original-topic"] == fresh_topic.encode() for h in headers)
    assert parked[0].value == b"\x00not an envelope"


async def test_offsets_are_committed_after_the_effect_so_a_restart_resumes(
    fresh_topic: str, topics: str
) -> None:
    producer = make_producer(topics, "resume-producer")
    await producer.start()
    group = f"test-resume-{uuid4().hex[:8]}"
    seen: list[int] = []
    first_done, second_done = asyncio.Event(), asyncio.Event()

    async def handler(envelope: Envelope) -> None:
        seen.append(int(envelope.data["n"]))
        if len(seen) == 2:
            first_done.set()
        if len(seen) == 3:
            second_done.set()

    def runner() -> ConsumerRunner:
        return ConsumerRunner(
            group_id=group,
            bootstrap=topics,
            topics=[fresh_topic],
            handler=handler,
            producer=producer,
        )

    try:
        for n in (1, 2):
            await _send(producer, fresh_topic, _envelope(fresh_topic, n).to_bytes(), b"k")
        await _run_until(runner(), first_done)
        await _send(producer, fresh_topic, _envelope(fresh_topic, 3).to_bytes(), b"k")
        await _run_until(runner(), second_done, within=60)
    finally:
        await producer.stop()
    assert seen == [1, 2, 3]
