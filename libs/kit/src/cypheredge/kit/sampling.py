"""Sampling what a person on call watches: outbox backlog, consumer lag and DLQ depth.

None of these is an event a process sees happen; each is a state read now and then and set on
a gauge (``cypheredge.kit.metrics``). The relay samples its service's outbox (the rows it has
not published yet, and how old the oldest is); a consumer process samples, for each group it
runs, the end offsets of the partitions it reads against the group's committed offsets (the
lag), and the records on the dead-letter topics of those topics.

Committed offsets are read by a client of the group that never subscribes (so it never joins
or rebalances the group); the admin client's OffsetFetch is one the embedded broker does not
answer. A sampling that fails is counted and logged, and the gauges keep their last value.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Mapping, Sequence
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, TopicPartition
from sqlalchemy import Table, text

from cypheredge.contracts.topics import DLQ_SUFFIX
from cypheredge.kit.db import Database
from cypheredge.kit.kafka_security import PLAINTEXT, KafkaSecurity, client_kwargs
from cypheredge.kit.metrics import (
    CONSUMER_LAG,
    DLQ_DEPTH,
    OUTBOX_BACKLOG,
    OUTBOX_OLDEST_AGE,
    SAMPLE_ERRORS,
)

log = logging.getLogger(__name__)

# How often a worker samples: alerts fire after minutes, so this costs nothing they need.
SAMPLE_INTERVAL = 15.0


@dataclass(frozen=True)
class Backlog:
    rows: int
    oldest_seconds: float


class OutboxSampler:
    """Sets the backlog gauges of the service owning ``table``, labelled by its schema (the
    service's name; not ``service``, which Prometheus Operator sets on every target)."""

    def __init__(self, db: Database, table: Table) -> None:
        self._db = db
        self._qualified = f"{table.schema}.{table.name}"
        self.schema = str(table.schema)

    async def sample(self) -> Backlog:
        sql = text(
            f"""
            SELECT count(*) AS rows,
                   COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0) AS oldest
              FROM {self._qualified} WHERE sent_at IS NULL
            """  # noqa: S608 - identifiers come from the service's own table object
        )
        async with self._db.system() as session:
            row = (await session.execute(sql)).one()
        backlog = Backlog(int(row.rows), max(float(row.oldest), 0.0))
        OUTBOX_BACKLOG.labels(schema=self.schema).set(backlog.rows)
        OUTBOX_OLDEST_AGE.labels(schema=self.schema).set(backlog.oldest_seconds)
        return backlog


class OffsetSampler:
    """Sets the lag gauges of each group in ``groups`` (group -> the topics it reads) and
    the depth gauges of those topics' DLQs. Its clients start on the first :meth:`sample`
    (again after one that failed to start them)."""

    def __init__(
        self,
        bootstrap: str,
        groups: Mapping[str, Sequence[str]],
        *,
        security: KafkaSecurity = PLAINTEXT,
    ) -> None:
        self._bootstrap = bootstrap
        self._security = security
        self.groups = {group: sorted(set(topics)) for group, topics in groups.items()}
        self._reader: AIOKafkaConsumer | None = None
        self._members: dict[str, AIOKafkaConsumer] = {}

    async def _start(self) -> AIOKafkaConsumer:
        try:
            reader = AIOKafkaConsumer(
                bootstrap_servers=self._bootstrap,
                group_id=None,
                client_id="cypheredge-sampler",
                **client_kwargs(self._security),
            )
            self._reader = reader
            await reader.start()
            for group in self.groups:
                member = AIOKafkaConsumer(
                    bootstrap_servers=self._bootstrap,
                    group_id=group,
                    enable_auto_commit=False,
                    client_id="cypheredge-sampler",
                    **client_kwargs(self._security),
                )
                self._members[group] = member
                await member.start()
        except BaseException:
            await self.stop()
            raise
        return reader

    async def stop(self) -> None:
        clients = [*self._members.values(), *([self._reader] if self._reader else [])]
        self._members, self._reader = {}, None
        await asyncio.gather(*(client.stop() for client in clients), return_exceptions=True)

    async def sample(self) -> dict[TopicPartition, int]:
        """Set the gauges; returns the lag of each (group's) partition, for callers that log."""
        reader = self._reader or await self._start()
        await reader.topics()  # fresh metadata: partitions_for_topic reads the cache
        lags: dict[TopicPartition, int] = {}
        for group, topics in self.groups.items():
            tps = _partitions(reader, topics)
            if not tps:
                continue
            ends = await reader.end_offsets(tps)
            starts = await reader.beginning_offsets(tps)
            member = self._members[group]
            for tp in tps:
                committed = await member.committed(tp)
                done = starts[tp] if committed is None else committed
                lag = max(ends[tp] - done, 0)
                lags[tp] = lag
                CONSUMER_LAG.labels(group=group, topic=tp.topic, partition=str(tp.partition)).set(
                    lag
                )
        await self._sample_dlqs(reader)
        return lags

    async def _sample_dlqs(self, reader: AIOKafkaConsumer) -> None:
        dlqs = sorted({t + DLQ_SUFFIX for topics in self.groups.values() for t in topics})
        tps = _partitions(reader, dlqs)
        if not tps:
            return
        ends = await reader.end_offsets(tps)
        starts = await reader.beginning_offsets(tps)
        for topic in dlqs:
            depth = sum(ends[tp] - starts[tp] for tp in tps if tp.topic == topic)
            if any(tp.topic == topic for tp in tps):
                DLQ_DEPTH.labels(topic=topic).set(depth)


def _partitions(reader: AIOKafkaConsumer, topics: Sequence[str]) -> list[TopicPartition]:
    return [
        TopicPartition(topic, partition)
        for topic in topics
        for partition in sorted(reader.partitions_for_topic(topic) or ())
    ]


async def run_samplers(
    stop: asyncio.Event,
    outbox: OutboxSampler | None,
    offsets: OffsetSampler | None,
    interval: float = SAMPLE_INTERVAL,
) -> None:
    """Sample every ``interval`` seconds until ``stop``; a failed sampling is no failure of
    the process (the gauges keep their last value, the error counter moves)."""
    try:
        while not stop.is_set():
            if outbox is not None:
                await _guarded("outbox", outbox.sample())
            if offsets is not None:
                await _guarded("offsets", offsets.sample())
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=interval)
    finally:
        if offsets is not None:
            await offsets.stop()


async def _guarded(name: str, sampling: Awaitable[object]) -> None:
    try:
        await sampling
    except asyncio.CancelledError:
        raise
    except Exception as exc:  # a metric must never take the process down
        SAMPLE_ERRORS.labels(sample=name).inc()
        log.warning("sampling %s failed: %r", name, exc)
