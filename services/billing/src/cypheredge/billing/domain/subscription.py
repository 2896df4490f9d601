"""An org's plan and subscription, and how plan changes and Stripe's events move them.

Pure rules: no I/O, no framework. The service layer loads a :class:`Subscription`, asks these
functions for the next one, stores it and publishes it (``revision`` grows with each change, so
the gateway's projection can ignore a stale copy).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import get_args
from uuid import NAMESPACE_URL, UUID, uuid5

from cypheredge.contracts.events.billing import SubscriptionStatus
from cypheredge.contracts.events.stripe import StripeEventReceived
from cypheredge.contracts.plans import DEFAULT_PLAN, plan, plan_for_price

STATUSES: frozenset[str] = frozenset(get_args(SubscriptionStatus))
# Stripe retries a failed payment for days; these are the states a paid-up subscription
# falls from when one fails, and those an ``invoice.paid`` brings back.
PAYING = frozenset({"active", "trialing"})
OWING = frozenset({"past_due", "unpaid", "incomplete"})


@dataclass(frozen=True)
class Subscription:
    org_id: UUID
    plan: str
    status: SubscriptionStatus
    status_since: datetime
    revision: int = 0
    customer_id: str | None = None
    subscription_id: str | None = None
    current_period_end: datetime | None = None
    stripe_event_at: datetime | None = None
    stripe_sync: bool = True
    customer_generation: int = 0

    @property
    def id(self) -> UUID:
        """The aggregate id of the org's subscription (stable: one per org)."""
        return subscription_key(self.org_id)


def subscription_key(org_id: UUID) -> UUID:
    return uuid5(NAMESPACE_URL, f"cypheredge:subscription:{org_id}")


def new_subscription(org_id: UUID, now: datetime) -> Subscription:
    """Where every org starts: the default plan, nothing owed."""
    return Subscription(org_id=org_id, plan=DEFAULT_PLAN, status="active", status_since=now)


def change_plan(current: Subscription, tier: str, now: datetime) -> Subscription:
    """An operator's plan change: the plan applies at once and Stripe is brought in line.

    Raises LookupError for an unknown plan.
    """
    plan(tier)
    return _moved(current, now, plan=tier, status="active", stripe_sync=True)


def apply_stripe_event(current: Subscription, event: StripeEventReceived) -> Subscription | None:
    """The subscription after one of Stripe's events, or None when it changes nothing.

    Events about other subscriptions than the org's (an old one, since replaced) and events
    older than the newest applied (Stripe does not deliver in order) change nothing.
    """
    if current.stripe_event_at is not None and event.created < current.stripe_event_at:
        return None
    obj = event.object
    match event.stripe_type:
        case "customer.subscription.created" | "customer.subscription.updated":
            if current.subscription_id not in (None, obj.id) or obj.status not in STATUSES:
                return None
            found = next((p for k in obj.price_lookup_keys if (p := plan_for_price(k))), None)
            return _moved(
                current,
                event.created,
                subscription_id=obj.id,
                status=obj.status,
                plan=found.tier if found else current.plan,
                current_period_end=obj.current_period_end or current.current_period_end,
                stripe_event_at=event.created,
            )
        case "customer.subscription.deleted":
            if obj.id != current.subscription_id:
                return None
            return _moved(current, event.created, status="canceled", stripe_event_at=event.created)
        case "invoice.payment_failed":
            if obj.subscription != current.subscription_id or current.status not in PAYING:
                return None
            return _moved(current, event.created, status="past_due", stripe_event_at=event.created)
        case "invoice.paid":
            if obj.subscription != current.subscription_id or current.status not in OWING:
                return None
            return _moved(current, event.created, status="active", stripe_event_at=event.created)
        case "customer.deleted":
            if obj.id != current.customer_id:
                return None
            paid = plan(current.plan).paid
            return _moved(
                current,
                event.created,
                customer_id=None,
                subscription_id=None,
                status="canceled" if paid else current.status,
                stripe_event_at=event.created,
                # Not made again behind the operator's back: the next plan change makes a new
                # customer (a new generation, so a new idempotency key).
                stripe_sync=False,
                customer_generation=current.customer_generation + 1,
            )
    return None


def _moved(current: Subscription, now: datetime, **changes: object) -> Subscription:
    """``current`` with ``changes``, one revision on; ``status_since`` moves with the status."""
    moved = replace(current, **changes)  # type: ignore[arg-type]
    if moved.status != current.status:
        moved = replace(moved, status_since=now)
    return replace(moved, revision=current.revision + 1)
