"""Billing meters, meter events and event summaries: ``/v1/billing/...``.

Stripe accepts a meter event and validates some of it later, reporting failures
asynchronously (``v1.billing.meter.error_report_triggered``). This fake refuses at once what
it can check (no meter for the event name, unknown customer, a value that is not a number,
a timestamp out of range) so a test sees the mistake where it was made.
"""

from __future__ import annotations

import copy
import hashlib
import uuid
from decimal import Decimal
from typing import Any

from stripefake import forms
from stripefake.catalog import live_customer
from stripefake.errors import invalid, no_such
from stripefake.store import JSON, Store, expand, number, page

PAST_LIMIT_S = 35 * 86400  # "within the past 35 calendar days"
FUTURE_LIMIT_S = 5 * 60  # "or up to 5 minutes in the future" (clock drift)
_WINDOWS = {"hour": 3600, "day": 86400}


def create_meter(store: Store, params: JSON) -> JSON:
    known = {"display_name", "event_name", "default_aggregation", "customer_mapping"}
    forms.check_known(params, known | {"value_settings", "event_time_window"})
    event_name = forms.required_text(params, "event_name")
    if any(
        m["event_name"] == event_name and m["status"] == "active" for m in store.meters.values()
    ):
        raise invalid(
            f"An active meter with event_name `{event_name}` already exists.", "event_name"
        )
    formula = forms.text(forms.mapping(params, "default_aggregation"), "formula")
    if formula not in ("sum", "count", "last"):
        raise invalid(
            "default_aggregation[formula] must be sum, count or last.",
            "default_aggregation[formula]",
        )
    mapping = forms.mapping(params, "customer_mapping")
    if forms.text(mapping, "type") not in (None, "by_id"):
        raise invalid("customer_mapping[type] must be by_id.", "customer_mapping[type]")
    value_settings = forms.mapping(params, "value_settings")
    now = store.now()
    meter: JSON = {
        "id": store.new_id("mtr"),
        "object": "billing.meter",
        "created": now,
        "customer_mapping": {
            "event_payload_key": forms.text(mapping, "event_payload_key") or "stripe_customer_id",
            "type": "by_id",
        },
        "default_aggregation": {"formula": formula},
        "display_name": forms.required_text(params, "display_name"),
        "event_name": event_name,
        "event_time_window": forms.text(params, "event_time_window"),
        "livemode": False,
        "status": "active",
        "status_transitions": {"deactivated_at": None},
        "updated": now,
        "value_settings": {
            "event_payload_key": forms.text(value_settings, "event_payload_key") or "value"
        },
    }
    store.meters[meter["id"]] = meter
    return expand(store, copy.deepcopy(meter), params)


def retrieve_meter(store: Store, params: JSON, meter_id: str) -> JSON:
    forms.check_known(params, set())
    if meter_id not in store.meters:
        raise no_such("billing.meter", meter_id)
    return expand(store, copy.deepcopy(store.meters[meter_id]), params)


def list_meters(store: Store, params: JSON) -> JSON:
    forms.check_known(params, {"status", "limit", "starting_after", "ending_before"})
    status = forms.text(params, "status")
    found = [
        copy.deepcopy(m)
        for m in reversed(store.meters.values())
        if status is None or m["status"] == status
    ]
    return expand(store, page(found, params, "/v1/billing/meters"), params)


def create_meter_event(store: Store, params: JSON) -> JSON:
    forms.check_known(params, {"event_name", "payload", "identifier", "timestamp"})
    event_name = forms.required_text(params, "event_name")
    meter = next(
        (
            m
            for m in store.meters.values()
            if m["event_name"] == event_name and m["status"] == "active"
        ),
        None,
    )
    if meter is None:
        raise invalid(f"No active meter was found for event_name `{event_name}`.", "event_name")
    now = store.now()
    timestamp = forms.integer(params, "timestamp")
    timestamp = now if timestamp is None else timestamp
    if not now - PAST_LIMIT_S <= timestamp <= now + FUTURE_LIMIT_S:
        raise invalid(
            "Timestamp must be within the past 35 calendar days and no more than 5 minutes "
            f"in the future (got {timestamp}, now {now}).",
            "timestamp",
        )
    payload = forms.mapping(params, "payload")
    if not payload:
        raise invalid("Missing required param: payload.", "payload", "parameter_missing")
    customer_id, value = _customer_and_value(store, meter, payload)
    identifier = forms.text(params, "identifier") or str(uuid.uuid4())
    _claim_identifier(store, identifier)
    event: JSON = {
        "object": "billing.meter_event",
        "created": now,
        "event_name": event_name,
        "identifier": identifier,
        "livemode": False,
        "payload": copy.deepcopy(payload),
        "timestamp": timestamp,
    }
    store.meter_events.append(event)
    store.event_values.append((meter["id"], customer_id, timestamp, value))
    return copy.deepcopy(event)


