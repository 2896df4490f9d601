"""Readiness checks against the real PostgreSQL and broker, and against addresses nobody serves."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from cypheredge.cli.stack.embedded import free_port
from cypheredge.contracts.catalogue import BILLING
from cypheredge.kit.db import Database
from cypheredge.kit.health import HealthServer
from cypheredge.kit.readiness import (
    Check,
    Readiness,
    broker_answers,
    configured_broker,
    database_answers,
)
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.stream import Worker, ignore_others, service_app, subscriber

pytestmark = pytest.mark.integration


def _nobody() -> str:
    return f"127.0.0.1:{free_port()}"


async def test_the_session_database_answers(kit_db: Database) -> None:
    assert await database_answers(kit_db)


async def test_an_unreachable_database_is_not_ready_within_the_limit() -> None:
    db = Database(f"postgresql+psycopg://postgres@{_nobody()}/postgres")
    started = time.monotonic()
    try:
        assert not await database_answers(db, within=1.0)
    finally:
        await db.dispose()
    assert time.monotonic() - started < 3


async def test_the_broker_answers_and_knows_provisioned_topics(
    fresh_topic: str, topics: str
) -> None:
    assert await broker_answers(topics)
    assert await broker_answers(topics, [fresh_topic, fresh_topic + ".dlq"])
    assert not await broker_answers(topics, [fresh_topic, "never.provisioned"])


async def test_an_unreachable_broker_is_not_ready_within_the_limit() -> None:
    started = time.monotonic()
    assert not await broker_answers(_nobody(), within=1.0)
    assert time.monotonic() - started < 3


async def test_a_worker_host_names_what_keeps_it_from_working(
    kit_db: Database, topics: str
) -> None:
    def host(bootstrap: str) -> Worker:
        app = service_app(BILLING, bootstrap, name="probe", publishes=False)
        ignore_others(subscriber(app.broker, *BILLING.consumes, group_id="probe"))  # type: ignore[arg-type]
        return Worker(name="probe", app=app, bootstrap=bootstrap, db=kit_db, outbox=None)

    # No consumer has joined (none runs); the dependencies are checked all the same.
    assert await host(topics).not_ready() == ["consumers"]
    assert await host(_nobody()).not_ready() == ["consumers", "broker"]


async def test_readiness_is_cached_and_shared_between_concurrent_probes() -> None:
    now = [0.0]
    calls: list[str] = []
    answers = {"database": True, "broker": False}

    def check(name: str) -> Check:
        async def run() -> bool:
            calls.append(name)
            await asyncio.sleep(0)
            return answers[name]

        return run

    readiness = Readiness({n: check(n) for n in answers}, ttl=1.5, clock=lambda: now[0])
    verdicts = await asyncio.gather(*(readiness.failing() for _ in range(5)))
    assert verdicts == [["broker"]] * 5
    assert sorted(calls) == ["broker", "database"]  # one round for five probes
    answers["broker"] = True
    now[0] = 1.0
    assert await readiness.failing() == ["broker"]  # still within the ttl
    now[0] = 1.6
    assert await readiness.ready()
    assert len(calls) == 4


async def test_the_health_endpoint_answers_readyz_from_the_check_and_healthz_regardless() -> None:
    failing: list[str] = ["broker"]

    async def check() -> list[str]:
        return list(failing)

    port = free_port()
    server = HealthServer("127.0.0.1", port, check)
    await server.start()
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            not_ready = await client.get("/readyz")
            assert not_ready.status_code == 503
            assert not_ready.json() == {"status": "not ready", "failing": ["broker"]}
            assert (await client.get("/healthz")).status_code == 200
            failing.clear()
            assert (await client.get("/readyz")).json() == {"status": "ready"}
    finally:
        await server.stop()


def test_a_broker_is_checked_only_when_one_was_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KAFKA_BOOTSTRAP_SERVERS", raising=False)
    assert configured_broker() is None
    assert configured_broker(InfraSettings(kafka_bootstrap_servers="10.0.0.1:9092")) == (
        "10.0.0.1:9092"
    )
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "10.0.0.2:9092")
    assert configured_broker() == "10.0.0.2:9092"
