"""Kafka helpers for tests: a tiny event type bound to any topic, and reading a topic back."""

from __future__ import annotations

import asyncio
from typing import ClassVar
from uuid import UUID, uuid4

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition

from cypheredge.contracts import Event


class Pinged(Event):
    """A minimal event for infrastructure tests; ``on(topic)`` binds it to a topic."""

    name = "test.pinged"
    version = 1
    topic: ClassVar[str] = "unset"

    subject_id: UUID
    n: int

    def aggregate_id(self) -> UUID:
        return self.subject_id

    @classmethod
    def on(cls, topic: str, n: int, subject: UUID | None = None) -> Pinged:
        bound: type[Pinged] = type("Pinged", (cls,), {"topic": topic})
        return bound(subject_id=subject or uuid4(), n=n)


async def read_all(
    bootstrap: str, topic: str, expected: int, within: float = 20.0
) -> list[ConsumerRecord[bytes, bytes]]:
    """Every record on ``topic`` from the beginning, once ``expected`` have arrived."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, enable_auto_commit=False, group_id=None
    )
    await consumer.start()
    try:
        partitions = consumer.partitions_for_topic(topic)
        while not partitions:
            await asyncio.sleep(0.1)
            await consumer.topics()
            partitions = consumer.partitions_for_topic(topic)
        tps = [TopicPartition(topic, p) for p in sorted(partitions)]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        records: list[ConsumerRecord[bytes, bytes]] = []
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while len(records) < expected and loop.time() < deadline:
            for items in (await consumer.getmany(timeout_ms=300)).values():
                records.extend(items)
        # One more short read: duplicates would arrive after the expected count.
        for items in (await consumer.getmany(timeout_ms=500)).values():
            records.extend(items)
        return records
    finally:
        await consumer.stop()
