"""/v1/webhook_endpoints over real HTTP: register (secret once), list, read, remove, test, and
the deliveries; URLs that would reach inside our network are refused with the reason."""

from __future__ import annotations

from collections.abc import AsyncIterator
from uuid import UUID, uuid4

import httpx
import pytest
from sqlalchemy import delete
from standardwebhooks import Webhook

from cetest.billing import new_org
from cetest.http import serve
from cetest.tenants import Tenant
from cetest.webhooks import key_with, receiver, sender
from cypheredge.gateway.api.app import create_app
from cypheredge.gateway.bootstrap import build
from cypheredge.gateway.infra.models import webhook_endpoints
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.settings import GatewaySettings
from cypheredge.gateway.webhook_settings import WebhookSettings
from cypheredge.kit.settings import InfraSettings

pytestmark = pytest.mark.integration
PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
async def local(infra: InfraSettings) -> AsyncIterator[Container]:
    """A gateway that, as under ``cypheredge up``, accepts http receivers on this machine."""
    settings = GatewaySettings(rate_limit_burst=1000, rate_limit_by_plan=False)
    webhooks = WebhookSettings(allow_http=True, allow_loopback=True, max_endpoints_per_org=3)
    container = build(infra, settings, webhooks=webhooks)
    yield container
    await container.db.dispose()


@pytest.fixture(scope="module")
async def http(local: Container) -> AsyncIterator[httpx.AsyncClient]:
    async with serve(create_app(local)) as url, httpx.AsyncClient(base_url=url) as client:
        yield client


@pytest.fixture
async def org(local: Container) -> AsyncIterator[Tenant]:
    tenant = await new_org(local, "Webhook API org")
    yield tenant
    async with local.db.tenant(UUID(tenant.org_id)) as session:
        await session.execute(delete(webhook_endpoints))


async def create(
    http: httpx.AsyncClient, org: Tenant, url: str, types: list[str] | None = None
) -> httpx.Response:
    body = {"url": url, "event_types": types or ["batch.completed"], "description": "ours"}
    return await http.post("/v1/webhook_endpoints", json=body, headers=org.auth)


async def test_register_list_read_and_remove_an_endpoint(
    http: httpx.AsyncClient, org: Tenant
) -> None:
    response = await create(http, org, "http://127.0.0.1:9/hook", ["report.ready", "batch.failed"])
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["secret"].startswith("whsec_")
    Webhook(created["secret"])  # a secret the reference library reads
    assert created["event_types"] == ["batch.failed", "report.ready"]
    assert created["status"] == "enabled"
    listed = (await http.get("/v1/webhook_endpoints", headers=org.auth)).json()["data"]
    assert [e["id"] for e in listed] == [created["id"]]
    assert "secret" not in listed[0]
    one = await http.get(f"/v1/webhook_endpoints/{created['id']}", headers=org.auth)
    assert one.status_code == 200
    assert "secret" not in one.json()
    gone = await http.delete(f"/v1/webhook_endpoints/{created['id']}", headers=org.auth)
    assert gone.status_code == 204
    again = await http.get(f"/v1/webhook_endpoints/{created['id']}", headers=org.auth)
    assert again.status_code == 404
    assert again.headers["content-type"] == PROBLEM


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("ftp://example.com/hook", "scheme"),
        ("http://10.0.0.5/hook", "private address"),
        ("http://169.254.169.254/latest/meta-data", "link-local address"),
        ("http://[::ffff:10.1.2.3]/hook", "private address"),
        ("http://0.0.0.0:8080/", "unspecified address"),
        ("http://224.0.0.1/", "multicast address"),
        ("http://user:pw@127.0.0.1/hook", "user name or password"),
        ("http://no-such-host.invalid/hook", "does not resolve"),
    ],
)
async def test_unsafe_urls_are_refused_naming_why(
    http: httpx.AsyncClient, org: Tenant, url: str, why: str
) -> None:
    response = await create(http, org, url)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["code"] == "unsafe_url"
    assert problem["field"] == "url"
    assert why in problem["detail"]


async def test_production_settings_take_https_public_urls_only(
    gateway: Container, api: httpx.AsyncClient, org_a: Tenant
) -> None:
    # The session's gateway runs with the default (production) settings.
    assert not gateway.webhooks.allow_http
    for url in ("http://example.com/hook", "https://127.0.0.1/hook", "https://localhost/hook"):
        response = await create(api, org_a, url)
        assert response.status_code == 422, (url, response.text)


