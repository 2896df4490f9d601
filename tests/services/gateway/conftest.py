"""A gateway served over real HTTP against the session database, and two orgs."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from oidc import FakeIssuer

from cetest.http import serve
from cetest.identity import Served
from cetest.identity import gateway as identity_gateway
from cetest.tenants import Tenant
from cypheredge.gateway.api.app import create_app
from cypheredge.gateway.bootstrap import build
from cypheredge.gateway.service.accounts import create_org
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.settings import GatewaySettings
from cypheredge.kit.settings import InfraSettings


@pytest.fixture(scope="session")
async def gateway(infra: InfraSettings) -> AsyncIterator[Container]:
    settings = GatewaySettings(
        max_files=5,
        max_file_bytes=2_000_000,
        max_total_bytes=4_000_000,
        rate_limit_per_minute=6000,
        rate_limit_burst=1000,
        # Tests share orgs and call quickly: plans' rates (free: a burst of 10) are tested
        # apart (test_plan_rate_limits.py).
        rate_limit_by_plan=False,
    )
    container = build(infra, settings)
    yield container
    await container.db.dispose()


@pytest.fixture(scope="session")
async def api(gateway: Container) -> AsyncIterator[httpx.AsyncClient]:
    async with (
        serve(create_app(gateway)) as url,
        httpx.AsyncClient(base_url=url, timeout=30) as client,
    ):
        yield client


async def _tenant(gateway: Container, name: str) -> Tenant:
    created = await create_org(gateway.db, name)
    return Tenant(str(created.org_id), created.api_key)


@pytest.fixture(scope="session")
async def org_a(gateway: Container) -> Tenant:
    return await _tenant(gateway, "Org A")


@pytest.fixture(scope="session")
async def org_b(gateway: Container) -> Tenant:
    return await _tenant(gateway, "Org B")


# The identity tests' gateway (its own per module: one trusting a local OIDC issuer, with a
# long auth cache, so what stops working does so because it was evicted).
@pytest.fixture(scope="module")
def issuer() -> Iterator[FakeIssuer]:
    with FakeIssuer() as running:
        yield running


@pytest.fixture(scope="module")
async def served(infra: InfraSettings, issuer: FakeIssuer) -> AsyncIterator[Served]:
    async with identity_gateway(infra, issuer) as pair:
        yield pair


@pytest.fixture
def client(served: Served) -> httpx.AsyncClient:
    return served[1]
