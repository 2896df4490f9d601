"""The worker's consumer watchdog: a consumer that can no longer consume ends the process.

The gateway projector once sat for the whole of a soak with its partitions assigned, /readyz
answering 200 and no event applied: FastStream keeps a failed consumer in place, and the
worker watched nothing but its relay. Each test sets the state an aiokafka consumer is left
in by a failure of one of its background tasks (the test decides when, no broker needed),
then asks the worker what it makes of it.
"""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import pytest
from aiokafka.errors import KafkaError

from cypheredge.contracts.catalogue import GATEWAY
from cypheredge.kit.db import Database
from cypheredge.kit.stream import (
    ConsumerFailed,
    Worker,
    consumer_failure,
    ignore_others,
    service_app,
    subscriber,
)

BOOTSTRAP = "127.0.0.1:9"  # never contacted: nothing here starts

# How the worker names the gateway's one subscriber: the topics it reads.
WATCHED = ",".join(topic.name for topic in GATEWAY.consumes)


def _running() -> asyncio.Future[None]:
    return asyncio.get_running_loop().create_future()


def _ended(error: BaseException | None = None) -> asyncio.Future[None]:
    future = _running()
    if error is None:
        future.set_result(None)
    else:
        future.set_exception(error)
        future.exception()  # retrieved: no "never retrieved" warning at collection
    return future


def _consumer(
    fetch: asyncio.Future[None] | None = None,
    coordination: asyncio.Future[None] | None = None,
    heartbeat: asyncio.Future[None] | None = None,
    closed: bool = False,
) -> SimpleNamespace:
    """An aiokafka consumer as the watchdog sees it (its background tasks)."""
    return SimpleNamespace(
        _closed=closed,
        _fetcher=SimpleNamespace(_fetch_task=fetch or _running()),
        _coordinator=SimpleNamespace(
            _coordination_task=coordination or _running(), _heartbeat_task=heartbeat
        ),
        assignment=lambda: {("cypheredge.statements.ingestion", 0)},
    )


def _worker(consumer: Any, loops: list[asyncio.Future[None]] | None = None) -> Worker:
    """The projector's shape: one subscriber over its topics, its consumer set by the test."""
    app = service_app(GATEWAY, BOOTSTRAP, name="watched", publishes=False)
    sub = subscriber(app.broker, *GATEWAY.consumes, group_id="watched")  # type: ignore[arg-type]
    ignore_others(sub)
    sub.consumer = consumer
    sub.running = True
    sub.tasks = loops if loops is not None else [_running()]  # type: ignore[assignment,list-item]
    db = Database("postgresql+psycopg://nobody@127.0.0.1:9/none")  # never connected
    return Worker(
        name="watched", app=app, bootstrap=BOOTSTRAP, db=db, outbox=None, health_port=None
    )


async def test_a_consumer_whose_tasks_run_is_no_failure_and_the_watch_ends_on_stop() -> None:
    worker = _worker(_consumer(heartbeat=_running()))
    assert worker.ready()
    assert worker.failures() == []
    stop = asyncio.Event()
    stop.set()
    await worker.watch(stop)  # returns: nothing to report


async def test_a_consumer_whose_fetch_task_ended_ends_the_worker() -> None:
    # What aiokafka leaves after "Unexpected error in fetcher routine": still assigned (the
    # join stays latched), getone() waiting for ever.
    worker = _worker(_consumer(fetch=_ended(AssertionError())))
    assert worker.ready()
    # /readyz names it (the join alone would say ready; nothing listens on BOOTSTRAP or the
    # database, so those are named too).
    assert "consumers" in await worker.not_ready()
    assert worker.failures() == [f"{WATCHED}: its fetch task ended"]
    with pytest.raises(ConsumerFailed, match=r"watched: .*its fetch task ended"):
        await worker.watch(asyncio.Event())


async def test_a_consumer_whose_coordination_ended_or_heartbeat_failed_cannot_consume() -> None:
    assert consumer_failure(_consumer(coordination=_ended(KafkaError("join")))) == (
        "its group coordination task ended"
    )
    failed = consumer_failure(_consumer(heartbeat=_ended(KafkaError("Unexpected exception"))))
    assert failed is not None
    assert failed.startswith("its heartbeat task failed: KafkaError")


async def test_a_heartbeat_stopped_for_a_rejoin_is_no_failure() -> None:
    stopped = _running()
    stopped.cancel()  # what a rebalance does to it before starting the next one
    assert consumer_failure(_consumer(heartbeat=stopped)) is None
    assert consumer_failure(_consumer(heartbeat=_ended())) is None


async def test_a_subscriber_whose_consume_loops_all_ended_ends_the_worker() -> None:
    # FastStream restarts a loop that raised (the new one joins the list) but not one that
    # was cancelled or returned: the subscriber is then alive and reads nothing.
    cancelled = _running()
    cancelled.cancel()
    worker = _worker(_consumer(), loops=[cancelled])
    assert worker.failures() == [f"{WATCHED}: its consume loop ended"]
    restarted = _worker(_consumer(), loops=[_ended(RuntimeError("crash")), _running()])
    assert restarted.failures() == []


async def test_a_consumer_stopped_on_purpose_is_no_failure() -> None:
    assert consumer_failure(_consumer(fetch=_ended(), coordination=_ended(), closed=True)) is None
