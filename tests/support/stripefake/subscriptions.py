"""Subscriptions and their items: ``/v1/subscriptions``.

Shapes follow API 2026-10-28: the billing period lives on each item
(``items.data[].current_period_start/end``); since 2025-03-31 the subscription itself has no
``current_period_*``, so a caller reading them there would fail against Stripe and fails here.
Stored items hold price ids; ``render_subscription`` puts the price objects in, as Stripe
shows them (with their current ``lookup_key``).
"""

from __future__ import annotations

import calendar
import copy
from datetime import UTC, datetime
from typing import Any

from stripefake import forms
from stripefake.catalog import live_customer
from stripefake.errors import invalid, no_such
from stripefake.store import JSON, Store, expand, page, price_view

STATUSES = {
    "incomplete",
    "incomplete_expired",
    "trialing",
    "active",
    "past_due",
    "canceled",
    "unpaid",
    "paused",
}
_COMMON = {"metadata", "proration_behavior", "description", "default_payment_method"}
_CREATE = _COMMON | {
    "customer",
    "items",
    "billing_cycle_anchor",
    "billing_cycle_anchor_config",
    "collection_method",
    "days_until_due",
    "payment_behavior",
    "cancel_at_period_end",
}
_UPDATE = _COMMON | {"items", "cancel_at_period_end", "payment_behavior", "cancellation_details"}


def render_subscription(store: Store, sub: JSON) -> JSON:
    view = copy.deepcopy(sub)
    items = []
    for item in view["items"]:
        item["price"] = price_view(store.prices[item["price"]])
        if item["price"]["recurring"]["usage_type"] == "metered":
            item.pop("quantity", None)  # a metered item has no quantity
        items.append(item)
    view["items"] = {
        "object": "list",
        "data": items,
        "has_more": False,
        "total_count": len(items),
        "url": f"/v1/subscription_items?subscription={sub['id']}",
    }
    return view


def create_subscription(store: Store, params: JSON) -> JSON:
    forms.check_known(params, _CREATE)
    customer_id = forms.required_text(params, "customer")
    live_customer(store, customer_id, "customer", status=400)
    raw_items = forms.sequence(params, "items")
    if not raw_items:
        raise invalid("Missing required param: items.", "items", "parameter_missing")
    now = store.now()
    sub_id = store.new_id("sub")
    items = [_new_item(store, sub_id, raw, i, now) for i, raw in enumerate(raw_items)]
    currency, interval = _check_items(store, items)
    anchor_config = _anchor_config(params)
    anchor = _first_anchor(now, interval, anchor_config)
    for item in items:
        item["current_period_start"], item["current_period_end"] = now, anchor
    sub: JSON = {
        "id": sub_id,
        "object": "subscription",
        "application": None,
        "automatic_tax": {"enabled": False, "liability": None},
        "billing_cycle_anchor": anchor,
        "billing_cycle_anchor_config": anchor_config,
        "cancel_at": None,
        "cancel_at_period_end": False,
        "canceled_at": None,
        "cancellation_details": {"comment": None, "feedback": None, "reason": None},
        "collection_method": forms.text(params, "collection_method") or "charge_automatically",
        "created": now,
        "currency": currency,
        "customer": customer_id,
        "days_until_due": forms.integer(params, "days_until_due"),
        "default_payment_method": forms.text(params, "default_payment_method"),
        "description": forms.text(params, "description"),
        "discounts": [],
        "ended_at": None,
        "items": items,
        "latest_invoice": None,
        "livemode": False,
        "metadata": forms.metadata_of(params),
        "pause_collection": None,
        "pending_update": None,
        "schedule": None,
        "start_date": now,
        "status": "active",
        "test_clock": None,
        "trial_end": None,
        "trial_start": None,
    }
    _set_cancel_at_period_end(sub, forms.boolean(params, "cancel_at_period_end"))
    store.subscriptions[sub_id] = sub
    return expand(store, render_subscription(store, sub), params)


