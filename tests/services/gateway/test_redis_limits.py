"""The per-org limit through the real Redis, and what happens when Redis goes away: requests
keep being served, limited in process, with a warning and a metric, until Redis is back.

"Goes away" is a TCP proxy in front of the real Redis that the test closes and reopens; an
unreachable port stands for a Redis that was never there. Time is an injected clock.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from urllib.parse import urlsplit

import httpx
import pytest
from prometheus_client import REGISTRY
from redis.asyncio import Redis

from cetest.http import serve
from cypheredge.gateway.api.app import create_app
from cypheredge.gateway.bootstrap import build
from cypheredge.gateway.infra.ratelimit import RedisBuckets
from cypheredge.gateway.infra.resilient import ResilientBuckets
from cypheredge.gateway.service.accounts import create_org
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.settings import GatewaySettings
from cypheredge.kit.settings import InfraSettings

pytestmark = pytest.mark.integration
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
SETTINGS = GatewaySettings(rate_limit_per_minute=60, rate_limit_burst=3)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def degraded_decisions() -> float:
    return REGISTRY.get_sample_value("cypheredge_ratelimit_degraded_total") or 0.0


class Proxy:
    """A TCP proxy to Redis that can be cut (every connection dropped) and restored."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.port)

    async def cut(self) -> None:
        assert self._server is not None
        self._server.close()
        for writer in list(self._writers):
            writer.close()
        await self._server.wait_closed()
        self._server = None

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection(*self.target)
        self._writers |= {writer, up_writer}

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            with suppress(ConnectionError):
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            dst.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))


async def require_redis() -> None:
    redis = Redis.from_url(REDIS_URL)
    try:
        await redis.ping()
    except OSError:
        pytest.fail(f"Redis is required at {REDIS_URL} (set TEST_REDIS_URL)")
    finally:
        await redis.aclose()


@asynccontextmanager
async def gateway_on(
    redis_url: str, infra: InfraSettings, clock: Clock
) -> AsyncIterator[tuple[Container, httpx.AsyncClient, ResilientBuckets]]:
    container = build(infra.model_copy(update={"redis_url": redis_url}), SETTINGS)
    org = container.rate_limits.org
    assert isinstance(org, ResilientBuckets)
    # The same Redis client the composition root configured, with the test's clock.
    primary: RedisBuckets = org.primary
    limiter = ResilientBuckets(primary, retry_after=5, clock=clock)
    limits = dataclasses.replace(container.rate_limits, org=limiter)
    container = dataclasses.replace(container, rate_limits=limits)
    try:
        async with serve(create_app(container)) as url, httpx.AsyncClient(base_url=url) as client:
            yield container, client, limiter
    finally:
        await container.db.dispose()


async def test_the_org_limit_is_shared_through_redis(infra: InfraSettings) -> None:
    await require_redis()
    async with gateway_on(REDIS_URL, infra, Clock()) as (container, client, limiter):
        created = await create_org(container.db, "Shared")
        auth = {"Authorization": f"Bearer {created.api_key}"}
        codes = [(await client.get("/v1/batches", headers=auth)).status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        assert not limiter.degraded
        redis = Redis.from_url(REDIS_URL)
        assert await redis.exists(f"cypheredge:ratelimit:{created.org_id}")
        await redis.aclose()


async def test_when_redis_goes_away_requests_are_still_served_and_limited_in_process(
    infra: InfraSettings, caplog: pytest.LogCaptureFixture
) -> None:
    await require_redis()
    target = urlsplit(REDIS_URL)
    proxy = Proxy((target.hostname or "127.0.0.1", target.port or 6379))
    await proxy.start()
    clock = Clock()
    url = f"redis://127.0.0.1:{proxy.port}/0"
    async with gateway_on(url, infra, clock) as (container, client, limiter):
        created = await create_org(container.db, "Unlucky")
        auth = {"Authorization": f"Bearer {created.api_key}"}
        assert (await client.get("/v1/batches", headers=auth)).status_code == 200
        assert not limiter.degraded

        await proxy.cut()
        before = degraded_decisions()
        with caplog.at_level(logging.WARNING, logger="cypheredge.gateway.infra.resilient"):
            gone = [await client.get("/v1/batches", headers=auth) for _ in range(3)]
        assert [r.status_code for r in gone] == [200, 200, 200]
        assert limiter.degraded
        assert degraded_decisions() == before + 3
        assert ["Redis unreachable" in r.getMessage() for r in caplog.records].count(True) == 1
        # Still limited while degraded (the in-process bucket starts full: burst 3).
        assert (await client.get("/v1/batches", headers=auth)).status_code == 429
        metrics = (await client.get("/metrics")).text
        assert "cypheredge_ratelimit_redis_unreachable 1.0" in metrics

        await proxy.start()
        clock.now += 5  # the retry interval: the next request tries Redis again
        assert (await client.get("/v1/batches", headers=auth)).status_code == 200
        assert not limiter.degraded
        assert degraded_decisions() == before + 4
    await proxy.cut()


async def test_a_redis_that_never_answers_degrades_without_failing_requests(
    infra: InfraSettings,
) -> None:
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    before = degraded_decisions()
    async with gateway_on(f"redis://127.0.0.1:{port}/0", infra, Clock()) as (
        container,
        client,
        limiter,
    ):
        created = await create_org(container.db, "No Redis")
        auth = {"Authorization": f"Bearer {created.api_key}"}
        codes = [(await client.get("/v1/batches", headers=auth)).status_code for _ in range(3)]
        assert codes == [200, 200, 200]
        assert limiter.degraded
        assert degraded_decisions() == before + 3
