"""Dead letters, read while the soak runs: the embedded broker keeps them in memory only.

A broker kill would take every dead letter parked before it, so the soak reads the ``*.dlq``
topics now and then, right before it kills the broker, and at the end, keeping what it saw.
A record is known by the broker process that held it and its place there, so reading the same
topic twice counts it once, and the same event parked again after a restart counts again.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from soak_audit import dlq_batch

from cypheredge.contracts.headers import DLQ_CONSUMER_HEADER, DLQ_ERROR_HEADER
from cypheredge.contracts.topics import DLQ_SUFFIX

READ_SECONDS = 15.0


@dataclass(frozen=True)
class DeadLetter:
    topic: str
    consumer: str
    error: str
    batch_id: str | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class DeadLetters:
    """Everything seen on ``*.dlq`` so far, across broker restarts."""

    def __init__(self, bootstrap: str, broker_pid: Callable[[], int | None]) -> None:
        self._bootstrap = bootstrap
        self._broker_pid = broker_pid  # which broker process holds the records now
        self.seen: dict[tuple[int | None, str, int, int], DeadLetter] = {}
        self.failures = 0

    async def read(self) -> None:
        """Read every ``*.dlq`` partition from its start; a broker that is down is skipped."""
        generation = self._broker_pid()
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self._bootstrap,
            enable_auto_commit=False,
            request_timeout_ms=10_000,
            metadata_max_age_ms=1_000,
        )
        try:
            await asyncio.wait_for(self._read(consumer, generation), READ_SECONDS)
        except Exception:  # a broker down or restarting: the next read tries again
            self.failures += 1
        finally:
            with contextlib.suppress(Exception):
                await consumer.stop()

    async def _read(self, consumer: AIOKafkaConsumer, generation: int | None) -> None:
        await consumer.start()
        topics = [t for t in await consumer.topics() if t.endswith(DLQ_SUFFIX)]
        partitions = [
            TopicPartition(t, p) for t in topics for p in consumer.partitions_for_topic(t) or ()
        ]
        if not partitions:
            return
        consumer.assign(partitions)
        ends = await consumer.end_offsets(partitions)
        await consumer.seek_to_beginning(*partitions)
        pending = {tp for tp in partitions if ends[tp] > 0}
        while pending:
            for tp, records in (await consumer.getmany(timeout_ms=1000)).items():
                for record in records:
                    self._keep(generation, tp, record.offset, record.value, record.headers)
                if await consumer.position(tp) >= ends[tp]:
                    pending.discard(tp)

    def _keep(
        self,
        generation: int | None,
        tp: TopicPartition,
        offset: int,
        value: bytes | None,
        headers: Any,
    ) -> None:
        found = {name: raw.decode(errors="replace") for name, raw in headers or ()}
        self.seen[(generation, tp.topic, tp.partition, offset)] = DeadLetter(
            tp.topic,
            found.get(DLQ_CONSUMER_HEADER, ""),
            found.get(DLQ_ERROR_HEADER, "")[:300],
            dlq_batch(value),
        )

    async def run(self, stop: asyncio.Event, every: float = 15.0) -> None:
        while not stop.is_set():
            await self.read()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), every)

    @property
    def letters(self) -> list[DeadLetter]:
        return list(self.seen.values())
