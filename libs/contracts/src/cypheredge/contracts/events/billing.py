"""Billing events: metered usage and subscription changes."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

from pydantic import Field

from cypheredge.contracts.base import Event
from cypheredge.contracts.topics import SUBSCRIPTIONS, USAGE

UsageMetric = Literal["pages_processed", "statements_processed"]
SubscriptionStatus = Literal[
    "trialing", "active", "past_due", "canceled", "unpaid", "incomplete", "incomplete_expired"
]


class UsageRecorded(Event):
    name = "usage.recorded"
    version = 1
    topic = USAGE.name

    usage_id: UUID
    metric: UsageMetric
    quantity: int
    batch_id: UUID
    occurred_at: datetime
    # Of ``quantity`` pages, how many only OCR could read: plans may count those differently.
    ocr_pages: int = Field(0, ge=0)
    statement_id: UUID | None = None

    def aggregate_id(self) -> UUID:
        return self.batch_id


class SubscriptionChanged(Event):
    name = "subscription.changed"
    version = 1
    topic = SUBSCRIPTIONS.name

    subscription_id: UUID
    external_customer_id: str = Field(description="Stripe Customer id; empty while Stripe is off")
    external_subscription_id: str = Field(description="Stripe Subscription id; empty: none")
    status: SubscriptionStatus
    plan: str | None = Field(None, description="Plan tier (see cypheredge.contracts.plans)")
    # When ``status`` began (a grace period runs from the first day past due).
    status_since: datetime | None = None
    # Grows with every change of the org's subscription: a projection applies only newer ones.
    revision: int = Field(0, ge=0)
    current_period_end: datetime | None = None

    def aggregate_id(self) -> UUID:
        return self.subscription_id