def _customer_and_value(store: Store, meter: JSON, payload: dict[str, Any]) -> tuple[str, Decimal]:
    customer_key = meter["customer_mapping"]["event_payload_key"]
    customer_param = f"payload[{customer_key}]"
    customer_id = forms.text(payload, customer_key, required=True)
    assert customer_id is not None
    live_customer(store, customer_id, customer_param, status=400)
    value_key = meter["value_settings"]["event_payload_key"]
    if meter["default_aggregation"]["formula"] == "count" and value_key not in payload:
        return customer_id, Decimal(1)
    if value_key not in payload:
        raise invalid(f"Missing required param: payload[{value_key}].", f"payload[{value_key}]")
    value = forms.decimal(payload, value_key, param=f"payload[{value_key}]")
    if value is None:
        raise invalid(f"payload[{value_key}] must be a number.", f"payload[{value_key}]")
    return customer_id, value


def _claim_identifier(store: Store, identifier: str) -> None:
    """A second event with an identifier already seen is refused, not dropped.

    Observed from Stripe (langfuse/langfuse#16292): ``400 invalid_request_error``, message
    "An event already exists with identifier <identifier>.", header
    ``Stripe-Should-Retry: false``. No error ``code`` was reported there, so none is sent here:
    a caller has to recognise the duplicate by status, type and message, as it must with
    Stripe. Stripe enforces uniqueness over a rolling 24 hours at least; the fake for its
    whole life.
    """
    if identifier in store.identifiers:
        error = invalid(f"An event already exists with identifier {identifier}.", "identifier")
        error.headers["Stripe-Should-Retry"] = "false"
        raise error
    store.identifiers.add(identifier)


def list_event_summaries(store: Store, params: JSON, meter_id: str) -> JSON:
    known = {"customer", "start_time", "end_time", "value_grouping_window"}
    forms.check_known(params, known | {"limit", "starting_after", "ending_before"})
    if meter_id not in store.meters:
        raise no_such("billing.meter", meter_id)
    meter = store.meters[meter_id]
    customer_id = forms.required_text(params, "customer")
    live_customer(store, customer_id, "customer", status=400)
    start, end, step = _window(params)
    summaries: list[JSON] = []
    for lo in range(start, end, step):
        hi = min(lo + step, end)
        values = [
            (ts, v)
            for m, c, ts, v in store.event_values
            if m == meter_id and c == customer_id and lo <= ts < hi
        ]
        if values or step == end - start:  # grouped windows without events are left out
            summaries.append(_summary(meter, customer_id, lo, hi, values))
    summaries.reverse()  # newest window first, as Stripe lists them
    url = f"/v1/billing/meters/{meter_id}/event_summaries"
    return expand(store, page(summaries, params, url), params)


def _window(params: JSON) -> tuple[int, int, int]:
    start, end = forms.integer(params, "start_time"), forms.integer(params, "end_time")
    if start is None or end is None:
        missing = "start_time" if start is None else "end_time"
        raise invalid(f"Missing required param: {missing}.", missing, "parameter_missing")
    if start >= end:
        raise invalid("start_time must be before end_time.", "start_time")
    grouping = forms.text(params, "value_grouping_window")
    if grouping is not None and grouping not in _WINDOWS:
        raise invalid("value_grouping_window must be hour or day.", "value_grouping_window")
    align = _WINDOWS[grouping] if grouping else 60  # minutes, or the grouping's boundaries
    for name, ts in (("start_time", start), ("end_time", end)):
        if ts % align:
            unit = grouping or "minute"
            raise invalid(f"{name} must be aligned with {unit} boundaries.", name)
    return start, end, _WINDOWS[grouping] if grouping else end - start


def _summary(
    meter: JSON, customer_id: str, lo: int, hi: int, values: list[tuple[int, Decimal]]
) -> JSON:
    formula = meter["default_aggregation"]["formula"]
    if formula == "count":
        total = Decimal(len(values))
    elif formula == "last":
        # sorted() is stable: of events with the same timestamp the last received wins.
        total = sorted(values, key=lambda tv: tv[0])[-1][1] if values else Decimal(0)
    else:
        total = sum((v for _, v in values), Decimal(0))
    key = f"{meter['id']}:{customer_id}:{lo}:{hi}".encode()
    return {
        "id": "mtrusg_" + hashlib.sha256(key).hexdigest()[:32],  # stable, so pages can resume
        "object": "billing.meter_event_summary",
        "aggregated_value": number(total),
        "end_time": hi,
        "livemode": False,
        "meter": meter["id"],
        "start_time": lo,
    }
