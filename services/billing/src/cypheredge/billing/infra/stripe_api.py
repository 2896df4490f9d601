"""The billing use cases' Stripe port, over the official ``stripe`` client (async, httpx).

The client's own retries are off: a meter report's retries are durable (the queue's
``next_attempt_at``), which in-process retries are not. Every creation carries an
``Idempotency-Key`` of ours.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, TypeVar
from uuid import UUID

import stripe

from cypheredge.billing.service.ports import StripeRefused, StripeSubscription, StripeUnavailable
from cypheredge.billing.settings import StripeSettings
from cypheredge.contracts.plans import METER_EVENT_NAME

T = TypeVar("T")


def client_from(settings: StripeSettings) -> stripe.StripeClient:
    assert settings.api_key is not None
    return stripe.StripeClient(
        settings.api_key.get_secret_value(),
        base_addresses={"api": settings.api_base.rstrip("/")},
        max_network_retries=0,
        http_client=stripe.HTTPXClient(timeout=settings.timeout_seconds),
    )


async def call(request: Callable[[], Awaitable[T]]) -> T:
    """``request``'s answer; Stripe's errors as the port's two kinds."""
    try:
        return await request()
    except (stripe.RateLimitError, stripe.APIConnectionError) as exc:
        raise StripeUnavailable(_message(exc)) from exc
    except stripe.StripeError as exc:
        if exc.http_status is None or exc.http_status >= 500 or exc.http_status == 409:
            # 409: the same idempotency key is in flight elsewhere; its outcome decides.
            raise StripeUnavailable(_message(exc)) from exc
        raise StripeRefused(_message(exc)) from exc


def _message(exc: stripe.StripeError) -> str:
    return f"{type(exc).__name__} ({exc.http_status}): {exc.user_message or exc}"


def is_duplicate_identifier(exc: stripe.StripeError) -> bool:
    """Stripe's answer to a meter event whose identifier it already has."""
    code = (exc.code or "") if isinstance(exc, stripe.InvalidRequestError) else ""
    text = str(exc.user_message or exc).lower()
    return code == "resource_already_exists" or ("identifier" in text and "already" in text)


class StripeApi:
    def __init__(self, client: stripe.StripeClient) -> None:
        self.v1 = client.v1
        self._prices: dict[str, str] = {}
        self._meter: str | None = None

    async def create_customer(self, org_id: UUID, generation: int) -> str:
        customer = await call(
            lambda: self.v1.customers.create_async(
                params={"name": f"CypherEdge org {org_id}", "metadata": {"org_id": str(org_id)}},
                options={"idempotency_key": f"cypheredge-customer-{org_id}-{generation}"},
            )
        )
        return customer.id

    async def price_for(self, lookup_key: str) -> str:
        if lookup_key not in self._prices:
            found = await call(
                lambda: self.v1.prices.list_async(
                    params={"lookup_keys": [lookup_key], "active": True, "limit": 1}
                )
            )
            if not found.data:
                raise StripeRefused(
                    f"Stripe has no active price with lookup key {lookup_key!r}: "
                    "run `cypheredge admin stripe-setup`"
                )
            self._prices[lookup_key] = found.data[0].id
        return self._prices[lookup_key]

    async def create_subscription(
        self, customer_id: str, price_id: str, org_id: UUID, tier: str, key: str
    ) -> StripeSubscription:
        params: Any = {
            "customer": customer_id,
            "items": [{"price": price_id}],
            "metadata": {"org_id": str(org_id), "plan": tier},
            # Periods are calendar months, as the plans count them.
            "billing_cycle_anchor_config": {"day_of_month": 1},
            "proration_behavior": "none",
        }
        made = await call(
            lambda: self.v1.subscriptions.create_async(
                params=params, options={"idempotency_key": key}
            )
        )
        return _subscription(made)

    async def change_price(
        self, subscription_id: str, price_id: str, tier: str
    ) -> StripeSubscription:
        sub = await call(lambda: self.v1.subscriptions.retrieve_async(subscription_id))
        items: Any = [{"id": item.id, "deleted": True} for item in sub["items"].data]
        items.append({"price": price_id})
        params: Any = {"items": items, "metadata": {"plan": tier}, "proration_behavior": "none"}
        changed = await call(
            lambda: self.v1.subscriptions.update_async(subscription_id, params=params)
        )
        return _subscription(changed)

    async def cancel_subscription(self, subscription_id: str) -> None:
        try:
            await call(lambda: self.v1.subscriptions.cancel_async(subscription_id))
        except StripeRefused:
            # A cancel carries no idempotency key: its repeat after a lost answer is refused
            # because the subscription is canceled already, which is what was asked.
            sub = await call(lambda: self.v1.subscriptions.retrieve_async(subscription_id))
            if sub.status != "canceled":
                raise

    async def send_meter_event(
        self, identifier: UUID, customer_id: str, value: int, timestamp: datetime
    ) -> None:
        params: Any = {
            "event_name": METER_EVENT_NAME,
            "payload": {"stripe_customer_id": customer_id, "value": str(value)},
            "identifier": str(identifier),
            "timestamp": int(timestamp.timestamp()),
        }
        options: Any = {"idempotency_key": f"cypheredge-meter-{identifier}"}
        try:
            await call(lambda: self.v1.billing.meter_events.create_async(params, options))
        except StripeRefused as exc:
            cause = exc.__cause__
            if isinstance(cause, stripe.StripeError) and is_duplicate_identifier(cause):
                return  # recorded by an earlier attempt whose answer we never had
            raise

    async def metered_total(self, customer_id: str, start: datetime, end: datetime) -> int:
        meter = await self.meter_id()
        params: Any = {
            "customer": customer_id,
            "start_time": int(start.timestamp()),
            "end_time": int(end.timestamp()),
        }
        page = await call(lambda: self.v1.billing.meters.event_summaries.list_async(meter, params))
        total = 0.0
        async for summary in page.auto_paging_iter():
            total += float(summary.aggregated_value)
        return round(total)

    async def meter_id(self) -> str:
        if self._meter is None:
            meters = await call(lambda: self.v1.billing.meters.list_async(params={"limit": 100}))
            found = [
                m.id async for m in meters.auto_paging_iter() if m.event_name == METER_EVENT_NAME
            ]
            if not found:
                raise StripeRefused(
                    f"Stripe has no meter {METER_EVENT_NAME!r}: run `cypheredge admin stripe-setup`"
                )
            self._meter = found[0]
        return self._meter


def _subscription(obj: Any) -> StripeSubscription:
    # Recent API versions keep the period on each item rather than on the subscription.
    raw = obj.to_dict()
    end = raw.get("current_period_end")
    items = (raw.get("items") or {}).get("data") or []
    if end is None and items:
        end = items[0].get("current_period_end")
    return StripeSubscription(
        id=raw["id"],
        status=raw["status"],
        current_period_end=datetime.fromtimestamp(end, UTC) if end else None,
    )
