"""What the billing use cases need of Stripe (implemented by ``infra.stripe_api``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID


class StripeUnavailable(Exception):
    """Stripe could not be reached or asked us to come back (network error, 429, 5xx)."""


class StripeRefused(Exception):
    """Stripe refused the request for good (4xx): repeating it would not help."""


@dataclass(frozen=True)
class StripeSubscription:
    id: str
    status: str
    current_period_end: datetime | None


class StripeBilling(Protocol):
    async def create_customer(self, org_id: UUID, generation: int) -> str:
        """The org's Customer; made once per generation (the idempotency key says which)."""
        ...

    async def price_for(self, lookup_key: str) -> str:
        """The id of the active price with ``lookup_key``; StripeRefused when there is none."""
        ...

    async def create_subscription(
        self, customer_id: str, price_id: str, org_id: UUID, tier: str, key: str
    ) -> StripeSubscription: ...

    async def change_price(
        self, subscription_id: str, price_id: str, tier: str
    ) -> StripeSubscription: ...

    async def cancel_subscription(self, subscription_id: str) -> None: ...

    async def send_meter_event(
        self, identifier: UUID, customer_id: str, value: int, timestamp: datetime
    ) -> None:
        """Report ``value`` billable pages; a repeat of an identifier Stripe has is not an
        error (it was recorded before the answer got lost)."""
        ...

    async def metered_total(self, customer_id: str, start: datetime, end: datetime) -> int:
        """What Stripe's meter holds for the customer over [start, end)."""
        ...