def _new_item(store: Store, sub_id: str, raw: Any, index: int, now: int) -> JSON:
    if not isinstance(raw, dict):
        raise invalid("Invalid subscription item.", f"items[{index}]")
    forms.check_known(raw, {"price", "quantity", "metadata"})
    return {
        "id": store.new_id("si"),
        "object": "subscription_item",
        "created": now,
        "current_period_end": None,
        "current_period_start": None,
        "discounts": [],
        "metadata": forms.metadata_of(raw),
        "price": _item_price(store, raw, index),
        "quantity": forms.integer(raw, "quantity", param=f"items[{index}][quantity]") or 1,
        "subscription": sub_id,
        "tax_rates": [],
    }


def _item_price(store: Store, raw: JSON, index: int) -> str:
    """``items[i][price]``: an existing recurring price (400 naming the parameter if not)."""
    param = f"items[{index}][price]"
    price_id = forms.text(raw, "price")
    if price_id is None:
        raise invalid(f"Missing required param: {param}.", param, "parameter_missing")
    price = store.prices.get(price_id)
    if price is None:
        raise no_such("price", price_id, param, status=400)
    if price["recurring"] is None:
        raise invalid(
            "The price specified is set to `type=one_time` but this field only accepts prices "
            "with `type=recurring`.",
            param,
        )
    return price_id


def _check_items(store: Store, items: list[JSON]) -> tuple[str, tuple[str, int]]:
    """Stripe's rules for one subscription: one currency, one billing interval, each price
    once. Returns the currency and the (interval, interval_count)."""
    prices = [store.prices[i["price"]] for i in items]
    if len({p["id"] for p in prices}) != len(prices):
        raise invalid("Cannot add multiple subscription items with the same price.", "items")
    if len({p["currency"] for p in prices}) > 1:
        raise invalid("All prices on a subscription must have the same currency.", "items")
    intervals = {(p["recurring"]["interval"], p["recurring"]["interval_count"]) for p in prices}
    if len(intervals) > 1:
        raise invalid("All prices on a subscription must have the same interval.", "items")
    return prices[0]["currency"], intervals.pop()


def _anchor_config(params: JSON) -> JSON | None:
    raw = forms.mapping(params, "billing_cycle_anchor_config")
    if not raw:
        return None
    forms.check_known(raw, {"day_of_month", "hour", "minute", "month", "second"})
    day = forms.integer(raw, "day_of_month", param="billing_cycle_anchor_config[day_of_month]")
    if day is None or not 1 <= day <= 31:
        raise invalid(
            "day_of_month must be between 1 and 31.", "billing_cycle_anchor_config[day_of_month]"
        )
    fields = ("hour", "minute", "month", "second")
    return {"day_of_month": day, **{f: forms.integer(raw, f) for f in fields}}


def _first_anchor(now: int, interval: tuple[str, int], config: JSON | None) -> int:
    """End of the first period: one interval from now, or, with a configured anchor, the next
    ``day_of_month`` (clamped to short months) at the start's time of day."""
    if config is None:
        return add_interval(now, *interval)
    start = datetime.fromtimestamp(now, UTC)
    day = config["day_of_month"]
    candidate = _on_day(start, start.year, start.month, day)
    if candidate <= start:
        year, month = divmod(start.month, 12)
        candidate = _on_day(start, start.year + year, month + 1, day)
    return int(candidate.timestamp())


def _on_day(at: datetime, year: int, month: int, day: int) -> datetime:
    return at.replace(year=year, month=month, day=min(day, calendar.monthrange(year, month)[1]))


