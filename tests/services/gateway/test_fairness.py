"""Fairness: an org over its limit is turned away without database work, the global and
per-address limits apply before authentication, cached keys still stop working once revoked,
and every limited answer carries the RateLimit fields.

Database work is counted with SQLAlchemy events on the gateway's own engine (statements
executed and connections checked out of the pool); time is an injected clock, never a sleep.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from sqlalchemy import event

from cetest.http import serve
from cypheredge.gateway.api.app import create_app
from cypheredge.gateway.bootstrap import build
from cypheredge.gateway.service.accounts import (
    CreatedOrg,
    PrincipalCache,
    authenticate,
    create_org,
    revoke_key,
)
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.settings import GatewaySettings
from cypheredge.kit.settings import InfraSettings

pytestmark = pytest.mark.integration
PROBLEM = "application/problem+json"
POLICY = re.compile(r'^"global";q=\d+;w=\d+, "client";q=\d+;w=\d+(, "org";q=\d+;w=\d+)?$')
REMAINING = re.compile(r'^"global";r=\d+;t=\d+, "client";r=\d+;t=\d+(, "org";r=\d+;t=\d+)?$')


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class DatabaseWork:
    """Counts statements and pool checkouts on an engine while attached."""

    def __init__(self, container: Container) -> None:
        self.engine = container.db.engine.sync_engine
        self.statements = 0
        self.checkouts = 0

    def _statement(self, *args: Any) -> None:
        self.statements += 1

    def _checkout(self, *args: Any) -> None:
        self.checkouts += 1

    @property
    def total(self) -> int:
        return self.statements + self.checkouts

    def __enter__(self) -> DatabaseWork:
        event.listen(self.engine, "before_cursor_execute", self._statement)
        event.listen(self.engine.pool, "checkout", self._checkout)
        return self

    def __exit__(self, *exc: object) -> None:
        event.remove(self.engine, "before_cursor_execute", self._statement)
        event.remove(self.engine.pool, "checkout", self._checkout)


@asynccontextmanager
async def gateway_with(
    infra: InfraSettings, settings: GatewaySettings, clock: Clock
) -> AsyncIterator[tuple[Container, httpx.AsyncClient]]:
    container = build(infra, settings)
    cache = PrincipalCache(ttl=5, negative_ttl=5, clock=clock)
    container = dataclasses.replace(container, auth_cache=cache)
    try:
        async with serve(create_app(container)) as url, httpx.AsyncClient(base_url=url) as client:
            yield container, client
    finally:
        await container.db.dispose()


def bearer(created: CreatedOrg) -> dict[str, str]:
    return {"Authorization": f"Bearer {created.api_key}"}


async def test_an_org_over_its_limit_costs_no_database_work_and_others_are_unaffected(
    infra: InfraSettings,
) -> None:
    settings = GatewaySettings(rate_limit_per_minute=1, rate_limit_burst=2)
    async with gateway_with(infra, settings, Clock()) as (container, client):
        flooder = await create_org(container.db, "Flooder")
        bystander = await create_org(container.db, "Bystander")
        assert [
            (await client.get("/v1/batches", headers=bearer(flooder))).status_code for _ in range(2)
        ] == [200, 200]
        with DatabaseWork(container) as work:
            rejected = [await client.get("/v1/batches", headers=bearer(flooder)) for _ in range(20)]
        assert {r.status_code for r in rejected} == {429}
        assert work.total == 0, "a rejected request must not touch the database"
        limited = rejected[-1]
        assert limited.headers["content-type"] == PROBLEM
        assert limited.json()["policy"] == "org"
        assert int(limited.headers["retry-after"]) >= 1
        assert '"org";r=0;' in limited.headers["ratelimit"]
        with DatabaseWork(container) as work:
            served = await client.get("/v1/batches", headers=bearer(bystander))
        assert served.status_code == 200
        assert work.statements > 0  # the counter does see the bystander's queries


async def test_global_and_client_limits_refuse_before_authentication(
    infra: InfraSettings,
) -> None:
    settings = GatewaySettings(rate_limit_client_per_minute=1, rate_limit_client_burst=3)
    async with gateway_with(infra, settings, Clock()) as (container, client):
        unknown = {"Authorization": "Bearer ce_0123456789ab_not-a-real-secret"}
        with DatabaseWork(container) as work:
            codes = [
                (await client.get("/v1/batches", headers=unknown)).status_code for _ in range(3)
            ]
            assert codes == [401, 401, 401]
            assert work.statements == 1  # one lookup; the wrong key is then cached as wrong
            refused = await client.get("/v1/batches", headers=unknown)
            assert work.statements == 1
        assert refused.status_code == 429
        assert refused.json()["policy"] == "client"
        assert (await client.get("/healthz")).status_code == 200  # probes are never limited
    settings = GatewaySettings(rate_limit_global_per_minute=1, rate_limit_global_burst=1)
    async with gateway_with(infra, settings, Clock()) as (_, client):
        assert (await client.get("/openapi.json")).status_code == 200
        refused = await client.get("/openapi.json")
        assert refused.status_code == 429
        assert refused.json()["policy"] == "global"


async def test_a_revoked_key_works_until_its_cache_entry_expires_and_no_longer(
    infra: InfraSettings,
) -> None:
    clock = Clock()
    async with gateway_with(infra, GatewaySettings(), clock) as (container, client):
        created = await create_org(container.db, "Revoker")
        assert (await client.get("/v1/batches", headers=bearer(created))).status_code == 200
        principal = await authenticate(container.db, created.api_key)
        assert principal is not None
        assert principal.key_id is not None
        assert await revoke_key(container.db, created.org_id, principal.key_id)
        clock.now += 4.9  # within the 5 s TTL: the cached answer stands
        assert (await client.get("/v1/batches", headers=bearer(created))).status_code == 200
        clock.now += 0.1
        after = await client.get("/v1/batches", headers=bearer(created))
        assert after.status_code == 401
        assert after.headers["content-type"] == PROBLEM


async def test_a_wrong_key_is_remembered_as_wrong_for_the_negative_ttl(
    infra: InfraSettings,
) -> None:
    clock = Clock()
    async with gateway_with(infra, GatewaySettings(), clock) as (container, client):
        wrong = {"Authorization": "Bearer ce_aaaaaaaaaaaa_wrong"}
        with DatabaseWork(container) as work:
            for _ in range(5):
                assert (await client.get("/v1/batches", headers=wrong)).status_code == 401
            assert work.statements == 1
            clock.now += 5
            assert (await client.get("/v1/batches", headers=wrong)).status_code == 401
            assert work.statements == 2


@pytest.mark.parametrize(
    ("path", "auth", "status"),
    [
        ("/v1/batches", True, 200),
        ("/v1/batches", False, 401),
        ("/v1/batches/00000000-0000-0000-0000-000000000000", True, 404),
        ("/no/such/path", False, 404),
        ("/openapi.json", False, 200),
    ],
)
async def test_every_limited_answer_carries_the_ratelimit_fields(
    infra: InfraSettings, path: str, auth: bool, status: int
) -> None:
    async with gateway_with(infra, GatewaySettings(), Clock()) as (container, client):
        created = await create_org(container.db, "Headers")
        response = await client.get(path, headers=bearer(created) if auth else {})
        assert response.status_code == status
        assert POLICY.match(response.headers["ratelimit-policy"]), response.headers
        assert REMAINING.match(response.headers["ratelimit"]), response.headers
        assert ('"org"' in response.headers["ratelimit"]) == auth
        assert response.headers["x-request-id"]
