"""POST /v1/stripe/webhooks over real HTTP: signed as Stripe signs, forwarded through the outbox
once per event id, to the org the event is about."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

import httpx
import pytest
from sqlalchemy import select
from stripefake.signing import event_payload, signature_header

from cetest.billing import new_org, set_plan, subscription
from cetest.http import serve
from cetest.tenants import Tenant
from cypheredge.contracts.events.stripe import StripeEventReceived, stripe_customer_key
from cypheredge.contracts.topics import STRIPE_EVENTS
from cypheredge.gateway.api.app import create_app
from cypheredge.gateway.bootstrap import build
from cypheredge.gateway.infra.models import outbox, stripe_events
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.settings import GatewaySettings, StripeSettings
from cypheredge.kit.settings import InfraSettings

pytestmark = pytest.mark.integration
SECRET = "whsec_gateway_test_secret"
PATH = "/v1/stripe/webhooks"


async def _served(container: Container) -> AsyncIterator[tuple[Container, httpx.AsyncClient]]:
    async with (
        serve(create_app(container)) as url,
        httpx.AsyncClient(base_url=url, timeout=30) as client,
    ):
        yield container, client
    await container.db.dispose()


@pytest.fixture(scope="module")
async def hooks(infra: InfraSettings) -> AsyncIterator[tuple[Container, httpx.AsyncClient]]:
    container = build(infra, GatewaySettings(), StripeSettings(stripe_webhook_secret=SECRET))
    async for served in _served(container):
        yield served


@pytest.fixture(scope="module")
async def unconfigured(
    infra: InfraSettings,
) -> AsyncIterator[tuple[Container, httpx.AsyncClient]]:
    container = build(infra, GatewaySettings(), StripeSettings(stripe_webhook_secret=None))
    async for served in _served(container):
        yield served


async def _customer_org(container: Container) -> tuple[Tenant, str]:
    org = await new_org(container, "Stripe org")
    customer = f"cus_{uuid4().hex[:14]}"
    await set_plan(container, org, subscription("starter", customer=customer))
    return org, customer


def _subscription_object(customer: Any, **extra: Any) -> dict[str, Any]:
    return {
        "id": f"sub_{uuid4().hex[:14]}",
        "object": "subscription",
        "customer": customer,
        "status": "past_due",
        "metadata": {"plan": "starter"},
        "items": {
            "object": "list",
            "data": [
                {
                    "id": "si_1",
                    "object": "subscription_item",
                    "price": {"id": "price_1", "lookup_key": "cypheredge_starter_pages"},
                    "current_period_end": 1_800_000_000,
                }
            ],
        },
        **extra,
    }


async def _send(
    api: httpx.AsyncClient, payload: bytes, *, secret: str = SECRET, at: int | None = None
) -> httpx.Response:
    headers = {
        "Stripe-Signature": signature_header(payload, secret, at),
        "Content-Type": "application/json",
    }
    return await api.post(PATH, content=payload, headers=headers)


async def _forwarded(container: Container, event_id: str) -> list[Any]:
    async with container.db.system() as session:
        query = select(outbox).where(outbox.c.payload["data"]["stripe_event_id"].astext == event_id)
        return list((await session.execute(query)).all())


async def _recorded(container: Container, event_id: str) -> Any:
    async with container.db.system() as session:
        query = select(stripe_events).where(stripe_events.c.id == event_id)
        return (await session.execute(query)).first()


def _event_id() -> str:
    return f"evt_{uuid4().hex[:24]}"


async def test_a_signed_event_is_forwarded_once_to_the_customers_org(
    hooks: tuple[Container, httpx.AsyncClient],
) -> None:
    container, api = hooks
    org, customer = await _customer_org(container)
    event_id = _event_id()
    obj = _subscription_object({"id": customer, "object": "customer"})  # expanded
    payload = event_payload("customer.subscription.updated", obj, event_id=event_id)
    response = await _send(api, payload)  # no API key: the signature is the credential
    assert response.status_code == 200, response.text
    assert response.json() == {"received": True, "duplicate": False}

    rows = await _forwarded(container, event_id)
    assert len(rows) == 1
    row = rows[0]
    assert (row.topic, str(row.org_id)) == (STRIPE_EVENTS.name, org.org_id)
    assert row.event_type == StripeEventReceived.type_name()
    assert row.key == str(stripe_customer_key(customer))
    event = StripeEventReceived.model_validate(row.payload["data"])
    assert (event.stripe_event_id, event.stripe_type) == (event_id, "customer.subscription.updated")
    summary = event.object
    assert (summary.id, summary.object, summary.customer) == (obj["id"], "subscription", customer)
    assert (summary.status, summary.price_lookup_keys) == (
        "past_due",
        ("cypheredge_starter_pages",),
    )
    assert summary.metadata == {"plan": "starter"}
    assert summary.current_period_end == datetime.fromtimestamp(1_800_000_000, UTC)

    again = await _send(api, payload)  # Stripe redelivers
    assert again.json() == {"received": True, "duplicate": True}
    assert len(await _forwarded(container, event_id)) == 1


async def test_the_org_in_the_objects_metadata_is_used_when_it_exists(
    hooks: tuple[Container, httpx.AsyncClient],
) -> None:
    container, api = hooks
    org = await new_org(container)
    event_id = _event_id()
    obj = {"id": "cus_new", "object": "customer", "metadata": {"org_id": org.org_id}}
    response = await _send(api, event_payload("customer.created", obj, event_id=event_id))
    assert response.json() == {"received": True, "duplicate": False}
    [row] = await _forwarded(container, event_id)
    assert str(row.org_id) == org.org_id
    assert StripeEventReceived.model_validate(row.payload["data"]).object.customer == "cus_new"


async def test_any_event_type_is_forwarded(hooks: tuple[Container, httpx.AsyncClient]) -> None:
    container, api = hooks
    org, customer = await _customer_org(container)
    event_id = _event_id()
    obj = {"id": "in_1", "object": "invoice", "customer": customer, "status": "paid"}
    response = await _send(api, event_payload("invoice.some_future_type", obj, event_id=event_id))
    assert response.json() == {"received": True, "duplicate": False}
    [row] = await _forwarded(container, event_id)
    assert str(row.org_id) == org.org_id


async def test_an_unknown_customer_is_recorded_not_forwarded(
    hooks: tuple[Container, httpx.AsyncClient],
) -> None:
    container, api = hooks
    event_id = _event_id()
    # A UUID in the metadata that is no org does not count either.
    obj = _subscription_object("cus_nobody", metadata={"org_id": str(uuid4())})
    response = await _send(api, event_payload("invoice.paid", obj, event_id=event_id))
    assert response.status_code == 200
    assert response.json() == {"received": True, "duplicate": False}
    assert await _forwarded(container, event_id) == []
    recorded = await _recorded(container, event_id)
    assert (recorded.type, recorded.org_id) == ("invoice.paid", None)


@pytest.mark.parametrize(
    ("case", "code"),
    [
        ("wrong_secret", "invalid_signature"),
        ("stale", "invalid_signature"),
        ("no_header", "invalid_signature"),
        ("tampered", "invalid_signature"),
        ("not_json", "invalid_payload"),
        ("no_object", "invalid_payload"),
    ],
)
async def test_an_unverifiable_or_unreadable_webhook_is_400_and_stores_nothing(
    hooks: tuple[Container, httpx.AsyncClient], case: str, code: str
) -> None:
    container, api = hooks
    _, customer = await _customer_org(container)
    event_id = _event_id()
    payload = event_payload("invoice.paid", _subscription_object(customer), event_id=event_id)
    if case == "wrong_secret":
        response = await _send(api, payload, secret="whsec_someone_else")
    elif case == "stale":
        response = await _send(api, payload, at=int(time.time()) - 600)
    elif case == "no_header":
        response = await api.post(PATH, content=payload)
    elif case == "tampered":
        header = signature_header(payload, SECRET)
        forged = payload.replace(b"invoice.paid", b"invoice.void")
        response = await api.post(PATH, content=forged, headers={"Stripe-Signature": header})
    elif case == "not_json":
        response = await _send(api, b"{not json")
    else:
        body = json.loads(payload)
        del body["data"]
        response = await _send(api, json.dumps(body).encode())
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == code
    assert await _recorded(container, event_id) is None
    assert await _forwarded(container, event_id) == []


async def test_without_a_secret_webhooks_are_503(
    unconfigured: tuple[Container, httpx.AsyncClient],
) -> None:
    _, api = unconfigured
    payload = event_payload("invoice.paid", {"id": "in_1", "object": "invoice"})
    response = await _send(api, payload)
    assert response.status_code == 503
    assert response.json()["code"] == "webhooks_not_configured"


async def test_an_oversized_body_is_refused(hooks: tuple[Container, httpx.AsyncClient]) -> None:
    _, api = hooks
    payload = event_payload("invoice.paid", {"id": "in_1", "object": "invoice", "x": "0" * 2**20})
    response = await _send(api, payload)
    assert response.status_code == 413