def add_interval(ts: int, interval: str, count: int) -> int:
    if interval in ("day", "week"):
        return ts + count * (7 if interval == "week" else 1) * 86400
    at = datetime.fromtimestamp(ts, UTC)
    months = at.month - 1 + count * (12 if interval == "year" else 1)
    return int(_on_day(at, at.year + months // 12, months % 12 + 1, at.day).timestamp())


def live_subscription(store: Store, sub_id: str) -> JSON:
    if sub_id not in store.subscriptions:
        raise no_such("subscription", sub_id)
    return store.subscriptions[sub_id]


def retrieve_subscription(store: Store, params: JSON, sub_id: str) -> JSON:
    forms.check_known(params, set())
    return expand(store, render_subscription(store, live_subscription(store, sub_id)), params)


def update_subscription(store: Store, params: JSON, sub_id: str) -> JSON:
    forms.check_known(params, _UPDATE)
    sub = live_subscription(store, sub_id)
    if sub["status"] == "canceled" and set(params) - {"metadata", "cancellation_details", "expand"}:
        raise invalid(
            "A canceled subscription can only update its cancellation_details and metadata."
        )
    if "items" in params:
        items = _updated_items(store, sub, forms.sequence(params, "items"))
        _check_items(store, items)  # validated in full before anything changes
        sub["items"] = items
    sub["metadata"] = forms.merge_metadata(sub["metadata"], params)
    _set_cancel_at_period_end(sub, forms.boolean(params, "cancel_at_period_end"))
    for field in ("description", "default_payment_method"):
        if field in params:
            sub[field] = forms.text(params, field) or None
    return expand(store, render_subscription(store, sub), params)


def _updated_items(store: Store, sub: JSON, changes: list[Any]) -> list[JSON]:
    items = {i["id"]: copy.deepcopy(i) for i in sub["items"]}
    now = store.now()
    period = sub["items"][0]["current_period_start"], sub["items"][0]["current_period_end"]
    for index, raw in enumerate(changes):
        if not isinstance(raw, dict) or "id" not in raw:
            item = _new_item(store, sub["id"], raw, index, now)
            item["current_period_start"], item["current_period_end"] = period
            items[item["id"]] = item
            continue
        forms.check_known(raw, {"id", "price", "quantity", "metadata", "deleted", "clear_usage"})
        item_id = forms.required_text(raw, "id")
        if item_id not in items:
            raise no_such("subscription item", item_id, f"items[{index}][id]", status=400)
        if forms.boolean(raw, "deleted"):
            del items[item_id]
            continue
        if "price" in raw:
            items[item_id]["price"] = _item_price(store, raw, index)
        quantity = forms.integer(raw, "quantity", param=f"items[{index}][quantity]")
        if quantity is not None:
            items[item_id]["quantity"] = quantity
        items[item_id]["metadata"] = forms.merge_metadata(items[item_id]["metadata"], raw)
    if not items:
        raise invalid("A subscription must have at least one item.", "items")
    return list(items.values())


def _set_cancel_at_period_end(sub: JSON, value: bool | None) -> None:
    if value is None:
        return
    sub["cancel_at_period_end"] = value
    sub["cancel_at"] = sub["items"][0]["current_period_end"] if value else None
    sub["cancellation_details"]["reason"] = "cancellation_requested" if value else None


def cancel_subscription(store: Store, params: JSON, sub_id: str) -> JSON:
    forms.check_known(params, {"invoice_now", "prorate", "cancellation_details"})
    sub = live_subscription(store, sub_id)
    if sub["status"] == "canceled":
        # What Stripe answers here is not documented; a 400 tells a retrying caller it is done.
        raise invalid(f"Subscription {sub_id} has already been canceled.", "id")
    mark_canceled(store, sub)
    details = forms.mapping(params, "cancellation_details")
    for field in ("comment", "feedback"):
        if field in details:
            sub["cancellation_details"][field] = forms.text(details, field)
    return expand(store, render_subscription(store, sub), params)


def mark_canceled(store: Store, sub: JSON) -> None:
    now = store.now()
    sub.update(status="canceled", canceled_at=now, ended_at=now, cancel_at=None)
    sub["cancellation_details"]["reason"] = "cancellation_requested"


def list_subscriptions(store: Store, params: JSON) -> JSON:
    forms.check_known(
        params, {"customer", "status", "price", "limit", "starting_after", "ending_before"}
    )
    customer, price = forms.text(params, "customer"), forms.text(params, "price")
    status = forms.text(params, "status")
    if status is not None and status not in STATUSES | {"all", "ended"}:
        raise invalid(f"Invalid status: {status}", "status")
    found = [
        render_subscription(store, s)
        for s in reversed(store.subscriptions.values())
        if (customer is None or s["customer"] == customer)
        and (price is None or any(i["price"] == price for i in s["items"]))
        and _status_matches(s["status"], status)
    ]
    return expand(store, page(found, params, "/v1/subscriptions"), params)


def _status_matches(actual: str, wanted: str | None) -> bool:
    """Stripe lists every status but ``canceled`` unless asked: ``all``, ``ended``, or one."""
    if wanted is None:
        return actual != "canceled"
    if wanted == "all":
        return True
    if wanted == "ended":
        return actual in ("canceled", "incomplete_expired")
    return actual == wanted
