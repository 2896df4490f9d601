"""Per-org rate limits: 429 with Retry-After, in process and through Redis."""

from __future__ import annotations

import os
import uuid

import httpx
import pytest
from redis.asyncio import Redis

from cetest.http import serve
from cypheredge.gateway.api.app import create_app
from cypheredge.gateway.bootstrap import build
from cypheredge.gateway.infra.ratelimit import LocalBuckets, RedisBuckets
from cypheredge.gateway.service.accounts import create_org
from cypheredge.gateway.settings import GatewaySettings
from cypheredge.kit.settings import InfraSettings

pytestmark = pytest.mark.integration
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


async def test_gateway_answers_429_with_retry_after_when_the_bucket_is_empty(
    infra: InfraSettings,
) -> None:
    container = build(infra, GatewaySettings(rate_limit_per_minute=1, rate_limit_burst=3))
    created = await create_org(container.db, "Throttled")
    other = await create_org(container.db, "Unaffected")
    try:
        async with serve(create_app(container)) as url, httpx.AsyncClient(base_url=url) as client:
            auth = {"Authorization": f"Bearer {created.api_key}"}
            codes = [(await client.get("/v1/batches", headers=auth)).status_code for _ in range(4)]
            assert codes == [200, 200, 200, 429]
            limited = await client.get("/v1/batches", headers=auth)
            assert limited.headers["content-type"] == "application/problem+json"
            assert int(limited.headers["retry-after"]) >= 1
            other_auth = {"Authorization": f"Bearer {other.api_key}"}
            assert (await client.get("/v1/batches", headers=other_auth)).status_code == 200
    finally:
        await container.db.dispose()


async def test_local_and_redis_buckets_agree() -> None:
    redis = Redis.from_url(REDIS_URL)
    try:
        await redis.ping()
    except OSError:
        pytest.fail(f"Redis is required at {REDIS_URL} (set TEST_REDIS_URL)")
    key = f"test-{uuid.uuid4()}"
    for limiter in (LocalBuckets(60, 2), RedisBuckets(redis, 60, 2)):
        decisions = [await limiter.take(key) for _ in range(3)]
        assert [d.allowed for d in decisions] == [True, True, False]
        assert decisions[2].retry_after == 1
    await redis.aclose()
