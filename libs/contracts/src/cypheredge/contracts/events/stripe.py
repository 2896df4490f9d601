"""Stripe webhook events the gateway verified, handed to billing through the gateway's outbox.

The gateway checks the signature and records each Stripe event id once; billing decides what an
event means. Only the fields billing acts on cross the boundary (typed), not Stripe's whole
object: a new Stripe API version can add fields without changing this contract.
"""

from __future__ import annotations

from datetime import datetime
from uuid import NAMESPACE_URL, UUID, uuid5

from pydantic import BaseModel, ConfigDict, Field

from cypheredge.contracts.base import Event
from cypheredge.contracts.topics import STRIPE_EVENTS


class StripeObjectSummary(BaseModel):
    """What billing needs of the event's ``data.object`` (a subscription, invoice, customer)."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str
    object: str
    customer: str | None = None
    subscription: str | None = None
    status: str | None = None
    # Lookup keys of the prices on a subscription's items (they name the plan).
    price_lookup_keys: tuple[str, ...] = ()
    metadata: dict[str, str] = Field(default_factory=dict)
    current_period_end: datetime | None = None


class StripeEventReceived(Event):
    name = "stripe.event_received"
    version = 1
    topic = STRIPE_EVENTS.name

    stripe_event_id: str
    stripe_type: str = Field(description="Stripe's event type, e.g. invoice.paid")
    created: datetime = Field(description="When Stripe created the event")
    livemode: bool = False
    object: StripeObjectSummary

    def aggregate_id(self) -> UUID:
        # Keyed by customer, so one customer's events stay in order on one partition.
        return stripe_customer_key(self.object.customer or self.object.id)


def stripe_customer_key(customer: str) -> UUID:
    """The Kafka key of a Stripe customer's events."""
    return uuid5(NAMESPACE_URL, f"stripe:customer:{customer}")