async def test_unknown_event_types_and_too_many_endpoints_are_refused(
    http: httpx.AsyncClient, org: Tenant
) -> None:
    unknown = await create(http, org, "http://127.0.0.1:9/", ["batch.exploded"])
    assert unknown.status_code == 422
    for _ in range(3):
        assert (await create(http, org, "http://127.0.0.1:9/")).status_code == 201
    over = await create(http, org, "http://127.0.0.1:9/")
    assert over.status_code == 409
    assert over.json()["code"] == "too_many_endpoints"


async def test_another_orgs_endpoint_is_not_found(
    http: httpx.AsyncClient, local: Container, org: Tenant
) -> None:
    other = await new_org(local, "Webhook API other org")
    try:
        endpoint = (await create(http, org, "http://127.0.0.1:9/")).json()["id"]
        for method, path in (
            ("GET", f"/v1/webhook_endpoints/{endpoint}"),
            ("DELETE", f"/v1/webhook_endpoints/{endpoint}"),
            ("POST", f"/v1/webhook_endpoints/{endpoint}/test"),
            ("GET", f"/v1/webhook_endpoints/{endpoint}/deliveries"),
        ):
            response = await http.request(method, path, headers=other.auth)
            assert response.status_code == 404, (method, path)
        listed = await http.get("/v1/webhook_endpoints", headers=other.auth)
        assert listed.json()["data"] == []
        still = await http.get(f"/v1/webhook_endpoints/{endpoint}", headers=org.auth)
        assert still.status_code == 200
    finally:
        async with local.db.tenant(UUID(other.org_id)) as session:
            await session.execute(delete(webhook_endpoints))


async def test_managing_endpoints_needs_the_webhooks_scope(
    http: httpx.AsyncClient, local: Container, org: Tenant
) -> None:
    reader = await key_with(local, org, "batches:read")
    response = await create(http, reader, "http://127.0.0.1:9/")
    assert response.status_code == 403
    assert "webhooks:manage" in response.json()["detail"]
    listed = await http.get("/v1/webhook_endpoints", headers=reader.auth)
    assert listed.status_code == 403


async def test_a_test_event_is_queued_sent_by_the_sender_and_listed_in_the_deliveries(
    http: httpx.AsyncClient, local: Container, org: Tenant
) -> None:
    with receiver([500, 200]) as hook:
        endpoint = (await create(http, org, hook.url)).json()
        path = f"/v1/webhook_endpoints/{endpoint['id']}"
        queued = await http.post(f"{path}/test", headers=org.auth)
        assert queued.status_code == 202
        delivery = queued.json()["delivery_id"]
        assert hook.received == []  # never sent from the request
        await sender(local).send_due()
        page = (await http.get(f"{path}/deliveries", headers=org.auth)).json()
        (first,) = page["data"]
        assert first["id"] == delivery
        assert (first["status"], first["attempts"], first["last_status_code"]) == (
            "pending",
            1,
            500,
        )
        assert first["next_attempt_at"] is not None
    (got,) = hook.received
    payload = Webhook(endpoint["secret"]).verify(got.body, got.headers)
    assert payload["type"] == "webhook.test"
    assert got.headers["webhook-id"] == delivery


async def test_deliveries_page_newest_first_with_a_cursor(
    http: httpx.AsyncClient, org: Tenant
) -> None:
    endpoint = (await create(http, org, "http://127.0.0.1:9/")).json()["id"]
    path = f"/v1/webhook_endpoints/{endpoint}"
    ids = [(await http.post(f"{path}/test", headers=org.auth)).json()["delivery_id"] for _ in "abc"]
    first = (await http.get(f"{path}/deliveries?limit=2", headers=org.auth)).json()
    assert [d["id"] for d in first["data"]] == ids[::-1][:2]
    assert first["has_more"]
    cursor = first["data"][-1]["id"]
    rest = (
        await http.get(f"{path}/deliveries?limit=2&starting_after={cursor}", headers=org.auth)
    ).json()
    assert [d["id"] for d in rest["data"]] == [ids[0]]
    assert not rest["has_more"]
    bad = await http.get(f"{path}/deliveries?starting_after={uuid4()}", headers=org.auth)
    assert bad.status_code == 400
