"""GET /v1/batches/{id} with ``Prefer: wait`` over real HTTP against real PostgreSQL.

The batches are recorded directly (no outbox row), so no pipeline running in the same session
can move them: only the test does, through the projector. Each change is applied after the
request is known to wait (``BatchChanges.until_waiting``), never after a sleep. The waits
and the fallback poll are an hour long: a request answers early only because the projector's
NOTIFY woke it, and a wake-up that never comes hangs the test until the suite's timeout.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from uuid import UUID, uuid4

import httpx
import pytest

from cetest.batches import HOUR, complete, new_batch
from cetest.http import serve
from cetest.tenants import Tenant
from cypheredge.gateway.api.app import create_app
from cypheredge.gateway.bootstrap import build
from cypheredge.gateway.infra import batches as batch_sql
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.settings import GatewaySettings
from cypheredge.kit.settings import InfraSettings

pytestmark = pytest.mark.integration
PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
async def waiting(infra: InfraSettings) -> AsyncIterator[tuple[Container, httpx.AsyncClient]]:
    """A gateway whose app lifespan runs (it starts the LISTEN connection)."""
    settings = GatewaySettings(
        long_poll_max_seconds=HOUR,
        long_poll_fallback_seconds=HOUR,
        rate_limit_per_minute=6000,
        rate_limit_burst=1000,
    )
    container = build(infra, settings)
    app = create_app(container)
    try:
        async with (
            app.router.lifespan_context(app),
            serve(app) as url,
            httpx.AsyncClient(base_url=url, timeout=httpx.Timeout(30, read=2 * HOUR)) as client,
        ):
            assert container.batch_changes.listening
            yield container, client
        assert not container.batch_changes.listening
    finally:
        await container.db.dispose()


def wait(seconds: object) -> dict[str, str]:
    return {"Prefer": f"wait={seconds}"}


async def test_a_waiting_get_answers_when_the_projector_marks_the_batch_final(
    waiting: tuple[Container, httpx.AsyncClient], org_a: Tenant
) -> None:
    container, api = waiting
    batch_id, statement_id = await new_batch(container, org_a)
    request = asyncio.create_task(
        api.get(f"/v1/batches/{batch_id}", headers=org_a.auth | wait(HOUR))
    )
    await container.batch_changes.until_waiting(batch_id)
    await complete(container, org_a, batch_id, statement_id)

    response = await request
    assert response.status_code == 200, response.text
    assert response.headers["Preference-Applied"] == f"wait={HOUR}"
    assert response.headers["Vary"] == "Prefer"
    body = response.json()
    assert body["status"] == "completed"
    assert body["statements"][0]["status"] == "reported"


async def test_a_statement_change_ends_the_wait_too(
    waiting: tuple[Container, httpx.AsyncClient], org_a: Tenant
) -> None:
    """Progress a client shows (statements done) arrives as it happens, not only the end."""
    container, api = waiting
    batch_id, statement_id = await new_batch(container, org_a)
    request = asyncio.create_task(
        api.get(f"/v1/batches/{batch_id}", headers=org_a.auth | wait(HOUR))
    )
    await container.batch_changes.until_waiting(batch_id)
    async with container.db.tenant(UUID(org_a.org_id)) as session:
        await batch_sql.update_statement(session, statement_id, status="ingested", pages=2)

    body = (await request).json()
    assert body["status"] == "queued"
    assert (body["statements"][0]["status"], body["statements"][0]["pages"]) == ("ingested", 2)


async def test_a_wait_that_runs_out_returns_the_unchanged_body(
    waiting: tuple[Container, httpx.AsyncClient], org_a: Tenant
) -> None:
    container, api = waiting
    batch_id, _ = await new_batch(container, org_a)
    before = (await api.get(f"/v1/batches/{batch_id}", headers=org_a.auth)).json()
    other, _ = await new_batch(container, org_a)
    request = asyncio.create_task(api.get(f"/v1/batches/{batch_id}", headers=org_a.auth | wait(1)))
    await container.batch_changes.until_waiting(batch_id)
    # Another batch's change wakes nobody waiting on this one.
    async with container.db.tenant(UUID(org_a.org_id)) as session:
        await batch_sql.update_batch(session, other, status="processing")

    response = await request
    assert response.status_code == 200
    assert response.headers["Preference-Applied"] == "wait=1"
    assert response.json() == before


async def test_another_orgs_batch_is_404_even_with_a_wait(
    waiting: tuple[Container, httpx.AsyncClient], org_a: Tenant, org_b: Tenant
) -> None:
    container, api = waiting
    batch_id, _ = await new_batch(container, org_a)
    # An hour's wait, answered at once: the tenant-scoped read finds nothing to wait on.
    response = await api.get(f"/v1/batches/{batch_id}", headers=org_b.auth | wait(HOUR))
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM
    assert "Preference-Applied" not in response.headers
    unknown = await api.get(f"/v1/batches/{uuid4()}", headers=org_a.auth | wait(HOUR))
    assert unknown.status_code == 404


async def test_without_the_preference_an_open_batch_is_answered_at_once(
    waiting: tuple[Container, httpx.AsyncClient], org_a: Tenant
) -> None:
    container, api = waiting
    batch_id, _ = await new_batch(container, org_a)
    response = await api.get(f"/v1/batches/{batch_id}", headers=org_a.auth)
    assert response.status_code == 200
    assert response.json()["status"] == "queued"
    assert "Preference-Applied" not in response.headers
    other = await api.get(
        f"/v1/batches/{batch_id}", headers=org_a.auth | {"Prefer": "respond-async"}
    )
    assert "Preference-Applied" not in other.headers


@pytest.mark.parametrize("value", ["abc", "-1", "1.5", "", '"x"'])
async def test_a_wait_that_is_not_delta_seconds_is_ignored(
    waiting: tuple[Container, httpx.AsyncClient], org_a: Tenant, value: str
) -> None:
    """RFC 7240: a preference is optional, so a malformed one is not obeyed nor refused; the
    batch is answered at once (an hour-long wait would hang the test)."""
    container, api = waiting
    batch_id, _ = await new_batch(container, org_a)
    response = await api.get(f"/v1/batches/{batch_id}", headers=org_a.auth | wait(value))
    assert response.status_code == 200
    assert response.json()["status"] == "queued"
    assert "Preference-Applied" not in response.headers


async def test_a_longer_wait_is_capped_and_a_final_batch_is_answered_at_once(
    waiting: tuple[Container, httpx.AsyncClient], org_a: Tenant
) -> None:
    container, api = waiting
    batch_id, statement_id = await new_batch(container, org_a)
    await complete(container, org_a, batch_id, statement_id)
    response = await api.get(
        f"/v1/batches/{batch_id}",
        headers=org_a.auth | {"Prefer": f"handling=lenient, wait={HOUR * 24}"},
    )
    assert response.status_code == 200
    assert response.json()["status"] == "completed"
    assert response.headers["Preference-Applied"] == f"wait={HOUR}"
