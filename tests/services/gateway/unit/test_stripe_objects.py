"""The summary of a Stripe event's object that billing gets (pure)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

import pytest

from cypheredge.gateway.domain.stripe_objects import parse_event, summarize


def _event(obj: Any, **extra: Any) -> dict[str, Any]:
    return {
        "id": "evt_1",
        "type": "x.y",
        "created": 1_700_000_000,
        "data": {"object": obj},
        **extra,
    }


def test_a_subscription_with_items_expanded_customer_and_period_on_the_object() -> None:
    summary = summarize(
        {
            "id": "sub_1",
            "object": "subscription",
            "customer": {"id": "cus_1", "object": "customer"},
            "status": "active",
            "current_period_end": 1_800_000_000,
            "metadata": {"org_id": "o", "n": 3},
            "items": {
                "data": [
                    {"price": {"lookup_key": "cypheredge_pro_pages"}},
                    {"price": {"lookup_key": None}},
                    {"price": "price_unexpanded"},
                    "junk",
                ]
            },
        }
    )
    assert (summary.id, summary.object, summary.customer) == ("sub_1", "subscription", "cus_1")
    assert summary.price_lookup_keys == ("cypheredge_pro_pages",)
    assert summary.metadata == {"org_id": "o"}  # Stripe's metadata values are strings
    assert summary.current_period_end == datetime.fromtimestamp(1_800_000_000, UTC)


def test_the_period_end_from_the_first_item_and_an_invoices_subscription() -> None:
    item = {"price": {"lookup_key": "k"}, "current_period_end": 1_900_000_000}
    assert summarize(
        {"id": "s", "object": "subscription", "items": {"data": [item]}}
    ).current_period_end == (datetime.fromtimestamp(1_900_000_000, UTC))
    invoice = summarize(
        {
            "id": "in_1",
            "object": "invoice",
            "customer": "cus_2",
            "parent": {"subscription_details": {"subscription": "sub_9"}},
        }
    )
    assert (invoice.customer, invoice.subscription) == ("cus_2", "sub_9")
    assert (
        summarize({"id": "in_2", "object": "invoice", "subscription": "sub_3"}).subscription
        == "sub_3"
    )


def test_a_customer_is_its_own_customer() -> None:
    assert summarize({"id": "cus_7", "object": "customer"}).customer == "cus_7"


def test_the_org_hint_is_a_uuid_or_nothing() -> None:
    org = uuid4()
    hinted = parse_event(
        _event({"id": "c", "object": "customer", "metadata": {"org_id": str(org)}})
    )
    assert hinted.org_hint == org
    assert (
        parse_event(
            _event({"id": "c", "object": "customer", "metadata": {"org_id": "acme"}})
        ).org_hint
        is None
    )
    event = parse_event(_event({"id": "c", "object": "customer"}, livemode=True))
    assert (event.org_hint, event.livemode) == (None, True)
    assert event.created == datetime.fromtimestamp(1_700_000_000, UTC)
    received = event.received()
    assert (received.stripe_event_id, received.stripe_type) == ("evt_1", "x.y")


@pytest.mark.parametrize(
    "body",
    [
        [],
        {"type": "x", "created": 1, "data": {"object": {}}},
        {"id": "evt", "created": 1, "data": {"object": {}}},
        {"id": "evt", "type": "x", "created": "yesterday", "data": {"object": {}}},
        {"id": "evt", "type": "x", "created": True, "data": {"object": {}}},
        {"id": "evt", "type": "x", "created": 1, "data": {}},
        {"id": "evt", "type": "x", "created": 1, "data": "object"},
    ],
)
def test_a_body_that_is_not_an_event_is_refused(body: Any) -> None:
    with pytest.raises(ValueError, match=r"event|JSON object"):
        parse_event(body)
