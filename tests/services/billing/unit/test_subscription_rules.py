"""How plan changes and Stripe's events move an org's subscription (pure rules)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from cypheredge.billing.domain.subscription import (
    Subscription,
    apply_stripe_event,
    change_plan,
    new_subscription,
)
from cypheredge.contracts.events.stripe import StripeEventReceived, StripeObjectSummary

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _event(kind: str, at: datetime, **obj: object) -> StripeEventReceived:
    fields: dict[str, object] = {"id": "sub_1", "object": "subscription", "customer": "cus_1"}
    fields.update(obj)
    return StripeEventReceived(
        stripe_event_id=f"evt_{uuid4().hex[:8]}",
        stripe_type=kind,
        created=at,
        object=StripeObjectSummary.model_validate(fields),
    )


def _paying() -> Subscription:
    sub = change_plan(new_subscription(uuid4(), T0), "pro", T0)
    return replace(sub, customer_id="cus_1", subscription_id="sub_1", stripe_sync=False)


def test_an_org_starts_free_and_active_and_a_plan_change_is_a_new_revision() -> None:
    sub = new_subscription(uuid4(), T0)
    assert (sub.plan, sub.status, sub.revision) == ("free", "active", 0)
    moved = change_plan(sub, "pro", T0 + timedelta(minutes=1))
    assert (moved.plan, moved.status, moved.revision, moved.stripe_sync) == (
        "pro",
        "active",
        1,
        True,
    )
    assert moved.status_since == T0, "the status did not change, nor did its start"
    assert moved.id == sub.id, "one subscription aggregate per org"


def test_an_unknown_plan_is_refused_with_the_known_ones() -> None:
    with pytest.raises(LookupError, match="free, starter, pro, enterprise"):
        change_plan(new_subscription(uuid4(), T0), "platinum", T0)


def test_past_due_then_paid_then_deleted() -> None:
    sub = _paying()
    failed_at = T0 + timedelta(days=3)
    past_due = apply_stripe_event(
        sub,
        _event(
            "invoice.payment_failed", failed_at, id="in_1", object="invoice", subscription="sub_1"
        ),
    )
    assert past_due is not None
    assert (past_due.status, past_due.status_since, past_due.revision) == (
        "past_due",
        failed_at,
        sub.revision + 1,
    )
    paid = apply_stripe_event(
        past_due,
        _event(
            "invoice.paid",
            failed_at + timedelta(days=1),
            id="in_1",
            object="invoice",
            subscription="sub_1",
        ),
    )
    assert paid is not None
    assert paid.status == "active"
    gone = apply_stripe_event(
        paid,
        _event("customer.subscription.deleted", failed_at + timedelta(days=2), status="canceled"),
    )
    assert gone is not None
    assert gone.status == "canceled"


def test_a_subscription_update_carries_stripes_status_and_the_plan_of_its_price() -> None:
    sub = _paying()
    updated = apply_stripe_event(
        sub,
        _event(
            "customer.subscription.updated",
            T0 + timedelta(days=1),
            status="active",
            price_lookup_keys=["cypheredge_starter_pages"],
        ),
    )
    assert updated is not None
    assert (updated.plan, updated.status) == ("starter", "active")


def test_events_older_than_the_newest_applied_or_about_another_subscription_change_nothing() -> (
    None
):
    sub = apply_stripe_event(
        _paying(),
        _event("customer.subscription.updated", T0 + timedelta(days=2), status="past_due"),
    )
    assert sub is not None
    stale = _event("customer.subscription.updated", T0 + timedelta(days=1), status="active")
    assert apply_stripe_event(sub, stale) is None
    other = _event("customer.subscription.deleted", T0 + timedelta(days=3), id="sub_old")
    assert apply_stripe_event(sub, other) is None


def test_unknown_event_types_change_nothing() -> None:
    assert (
        apply_stripe_event(_paying(), _event("charge.refunded", T0, id="ch_1", object="charge"))
        is None
    )


def test_a_deleted_customer_ends_a_paid_plan_and_is_not_made_again_unasked() -> None:
    sub = _paying()
    gone = apply_stripe_event(
        sub, _event("customer.deleted", T0 + timedelta(days=1), id="cus_1", object="customer")
    )
    assert gone is not None
    assert (gone.customer_id, gone.subscription_id, gone.status) == (None, None, "canceled")
    assert gone.stripe_sync is False
    assert gone.customer_generation == sub.customer_generation + 1, "a new idempotency key"
    again = change_plan(gone, "pro", T0 + timedelta(days=2))
    assert again.stripe_sync
    assert again.status == "active"
