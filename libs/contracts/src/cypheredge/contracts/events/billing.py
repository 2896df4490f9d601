"""Billing events: metered usage and subscription changes."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

from cypheredge.contracts.base import Event
from cypheredge.contracts.topics import SUBSCRIPTIONS, USAGE

UsageMetric = Literal["pages_processed", "statements_processed"]


class UsageRecorded(Event):
    name = "usage.recorded"
    version = 1
    topic = USAGE.name

    usage_id: UUID
    metric: UsageMetric
    quantity: int
    batch_id: UUID
    occurred_at: datetime

    def aggregate_id(self) -> UUID:
        return self.batch_id


class SubscriptionChanged(Event):
    name = "subscription.changed"
    version = 1
    topic = SUBSCRIPTIONS.name

    subscription_id: UUID
    external_customer_id: str
    external_subscription_id: str
    status: Literal["trialing", "active", "past_due", "canceled", "unpaid", "incomplete"]
    plan: str | None = None

    def aggregate_id(self) -> UUID:
        return self.subscription_id
