"""Runs a worker service: producer, outbox relay, consumers and the health endpoint.

Every consumer service's ``__main__`` builds its handlers in its composition root and hands
them to ``WorkerHost``; SIGTERM/SIGINT stop it cleanly (consumers leave their groups).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Table

from cypheredge.contracts.catalogue import Service
from cypheredge.kit.consumer import ConsumerRunner, Handler, RetryPolicy
from cypheredge.kit.db import Database
from cypheredge.kit.health import HealthServer
from cypheredge.kit.kafka import make_producer, wait_for_broker
from cypheredge.kit.logging import configure_logging
from cypheredge.kit.readiness import dependencies
from cypheredge.kit.relay import Relay
from cypheredge.kit.settings import InfraSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Subscription:
    group_id: str
    topics: list[str]
    handler: Handler
    retry: RetryPolicy = field(default_factory=RetryPolicy)


def consumed(service: Service) -> list[str]:
    """The topic names a service consumes, from the one catalogue of the event flow."""
    return [topic.name for topic in service.consumes]


class WorkerHost:
    """Owns the long-running tasks of one worker process."""

    def __init__(
        self,
        *,
        name: str,
        bootstrap: str,
        db: Database,
        outbox: Table | None,
        subscriptions: list[Subscription],
        health_host: str = "127.0.0.1",
        health_port: int = 9000,
        on_close: list[Callable[[], None]] | None = None,
    ) -> None:
        self.name = name
        self._bootstrap = bootstrap
        self._db = db
        self._outbox = outbox
        self._subscriptions = subscriptions
        topics = sorted({topic for sub in subscriptions for topic in sub.topics})
        self._dependencies = dependencies(db, bootstrap, topics)
        self._health = HealthServer(health_host, health_port, self.not_ready)
        self._runners: list[ConsumerRunner] = []
        self._on_close = on_close or []
        self.stop = asyncio.Event()

    def ready(self) -> bool:
        """Whether every consumer has joined its group (what start-up waits for)."""
        return bool(self._runners) and all(r.assigned.is_set() for r in self._runners)

    async def not_ready(self) -> list[str]:
        """What keeps this process from doing its work now: /readyz answers 503 with it."""
        failing = [] if self.ready() else ["consumers"]
        return failing + await self._dependencies.failing()

    async def run(self) -> None:
        await self._health.start()
        await wait_for_broker(self._bootstrap, within=120)
        producer = make_producer(self._bootstrap, self.name)
        await producer.start()
        tasks: list[asyncio.Task[None]] = []
        try:
            if self._outbox is not None:
                relay = Relay(self._db, self._outbox, producer)
                tasks.append(asyncio.create_task(relay.run(self.stop), name="relay"))
            for sub in self._subscriptions:
                runner = ConsumerRunner(
                    group_id=sub.group_id,
                    bootstrap=self._bootstrap,
                    topics=sub.topics,
                    handler=sub.handler,
                    producer=producer,
                    retry=sub.retry,
                )
                self._runners.append(runner)
                tasks.append(asyncio.create_task(runner.run(self.stop), name=sub.group_id))
            log.info("%s running: %d consumer(s)", self.name, len(self._runners))
            await _first_failure_or_stop(tasks, self.stop)
        finally:
            self.stop.set()
            await asyncio.gather(*tasks, return_exceptions=True)
            await producer.stop()
            await self._health.stop()
            await self._db.dispose()
            for close in self._on_close:
                close()

    def install_signal_handlers(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self.stop.set)


async def _first_failure_or_stop(tasks: list[asyncio.Task[None]], stop: asyncio.Event) -> None:
    """Return when asked to stop; re-raise if a task dies (the orchestrator restarts us)."""
    stopper = asyncio.create_task(stop.wait())
    try:
        done, _ = await asyncio.wait([*tasks, stopper], return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            if task is not stopper and task.exception() is not None:
                raise task.exception()  # type: ignore[misc]
    finally:
        stopper.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await stopper


def run_worker(service: str, build: Callable[[InfraSettings], WorkerHost]) -> None:
    """The whole ``__main__`` of a worker service: logging, composition, signals, run."""

    async def _main() -> None:
        infra = InfraSettings()
        configure_logging(service, infra.log_level, infra.log_json)
        host = build(infra)
        host.install_signal_handlers()
        await host.run()

    asyncio.run(_main())
