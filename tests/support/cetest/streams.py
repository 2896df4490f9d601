"""Handler tests that run twice: on FastStream's in-memory broker and on the real broker.

A test builds a service's router with fakes for its use cases and calls ``started``. In
memory (``TestKafkaBroker``) a publish runs the handler before it returns; on the real broker
the router's topics get a fresh prefix (provisioned like production's, with their DLQs) and a
fresh group, so the test never meets the e2e pipeline's consumers, and ``delivered`` waits.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from faststream.kafka import KafkaBroker, KafkaRouter, TestKafkaBroker

from cypheredge.contracts import Envelope, Event, topic_partitions
from cypheredge.contracts.catalogue import Service
from cypheredge.kit.kafka import provision_topics, wait_for_broker
from cypheredge.kit.stream import RetryPolicy, broker_of, service_app

MEMORY = "memory"


@dataclass
class Recorder:
    """A fake use case: remembers every (envelope, event) it was handed."""

    calls: list[tuple[Envelope, Event]] = field(default_factory=list)
    fail: Callable[[Event], Exception | None] = lambda _event: None

    async def handle(self, envelope: Envelope, event: Any) -> None:
        self.calls.append((envelope, event))
        error = self.fail(event)
        if error is not None:
            raise error

    def ids(self) -> list[str]:
        return [str(envelope.id) for envelope, _ in self.calls]


@dataclass
class Running:
    broker: KafkaBroker
    prefix: str

    async def deliver(self, envelope: Envelope, topic: str) -> None:
        await self.broker.publish(envelope.to_bytes(), self.prefix + topic, key=envelope.key)

    async def deliver_raw(self, value: bytes, topic: str) -> None:
        await self.broker.publish(value, self.prefix + topic, key=b"raw")


@asynccontextmanager
async def started(
    service: Service,
    router: Callable[[str], KafkaRouter],
    bootstrap: str,
    prefix: str | None = None,
) -> AsyncIterator[Running]:
    """``router(group_id)`` in ``service``'s app, in memory or on the broker at ``bootstrap``
    (under ``prefix``, a fresh one by default: pass one again to restart the same group)."""
    retry = RetryPolicy(max_attempts=3, first_backoff=0.01, max_backoff=0.02)
    if bootstrap == MEMORY:
        app = service_app(service, "localhost:9", [router(service.group_id)], retry=retry)
        async with TestKafkaBroker(broker_of(app)) as broker:
            yield Running(broker, "")
        return
    prefix = prefix or fresh_prefix()
    group = f"{prefix}{service.group_id}"
    await wait_for_broker(bootstrap, within=30)
    await provision_topics(bootstrap, {prefix + n: p for n, p in topic_partitions().items()})
    app = service_app(service, bootstrap, retry=retry, publishes=False)
    broker = broker_of(app)
    broker.include_router(router(group), prefix=prefix)
    await broker.start()
    try:
        await _joined(broker)
        yield Running(broker, prefix)
    finally:
        await broker.stop()


def fresh_prefix() -> str:
    return f"t{secrets.token_hex(3)}."


async def _joined(broker: KafkaBroker, within: float = 60) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not all(_assigned(s) for s in broker.subscribers):
        if loop.time() > deadline:
            raise TimeoutError("the test consumer never joined its group")
        await asyncio.sleep(0.1)


def _assigned(subscriber: Any) -> bool:
    consumers = getattr(subscriber, "consumer_subgroup", None) or [subscriber.consumer]
    return all(c is not None and bool(c.assignment()) for c in consumers)


async def eventually(check: Callable[[], bool], within: float = 30) -> None:
    """Wait until ``check()`` (at once in memory, where handlers ran during the publish)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not check():
        if loop.time() > deadline:
            raise AssertionError("the handler never got the event")
        await asyncio.sleep(0.05)
