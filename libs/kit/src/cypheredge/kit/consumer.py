"""The consumer runner: explicit group, commit after the effect, bounded retries, then DLQ.

Offsets are committed only after a message's handler succeeded or the message was parked in
``<topic>.dlq``, so a crash re-delivers (at-least-once) and the inbox makes effects exactly-once.
A message that keeps failing is parked after ``max_attempts`` and never blocks its partition.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord
from pydantic import ValidationError

from cypheredge.contracts import Envelope
from cypheredge.contracts.headers import (
    DLQ_ATTEMPTS_HEADER,
    DLQ_CONSUMER_HEADER,
    DLQ_ERROR_HEADER,
    DLQ_OFFSET_HEADER,
    DLQ_PARTITION_HEADER,
    DLQ_TOPIC_HEADER,
)
from cypheredge.contracts.topics import DLQ_SUFFIX
from cypheredge.kit.metrics import MESSAGE_SECONDS, MESSAGES_CONSUMED
from cypheredge.kit.tracing import adopt

log = logging.getLogger(__name__)

Handler = Callable[[Envelope], Awaitable[None]]


class PermanentError(Exception):
    """The message can never succeed (invalid for this consumer): park it without retrying."""


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 4
    first_backoff: float = 0.2
    max_backoff: float = 5.0

    def delay(self, attempt: int) -> float:
        return float(min(self.first_backoff * 2 ** (attempt - 1), self.max_backoff))


class ConsumerRunner:
    """Consumes ``topics`` as group ``group_id`` and hands each envelope to ``handler``."""

    def __init__(
        self,
        *,
        group_id: str,
        bootstrap: str,
        topics: list[str],
        handler: Handler,
        producer: AIOKafkaProducer,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.group_id = group_id
        self._handler = handler
        self._producer = producer
        self._retry = retry or RetryPolicy()
        self._consumer = AIOKafkaConsumer(
            *topics,
            bootstrap_servers=bootstrap,
            group_id=group_id,
            client_id=group_id,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
        )
        self.assigned = asyncio.Event()

    async def run(self, stop: asyncio.Event) -> None:
        await self._consumer.start()
        try:
            while not stop.is_set():
                batches = await self._consumer.getmany(timeout_ms=500, max_records=100)
                if self._consumer.assignment():
                    self.assigned.set()
                for tp, records in batches.items():
                    for record in records:
                        await self._process(record)
                        await self._consumer.commit({tp: record.offset + 1})
        finally:
            await self._consumer.stop()

    async def _process(self, record: ConsumerRecord[bytes, bytes]) -> None:
        started = time.perf_counter()
        try:
            envelope = Envelope.from_bytes(record.value or b"")
        except ValidationError as exc:
            await self._park(record, f"undecodable envelope: {exc.errors()[0]['msg']}", 1)
            return
        adopt(envelope.traceparent)
        attempt = 1
        while True:
            try:
                await self._handler(envelope)
                self._count(record, "ok", started)
                return
            except (PermanentError, ValidationError) as exc:
                # A payload that does not validate never will: retrying only delays the rest.
                await self._park(record, f"{type(exc).__name__}: {exc}", attempt)
                return
            except Exception as exc:
                if attempt >= self._retry.max_attempts:
                    log.exception(
                        "%s: giving up on %s after %d attempts", self.group_id, envelope.id, attempt
                    )
                    await self._park(record, f"{type(exc).__name__}: {exc}", attempt)
                    return
                log.warning(
                    "%s: attempt %d on %s failed: %r", self.group_id, attempt, envelope.id, exc
                )
                await asyncio.sleep(self._retry.delay(attempt))
                attempt += 1

    async def _park(self, record: ConsumerRecord[bytes, bytes], error: str, attempts: int) -> None:
        headers = [
            *list(record.headers or []),
            (DLQ_ERROR_HEADER, error[:4000].encode()),
            (DLQ_ATTEMPTS_HEADER, str(attempts).encode()),
            (DLQ_TOPIC_HEADER, record.topic.encode()),
            (DLQ_PARTITION_HEADER, str(record.partition).encode()),
            (DLQ_OFFSET_HEADER, str(record.offset).encode()),
            (DLQ_CONSUMER_HEADER, self.group_id.encode()),
        ]
        await self._producer.send_and_wait(
            record.topic + DLQ_SUFFIX,
            value=record.value,
            key=record.key,
            headers=headers,
            partition=record.partition,
        )
        self._count(record, "dead_lettered", time.perf_counter())
        log.error(
            "%s: parked %s[%d]@%d in DLQ: %s",
            self.group_id,
            record.topic,
            record.partition,
            record.offset,
            error,
        )

    def _count(self, record: ConsumerRecord[bytes, bytes], outcome: str, started: float) -> None:
        MESSAGES_CONSUMED.labels(self.group_id, record.topic, outcome).inc()
        MESSAGE_SECONDS.labels(self.group_id, record.topic).observe(time.perf_counter() - started)


__all__ = ["ConsumerRunner", "Handler", "PermanentError", "RetryPolicy"]
