"""Money flows end to end: a plan set by an operator reaches the gateway and Stripe, the pages a
batch extracts are metered once at (the fake) Stripe, and Stripe's webhooks (past due, paid,
canceled) change what the gateway accepts."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from stripefake import FakeStripe, event_payload, signature_header

from cetest.billing_service import stripe_api_for
from cetest.pdfs import DIGITAL, sample
from cetest.pipeline import Pipeline, free_port
from cetest.polling import wait_for_batch
from cetest.tenants import Tenant
from cypheredge.billing.bootstrap import BillingSettings, subscriptions
from cypheredge.billing.bootstrap import build as build_billing
from cypheredge.billing.bootstrap import database as billing_database
from cypheredge.billing.infra.stripe_catalog import set_up
from cypheredge.billing.settings import StripeSettings
from cypheredge.gateway.service.accounts import create_org
from cypheredge.kit.settings import InfraSettings

pytestmark = pytest.mark.integration

SECRET = "whsec_e2e_journey"


@pytest.fixture(scope="module")
def fake_stripe() -> Iterator[FakeStripe]:
    with FakeStripe() as fake:
        yield fake


@pytest.fixture(scope="module")
async def billing_worker(
    pipeline: Pipeline, infra: InfraSettings, fake_stripe: FakeStripe
) -> AsyncIterator[None]:
    """The billing service reporting to the fake Stripe; the gateway taking its webhooks."""
    await set_up(stripe_api_for(fake_stripe))
    stripe = StripeSettings(api_key=SecretStr(fake_stripe.api_key), api_base=fake_stripe.url)
    settings = BillingSettings(health_port=free_port(), stripe_poll_seconds=0.2)
    host = build_billing(infra, settings, stripe)
    task = asyncio.create_task(host.run())
    pipeline.gateway.stripe_webhook_secret = SECRET
    try:
        await _until(lambda: _ready(host.ready, task), "billing never joined its group", 60)
        yield
    finally:
        pipeline.gateway.stripe_webhook_secret = None
        host.stop.set()
        await asyncio.gather(task, return_exceptions=True)


async def _ready(ready: Callable[[], bool], task: asyncio.Task[None]) -> bool:
    if task.done():
        task.result()
    return ready()


async def _until(check: Callable[[], Awaitable[bool]], why: str, within: float = 60) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not await check():
        if loop.time() > deadline:
            raise AssertionError(why)
        await asyncio.sleep(0.2)


class Journey:
    def __init__(self, client: httpx.AsyncClient, tenant: Tenant, fake: FakeStripe) -> None:
        self.client = client
        self.tenant = tenant
        self.fake = fake

    async def subscription(self) -> dict[str, Any]:
        got = await self.client.get("/v1/billing/subscription", headers=self.tenant.auth)
        assert got.status_code == 200, got.text
        body: dict[str, Any] = got.json()
        return body

    async def until_status(self, status: str, allowed: bool) -> None:
        async def there() -> bool:
            sub = await self.subscription()
            return sub["status"] == status and sub["uploads_allowed"] is allowed

        await _until(there, f"the gateway never showed {status} (uploads {allowed})")

    async def upload(self) -> httpx.Response:
        files = [("files", (DIGITAL, sample(DIGITAL), "application/pdf"))]
        return await self.client.post("/v1/batches", headers=self.tenant.auth, files=files)

    async def webhook(self, kind: str, obj: dict[str, Any], created: datetime) -> httpx.Response:
        payload = event_payload(kind, obj, created=int(created.timestamp()))
        return await self.send(payload)

    async def send(self, payload: bytes) -> httpx.Response:
        headers = {
            "Stripe-Signature": signature_header(payload, SECRET),
            "Content-Type": "application/json",
        }
        return await self.client.post("/v1/stripe/webhooks", content=payload, headers=headers)


async def test_plan_metering_and_stripe_webhooks_from_end_to_end(
    client: httpx.AsyncClient,
    pipeline: Pipeline,
    infra: InfraSettings,
    fake_stripe: FakeStripe,
    billing_worker: None,
) -> None:
    created = await create_org(pipeline.gateway.db, "Billing journey")
    journey = Journey(client, Tenant(str(created.org_id), created.api_key), fake_stripe)
    db = billing_database(infra)
    try:
        await subscriptions(db).change_plan(created.org_id, "pro")
    finally:
        await db.dispose()

    # The plan reaches the gateway, and billing makes the customer and subscription at Stripe.
    await _until(
        lambda: _has_subscription(fake_stripe, str(created.org_id)), "no Stripe subscription"
    )
    sub = _subscription_of(fake_stripe, str(created.org_id))
    customer = sub["customer"]
    await journey.until_status("active", allowed=True)
    assert (await journey.subscription())["plan"] == "pro"

    # A batch's pages are metered once at Stripe, and the usage endpoint shows them.
    accepted = await journey.upload()
    assert accepted.status_code == 202, accepted.text
    batch = await wait_for_batch(
        client, journey.tenant, accepted.json()["id"], lambda b: b["status"] == "completed", 120
    )
    pages = sum(s["pages"] for s in batch["statements"])
    assert pages > 0

    async def metered() -> bool:
        return bool(fake_stripe.metered_total(customer) == pages)

    await _until(metered, f"Stripe's meter never reached {pages} pages")
    usage = (await client.get("/v1/usage", headers=journey.tenant.auth)).json()
    assert usage["usage"]["pages"] == pages
    assert usage["usage"]["billable_pages"] == pages

    # A payment failed eight days ago: past the pro plan's seven days of grace.
    invoice = {
        "id": "in_journey",
        "object": "invoice",
        "customer": customer,
        "subscription": sub["id"],
        "status": "open",
    }
    now = datetime.now(UTC)
    failed = event_payload(
        "invoice.payment_failed", invoice, created=int((now - timedelta(days=8)).timestamp())
    )
    first = await journey.send(failed)
    assert first.json() == {"received": True, "duplicate": False}
    await journey.until_status("past_due", allowed=False)
    refused = await journey.upload()
    assert refused.status_code == 402
    assert refused.json()["code"] == "payment_past_due"
    again = await journey.send(failed)  # Stripe redelivers it
    assert again.json() == {"received": True, "duplicate": True}

    # Paid: uploads are accepted again.
    paid = await journey.webhook("invoice.paid", {**invoice, "status": "paid"}, now)
    assert paid.status_code == 200
    await journey.until_status("active", allowed=True)

    # Canceled at Stripe: refused, saying what to do.
    fake_stripe.set_subscription_status(sub["id"], "canceled")
    obj = fake_stripe.subscription_object(sub["id"])
    deleted = await journey.webhook(
        "customer.subscription.deleted", obj, now + timedelta(seconds=1)
    )
    assert deleted.status_code == 200
    await journey.until_status("canceled", allowed=False)
    refused = await journey.upload()
    assert refused.status_code == 402
    problem = refused.json()
    assert problem["code"] == "subscription_inactive"
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert "plan" in problem["detail"], problem


async def _has_subscription(fake: FakeStripe, org: str) -> bool:
    return any(s["metadata"].get("org_id") == org for s in fake.subscriptions.values())


def _subscription_of(fake: FakeStripe, org: str) -> dict[str, Any]:
    (found,) = [s for s in fake.subscriptions.values() if s["metadata"].get("org_id") == org]
    return dict(found)
