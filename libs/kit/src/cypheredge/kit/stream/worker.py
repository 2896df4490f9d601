"""The process around a service's FastStream app: health endpoint, outbox relay, signals.

Each consumer service's ``bootstrap.build`` returns a ``Worker`` holding its FastStream app;
``run_worker`` is the whole ``__main__``. SIGTERM/SIGINT stop it cleanly (consumers leave
their groups); a relay or extra task that dies ends the process, and the orchestrator (or
``cypheredge up``'s supervisor) starts it again.

A consumer that can no longer consume ends the process too. FastStream keeps a consumer in
place whatever happens to it (it logs a Kafka error and polls again five seconds later, for
ever), and aiokafka runs each consumer on background tasks (fetching, group coordination,
heartbeats): when one of those ends, the consumer keeps its assignment but never hands over
another record, because ``getone()`` waits for a fetch that never comes, or raises the same
coordination error on every call. Nothing inside the process brings it back; a restart does,
as it did when each consumer was a task of the worker's own (before FastStream), whose
failure ended the process. The watchdog looks every few seconds and raises
:class:`ConsumerFailed`, which ends :meth:`Worker.run`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable, Coroutine, Sequence
from typing import Any, TypeGuard

from faststream import FastStream
from faststream.kafka import KafkaBroker
from sqlalchemy import Table

from cypheredge.kit.db import Database
from cypheredge.kit.health import HealthServer
from cypheredge.kit.kafka import wait_for_broker
from cypheredge.kit.kafka_security import PLAINTEXT, KafkaSecurity
from cypheredge.kit.logging import configure_logging
from cypheredge.kit.readiness import dependencies
from cypheredge.kit.relay import Relay
from cypheredge.kit.sampling import SAMPLE_INTERVAL, OffsetSampler, OutboxSampler, run_samplers
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.stream.app import broker_of
from cypheredge.kit.stream.publishers import publisher_send, publisher_topics
from cypheredge.kit.telemetry import setup_telemetry

log = logging.getLogger(__name__)

Task = Callable[[asyncio.Event], Coroutine[Any, Any, None]]

# How often the watchdog looks at the consumers: a dead one is noticed within this, and a
# look is a few attribute reads.
WATCH_INTERVAL = 5.0


class ConsumerFailed(RuntimeError):
    """A consumer of the app can no longer consume; the process must be restarted."""


class Worker:
    """Owns the long-running parts of one worker process around its FastStream ``app``.

    ``tasks`` run beside the app until it stops (the gateway's sweeper); ``health_port=None``
    serves no health endpoint (a process that only publishes). ``on_start`` callbacks run when
    :meth:`run` begins, before the broker is waited for (they must not block: the extractor
    starts its sandbox workers in the background); ``on_close`` ones when it ends.
    ``security`` is the TLS and SASL of the worker's own clients (start-up wait, readiness,
    samplers): the same as its app's broker (``InfraSettings.kafka_security``).
    """

    def __init__(
        self,
        *,
        name: str,
        app: FastStream,
        bootstrap: str,
        security: KafkaSecurity = PLAINTEXT,
        db: Database,
        outbox: Table | None,
        health_host: str = "127.0.0.1",
        health_port: int | None = 9000,
        tasks: Sequence[Task] = (),
        on_start: Sequence[Callable[[], None]] = (),
        on_close: Sequence[Callable[[], None]] = (),
        watch_interval: float = WATCH_INTERVAL,
        sample_interval: float = SAMPLE_INTERVAL,
    ) -> None:
        self.name = name
        self.app = app
        self.broker: KafkaBroker = broker_of(app)
        self._bootstrap = bootstrap
        self.security = security
        self._db = db
        self._outbox = outbox
        self._tasks = list(tasks)
        self._on_start = list(on_start)
        self._on_close = list(on_close)
        topics = sorted({t for sub in self.broker.subscribers for t in _topics(sub)})
        self._dependencies = dependencies(db, bootstrap, topics, security=security)
        self._health = (
            HealthServer(health_host, health_port, self.not_ready)
            if health_port is not None
            else None
        )
        self._joined = False
        self._watch_interval = watch_interval
        self._sample_interval = sample_interval
        self.stop = asyncio.Event()

    def ready(self) -> bool:
        """Whether every consumer of the app has been assigned partitions (latched); an app
        with no subscribers (one that only publishes) is ready at once."""
        if not self.broker.subscribers:
            return True
        if not self._joined:
            consumers = [c for sub in self.broker.subscribers for c in _consumers(sub)]
            self._joined = bool(consumers) and all(
                c is not None and c.assignment() for c in consumers
            )
        return self._joined

    def failures(self) -> list[str]:
        """Why consumers of the app can no longer consume (empty while every one can).

        Only states nothing in the process recovers from count: a background task of the
        client that has ended, or a subscriber whose consume loops have all ended while it
        runs. A rebalance, a broker that is away or a slow handler are none of these.
        """
        found = []
        for sub in self.broker.subscribers:
            for consumer in _consumers(sub):
                if consumer is not None and (reason := consumer_failure(consumer)):
                    found.append(f"{_name(sub)}: {reason}")
            tasks = list(getattr(sub, "tasks", ()) or ())
            if getattr(sub, "running", False) and tasks and all(t.done() for t in tasks):
                found.append(f"{_name(sub)}: its consume loop ended")
        return found

    async def not_ready(self) -> list[str]:
        """What keeps this process from doing its work now: /readyz answers 503 with it."""
        # The join is latched (a rebalance is no reason to be taken out of service), a
        # consumer that cannot consume any more is not: it answers 503 until the restart.
        failing = [] if self.ready() and not self.failures() else ["consumers"]
        return failing + await self._dependencies.failing()

    async def watch(self, stop: asyncio.Event) -> None:
        """Raise :class:`ConsumerFailed` once a consumer can no longer consume; until ``stop``."""
        while not stop.is_set():
            if failures := self.failures():
                raise ConsumerFailed(f"{self.name}: {'; '.join(failures)}")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self._watch_interval)

    def samplers(self) -> tuple[OutboxSampler | None, OffsetSampler | None]:
        """What this process samples for its metrics: the outbox it relays (if any), and the
        lag and DLQ depth of its groups' topics (if it consumes)."""
        outbox = OutboxSampler(self._db, self._outbox) if self._outbox is not None else None
        groups: dict[str, list[str]] = {}
        for sub in self.broker.subscribers:
            if group := getattr(sub, "group_id", None):
                groups.setdefault(str(group), []).extend(_topics(sub))
        offsets = OffsetSampler(self._bootstrap, groups, security=self.security) if groups else None
        return outbox, offsets

    async def run(self) -> None:
        if self._health is not None:
            await self._health.start()
        for start in self._on_start:
            start()
        tasks: list[asyncio.Task[None]] = []
        started = False
        try:
            await wait_for_broker(self._bootstrap, within=120, security=self.security)
            await self.app.start()
            started = True
            if self._outbox is not None:
                # Only rows it can send: deployments of one service may share the outbox.
                send = publisher_send(self.broker)
                relay = Relay(self._db, self._outbox, send, topics=publisher_topics(self.broker))
                tasks.append(asyncio.create_task(relay.run(self.stop), name="relay"))
            tasks.extend(asyncio.create_task(task(self.stop)) for task in self._tasks)
            sampling = run_samplers(self.stop, *self.samplers(), self._sample_interval)
            tasks.append(asyncio.create_task(sampling, name="metrics-sampler"))
            if self.broker.subscribers:
                tasks.append(asyncio.create_task(self.watch(self.stop), name="consumer-watch"))
            log.info("%s running: %d subscriber(s)", self.name, len(self.broker.subscribers))
            await _first_failure_or_stop(tasks, self.stop)
        finally:
            self.stop.set()
            await asyncio.gather(*tasks, return_exceptions=True)
            if started:
                await self.app.stop()
            if self._health is not None:
                await self._health.stop()
            await self._db.dispose()
            for close in self._on_close:
                close()

    def install_signal_handlers(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self.stop.set)


