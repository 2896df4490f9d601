"""Plan changes and Stripe's events move an org's subscription, Stripe follows the plan, and
every change is published once for the gateway."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
from stripefake import FakeStripe

from cetest.billing_service import Billing, stripe_api_for
from cypheredge.billing.infra.models import outbox
from cypheredge.billing.service.provisioning import StripeSync
from cypheredge.contracts import Envelope
from cypheredge.contracts.catalogue import BILLING
from cypheredge.contracts.events.stripe import StripeEventReceived, StripeObjectSummary
from cypheredge.kit.outbox import Outbox

pytestmark = pytest.mark.integration


def _stripe_event(kind: str, obj: StripeObjectSummary, at: datetime) -> StripeEventReceived:
    return StripeEventReceived(
        stripe_event_id=f"evt_{uuid4().hex[:16]}", stripe_type=kind, created=at, object=obj
    )


async def test_a_paid_plan_makes_one_customer_and_a_subscription_on_the_plans_price(
    billing: Billing,
) -> None:
    org = uuid4()
    changed = await billing.subscriptions.change_plan(org, "pro")
    assert (changed.plan, changed.status, changed.revision) == ("pro", "active", 1)
    assert await billing.sync.sync(org)
    assert not await billing.sync.sync(org), "in line with Stripe: nothing more to do"
    customer = billing.customer_of(org)
    (sub,) = billing.fake.subscriptions.values()
    assert sub["customer"] == customer
    assert [i["price"]["lookup_key"] for i in sub["items"]["data"]] == ["cypheredge_pro_pages"]
    assert sub["metadata"] == {"org_id": str(org), "plan": "pro"}
    first, second = await billing.published(org)
    assert (first["plan"], first["revision"], first["external_customer_id"]) == ("pro", 1, "")
    assert (second["revision"], second["external_customer_id"]) == (2, customer)
    assert second["external_subscription_id"] == sub["id"]
    assert second["status"] == "active"


async def test_moving_to_free_cancels_the_stripe_subscription_and_keeps_the_customer(
    billing: Billing,
) -> None:
    org, customer = await billing.paying_org("starter")
    (sub_id,) = billing.fake.subscriptions
    await billing.subscriptions.change_plan(org, "free")
    assert await billing.sync.sync(org)
    assert billing.fake.subscriptions[sub_id]["status"] == "canceled"
    last = (await billing.published(org))[-1]
    assert (last["plan"], last["status"], last["external_subscription_id"]) == (
        "free",
        "active",
        "",
    )
    assert last["external_customer_id"] == customer
    assert len(billing.fake.customers) == 1


async def test_without_a_price_at_stripe_the_sync_stops_with_the_fix_named(
    billing: Billing,
) -> None:
    org = uuid4()
    await billing.subscriptions.change_plan(org, "pro")
    with FakeStripe() as bare:  # a Stripe account nobody ran stripe-setup on
        sync = StripeSync(billing.db, stripe_api_for(bare), Outbox(outbox, BILLING.source))
        assert not await sync.sync(org)
    (row,) = await billing.rows(
        org, "SELECT stripe_sync, stripe_sync_error FROM billing.subscriptions"
    )
    assert row["stripe_sync"] is False
    assert "cypheredge admin stripe-setup" in row["stripe_sync_error"]


async def test_stripe_going_past_due_then_canceled_is_published_once_each(billing: Billing) -> None:
    org, customer = await billing.paying_org()
    (sub_id,) = billing.fake.subscriptions
    published = len(await billing.published(org))
    now = datetime.now(UTC)
    obj = StripeObjectSummary(
        id="in_1", object="invoice", customer=customer, subscription=sub_id, status="open"
    )
    failed = Envelope.wrap(
        _stripe_event("invoice.payment_failed", obj, now),
        org_id=org,
        source="/cypheredge/gateway",
    )
    await billing.subscriptions.stripe_event(
        failed, StripeEventReceived.model_validate(failed.data)
    )
    await billing.subscriptions.stripe_event(
        failed, StripeEventReceived.model_validate(failed.data)
    )
    deleted = _stripe_event(
        "customer.subscription.deleted",
        StripeObjectSummary(id=sub_id, object="subscription", customer=customer, status="canceled"),
        now + timedelta(minutes=1),
    )
    await billing.subscriptions.stripe_event(
        Envelope.wrap(deleted, org_id=org, source="/cypheredge/gateway"), deleted
    )
    events = (await billing.published(org))[published:]
    assert [(e["status"], e["status_since"][:19]) for e in events] == [
        ("past_due", now.isoformat()[:19]),
        ("canceled", (now + timedelta(minutes=1)).isoformat()[:19]),
    ]
    assert events[0]["revision"] < events[1]["revision"]


async def test_an_event_type_billing_does_not_handle_is_acknowledged_and_changes_nothing(
    billing: Billing,
) -> None:
    org, customer = await billing.paying_org()
    published = len(await billing.published(org))
    event = _stripe_event(
        "charge.succeeded",
        StripeObjectSummary(id="ch_1", object="charge", customer=customer),
        datetime.now(UTC),
    )
    await billing.subscriptions.stripe_event(
        Envelope.wrap(event, org_id=org, source="/cypheredge/gateway"), event
    )
    assert len(await billing.published(org)) == published
