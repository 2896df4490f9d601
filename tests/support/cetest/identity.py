"""A gateway that accepts sign-in tokens from a local OIDC issuer, and helpers around users."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any
from uuid import uuid4

import httpx
from oidc import FakeIssuer

from cetest.http import serve
from cypheredge.gateway.api.app import create_app
from cypheredge.gateway.bootstrap import build
from cypheredge.gateway.service.accounts import create_org
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.settings import GatewaySettings, OidcSettings
from cypheredge.kit.settings import InfraSettings

PROBLEM = "application/problem+json"
Served = tuple[Container, httpx.AsyncClient]  # a gateway and a client of it over real HTTP
FAST = GatewaySettings(
    rate_limit_per_minute=6000,
    rate_limit_burst=1000,
    rate_limit_by_plan=False,
    # An hour: anything that stops working in these tests does so because it was evicted,
    # never because a cache entry ran out.
    auth_cache_ttl_seconds=3600,
)


@dataclass(frozen=True)
class Org:
    org_id: str
    admin_key: str

    @property
    def auth(self) -> dict[str, str]:
        return bearer(self.admin_key)


def bearer(credential: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {credential}"}


def email() -> str:
    return f"person-{uuid4().hex[:10]}@example.com"


@asynccontextmanager
async def gateway(
    infra: InfraSettings, issuer: FakeIssuer | None, *, lifespan: bool = False
) -> AsyncIterator[tuple[Container, httpx.AsyncClient]]:
    """A gateway over real HTTP; with ``lifespan`` its LISTEN connection runs too."""
    oidc = (
        OidcSettings(issuer=issuer.url, audience=issuer.audience, jwks_min_refresh_seconds=0)
        if issuer
        else OidcSettings()
    )
    container = build(infra, FAST, oidc=oidc)
    app = create_app(container)
    try:
        async with (
            app.router.lifespan_context(app) if lifespan else _nothing(),
            serve(app) as url,
            httpx.AsyncClient(base_url=url, timeout=30) as client,
        ):
            yield container, client
    finally:
        await container.db.dispose()


@asynccontextmanager
async def _nothing() -> AsyncIterator[None]:
    yield


async def new_org(container: Container, name: str = "Identity") -> Org:
    created = await create_org(container.db, name)
    return Org(str(created.org_id), created.api_key)


async def invite(
    client: httpx.AsyncClient, org: Org, address: str, role: str, **headers: str
) -> dict[str, Any]:
    response = await client.post(
        "/v1/users", json={"email": address, "role": role}, headers=headers or org.auth
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body