def _topics(sub: Any) -> list[str]:
    return [str(t) for t in getattr(sub, "topic_names_for_subscribe", ()) or ()]


def consumer_failure(consumer: Any) -> str | None:
    """Why an aiokafka consumer can no longer consume on its own, or None while it can.

    Its fetch and coordination tasks live as long as the consumer does; one that has ended
    (with an error: aiokafka logs it once) leaves the consumer assigned and silent. A
    heartbeat task that raised is pushed to every later ``getone()`` as the same error. The
    attributes are aiokafka's own (0.14, as locked); a consumer not started has none of them.
    """
    if getattr(consumer, "_closed", False):
        return None  # stopped on purpose: the worker is stopping
    fetcher = getattr(consumer, "_fetcher", None)
    if _ended(getattr(fetcher, "_fetch_task", None)):
        return "its fetch task ended"
    coordinator = getattr(consumer, "_coordinator", None)
    if _ended(getattr(coordinator, "_coordination_task", None)):
        return "its group coordination task ended"
    heartbeat = getattr(coordinator, "_heartbeat_task", None)
    # Cancelled (or returned) is how a rebalance stops it before starting the next one.
    if _ended(heartbeat) and not heartbeat.cancelled() and (error := heartbeat.exception()):
        return f"its heartbeat task failed: {error!r}"
    return None


def _ended(task: Any) -> TypeGuard[asyncio.Future[Any]]:
    return isinstance(task, asyncio.Future) and task.done()


def _name(sub: Any) -> str:
    return ",".join(_topics(sub)) or type(sub).__name__


def _consumers(sub: Any) -> list[Any]:
    group = getattr(sub, "consumer_subgroup", None)
    if group:
        return list(group)
    consumer = getattr(sub, "consumer", None)
    return [consumer] if consumer is not None else [None]


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


def run_worker(service: str, build: Callable[[InfraSettings], Worker]) -> None:
    """The whole ``__main__`` of a worker service: logging, telemetry, composition, signals,
    run; the telemetry's last spans and events are flushed when it ends."""

    async def _main() -> None:
        infra = InfraSettings()
        configure_logging(service, infra.log_level, infra.log_json)
        worker = build(infra)
        worker.install_signal_handlers()
        await worker.run()

    telemetry = setup_telemetry(service)
    try:
        asyncio.run(_main())
    finally:
        telemetry.shutdown()
