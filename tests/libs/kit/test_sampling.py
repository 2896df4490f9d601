"""Backlog, lag and DLQ gauges, sampled from a real PostgreSQL outbox and the real broker."""

from __future__ import annotations

import asyncio
from uuid import uuid4

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition
from prometheus_client import REGISTRY
from sqlalchemy import Column, MetaData, Table, text
from sqlalchemy.dialects.postgresql import UUID

from cetest.kafka import Pinged
from cetest.kittables import outbox
from cypheredge.kit.db import Database
from cypheredge.kit.kafka import make_producer
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.relay import Relay
from cypheredge.kit.sampling import Backlog, OffsetSampler, OutboxSampler, run_samplers

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("clean_outbox")]


def gauge(name: str, **labels: str) -> float | None:
    return REGISTRY.get_sample_value(name, labels)


def errors() -> float:
    return gauge("cypheredge_metrics_sample_errors_total", sample="outbox") or 0.0


async def test_relay_sampling_sets_backlog_and_age_then_zero_once_published(
    kit_db: Database, fresh_topic: str, topics: str
) -> None:
    box = Outbox(outbox, "/tests")
    async with kit_db.system() as session:
        for n in range(3):
            await box.add(session, Pinged.on(fresh_topic, n), org_id=uuid4())
        # The oldest row was written a minute ago (its age must come from created_at).
        await session.execute(
            text(
                "UPDATE kittest.outbox SET created_at = now() - interval '60 seconds' WHERE seq = "
                "(SELECT min(seq) FROM kittest.outbox)"
            )
        )
    sampler = OutboxSampler(kit_db, outbox)
    backlog = await sampler.sample()
    assert backlog.rows == 3
    assert gauge("cypheredge_outbox_backlog", schema="kittest") == 3
    age = gauge("cypheredge_outbox_oldest_age_seconds", schema="kittest")
    assert age is not None
    assert 60 <= age < 600

    producer = make_producer(topics, "test-sampling")
    await producer.start()
    try:
        assert await Relay(kit_db, outbox, producer).drain() == 3
    finally:
        await producer.stop()
    await sampler.sample()
    assert gauge("cypheredge_outbox_backlog", schema="kittest") == 0
    assert gauge("cypheredge_outbox_oldest_age_seconds", schema="kittest") == 0


async def _produce(bootstrap: str, topic: str, per_partition: dict[int, int]) -> None:
    producer = make_producer(bootstrap, "test-sampling")
    await producer.start()
    try:
        for partition, count in per_partition.items():
            for n in range(count):
                await producer.send_and_wait(topic, f"{n}".encode(), partition=partition)
    finally:
        await producer.stop()


async def _commit(bootstrap: str, group: str, offsets: dict[TopicPartition, int]) -> None:
    """Commit ``offsets`` for ``group`` as a manually assigned member (no group join)."""
    member = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    await member.start()
    try:
        member.assign(list(offsets))
        await member.commit(offsets)
    finally:
        await member.stop()


async def test_consumer_sampling_sets_lag_per_partition_from_committed_offsets(
    fresh_topic: str, topics: str
) -> None:
    group = f"kittest-{uuid4().hex[:8]}"
    await _produce(topics, fresh_topic, {0: 4, 1: 2})
    sampler = OffsetSampler(topics, {group: [fresh_topic]})
    try:
        # Nothing committed yet: everything since the beginning is lag.
        await sampler.sample()
        lag = {
            p: gauge("cypheredge_consumer_lag", group=group, topic=fresh_topic, partition=str(p))
            for p in range(3)
        }
        assert lag == {0: 4, 1: 2, 2: 0}

        await _commit(
            topics, group, {TopicPartition(fresh_topic, 0): 3, TopicPartition(fresh_topic, 1): 2}
        )
        await sampler.sample()
        lag = {
            p: gauge("cypheredge_consumer_lag", group=group, topic=fresh_topic, partition=str(p))
            for p in range(3)
        }
        assert lag == {0: 1, 1: 0, 2: 0}
    finally:
        await sampler.stop()


async def test_consumer_sampling_counts_the_records_on_its_topics_dlq(
    fresh_topic: str, topics: str
) -> None:
    dlq = fresh_topic + ".dlq"
    sampler = OffsetSampler(topics, {f"kittest-{uuid4().hex[:8]}": [fresh_topic]})
    try:
        await sampler.sample()
        assert gauge("cypheredge_dlq_depth", topic=dlq) == 0
        await _produce(topics, dlq, {0: 1, 2: 2})
        await sampler.sample()
        assert gauge("cypheredge_dlq_depth", topic=dlq) == 3
    finally:
        await sampler.stop()


async def test_a_failing_sampling_is_counted_and_does_not_end_the_loop(kit_db: Database) -> None:
    """A sampler pointed at a table that does not exist fails every time; the loop goes on
    until it is stopped, and each failure is counted."""
    missing = Table("missing", MetaData(schema="kittest"), Column("id", UUID))
    before = errors()
    stop = asyncio.Event()

    class StopAfterTwo(OutboxSampler):
        calls = 0

        async def sample(self) -> Backlog:
            StopAfterTwo.calls += 1
            if StopAfterTwo.calls == 2:
                stop.set()
            return await super().sample()

    await run_samplers(stop, StopAfterTwo(kit_db, missing), None, interval=0)
    assert StopAfterTwo.calls == 2
    assert errors() == before + 2
