"""With GATEWAY_RATE_LIMIT_BY_PLAN, an org's per-org rate is the lower of the gateway's and
its plan's, and the RateLimit fields say which applied."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from cetest.billing import new_org, set_plan, subscription
from cetest.http import serve
from cetest.tenants import Tenant
from cypheredge.gateway.api.app import create_app
from cypheredge.gateway.bootstrap import build
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.settings import GatewaySettings
from cypheredge.kit.settings import InfraSettings

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
async def by_plan(infra: InfraSettings) -> AsyncIterator[tuple[Container, httpx.AsyncClient]]:
    # Minute-long refills: no token comes back while a test runs.
    settings = GatewaySettings(
        rate_limit_per_minute=1, rate_limit_burst=15, rate_limit_by_plan=True
    )
    container = build(infra, settings)
    async with (
        serve(create_app(container)) as url,
        httpx.AsyncClient(base_url=url, timeout=30) as client,
    ):
        yield container, client
    await container.db.dispose()


async def _served_until_refused(api: httpx.AsyncClient, org: Tenant) -> tuple[int, httpx.Response]:
    for served in range(100):
        response = await api.get("/v1/billing/subscription", headers=org.auth)
        if response.status_code == 429:
            return served, response
    raise AssertionError("never limited")


async def test_free_gets_its_plans_burst_and_a_paid_plan_the_gateways_lower_one(
    by_plan: tuple[Container, httpx.AsyncClient],
) -> None:
    container, api = by_plan
    free = await new_org(container)
    served, refused = await _served_until_refused(api, free)
    assert served == 10  # the free plan's burst, below the gateway's 15
    assert refused.json()["policy"] == "org"
    assert '"org";q=10;w=' in refused.headers["RateLimit-Policy"]

    starter = await new_org(container)  # burst 20 on its plan: the gateway's 15 is lower
    await set_plan(container, starter, subscription("starter"))
    served, refused = await _served_until_refused(api, starter)
    assert served == 15
    assert '"org";q=15;w=' in refused.headers["RateLimit-Policy"]
