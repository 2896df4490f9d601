"""The local Stripe fake, driven over real HTTP by the real ``stripe`` client."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any, cast

import pytest
import stripe
from stripefake import FakeStripe, event_payload, signature_header

NOW = 1_796_000_400  # a fixed clock, on an hour boundary: windows and limits are exact
HOUR = 3600
DAY = 86400


@pytest.fixture
def fake() -> Iterator[FakeStripe]:
    with FakeStripe(clock=lambda: NOW) as running:
        yield running


@pytest.fixture
def client(fake: FakeStripe) -> stripe.StripeClient:
    return fake.client()


@pytest.fixture
def fast_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """The client sleeps at least INITIAL_DELAY (0.5 s) between tries; keep the file fast."""
    monkeypatch.setattr(stripe.HTTPClient, "INITIAL_DELAY", 0.001)


def _meter(client: stripe.StripeClient, event_name: str = "pages") -> stripe.billing.Meter:
    return client.v1.billing.meters.create(
        params={
            "display_name": "Pages",
            "event_name": event_name,
            "default_aggregation": {"formula": "sum"},
            "customer_mapping": {"event_payload_key": "stripe_customer_id", "type": "by_id"},
            "value_settings": {"event_payload_key": "value"},
        }
    )


def _metered_price(
    client: stripe.StripeClient, meter_id: str, lookup_key: str = "pro_pages"
) -> stripe.Price:
    product = client.v1.products.create(params={"name": "Pro"})
    return client.v1.prices.create(
        params={
            "product": product.id,
            "currency": "usd",
            "lookup_key": lookup_key,
            "recurring": {"interval": "month", "usage_type": "metered", "meter": meter_id},
            "unit_amount_decimal": Decimal("1.5"),
        }
    )


def _product_of(price: stripe.Price) -> str:
    return price.product if isinstance(price.product, str) else price.product.id


def _event(
    client: stripe.StripeClient, customer: str, value: Any, **extra: Any
) -> stripe.billing.MeterEvent:
    params: dict[str, Any] = {
        "event_name": "pages",
        "payload": {"stripe_customer_id": customer, "value": str(value)},
        **extra,
    }
    return client.v1.billing.meter_events.create(params=params)  # type: ignore[arg-type]


def test_nested_parameters_arrive_as_dicts_and_lists(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    customer = client.v1.customers.create(params={"metadata": {"org_id": "org-1"}})
    product = client.v1.products.create(params={"name": "Pages"})
    price = client.v1.prices.create(
        params={
            "product": product.id,
            "currency": "usd",
            "recurring": {"interval": "month"},
            "billing_scheme": "tiered",
            "tiers_mode": "graduated",
            "tiers": [
                {"up_to": 100, "unit_amount_decimal": Decimal("0")},
                {"up_to": "inf", "unit_amount_decimal": Decimal("2.5"), "flat_amount": 100},
            ],
        }
    )
    sub = client.v1.subscriptions.create(
        params={"customer": customer.id, "items": [{"price": price.id}], "metadata": {"a": "b"}}
    )

    assert customer.to_dict()["metadata"] == {"org_id": "org-1"}
    sent = {r.path: r.params for r in fake.requests}
    assert sent["/v1/customers"]["metadata"] == {"org_id": "org-1"}
    assert sent["/v1/prices"]["recurring"] == {"interval": "month"}
    assert sent["/v1/prices"]["tiers"] == [
        {"up_to": "100", "unit_amount_decimal": "0"},
        {"up_to": "inf", "unit_amount_decimal": "2.5", "flat_amount": "100"},
    ]
    assert sent["/v1/subscriptions"]["items"] == [{"price": price.id}]
    assert "tiers" not in price  # an includable field: only with expand, as in Stripe
    expanded = client.v1.prices.retrieve(price.id, params={"expand": ["tiers"]})
    assert expanded.tiers is not None
    assert [(t.up_to, t.unit_amount_decimal, t.flat_amount) for t in expanded.tiers] == [
        (100, Decimal("0"), None),
        (None, Decimal("2.5"), 100),
    ]
    assert sub["items"].data[0].price.id == price.id
    assert sub.to_dict()["metadata"] == {"a": "b"}


def test_prices_filter_by_lookup_keys_in_both_array_forms(client: stripe.StripeClient) -> None:
    meter = _meter(client)
    pro = _metered_price(client, meter.id, "pro")
    _metered_price(client, meter.id, "starter")
    retired = client.v1.prices.create(
        params={"product": _product_of(pro), "currency": "usd", "unit_amount": 0, "active": False}
    )

    indexed = client.v1.prices.list(params={"lookup_keys": ["pro"]})
    # "lookup_keys[]=pro": the client never writes this form, so the URL carries it as is.
    bracketed = client.deserialize(
        client.raw_request("get", "/v1/prices?lookup_keys[]=pro"), api_mode="V1"
    )
    inactive = client.v1.prices.list(params={"active": False})

    assert [p.id for p in indexed.data] == [pro.id]
    assert [p["id"] for p in bracketed["data"]] == [pro.id]
    assert [p.id for p in inactive.data] == [retired.id]


def test_a_lookup_key_moves_only_when_transferred(client: stripe.StripeClient) -> None:
    meter = _meter(client)
    old = _metered_price(client, meter.id, "pro")
    with pytest.raises(stripe.InvalidRequestError) as refused:
        _metered_price(client, meter.id, "pro")
    assert refused.value.param == "lookup_key"

    product = client.v1.products.create(params={"name": "Pro v2"})
    new = client.v1.prices.create(
        params={
            "product": product.id,
            "currency": "usd",
            "unit_amount": 900,
            "recurring": {"interval": "month"},
            "lookup_key": "pro",
            "transfer_lookup_key": True,
        }
    )
    assert client.v1.prices.retrieve(old.id).lookup_key is None
    assert [p.id for p in client.v1.prices.list(params={"lookup_keys": ["pro"]}).data] == [new.id]


def test_customers_update_merges_metadata_and_delete_leaves_a_stub(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    customer = client.v1.customers.create(
        params={"email": "a@example.com", "metadata": {"org_id": "o1", "plan": "free"}}
    )
    updated = client.v1.customers.update(
        customer.id, params={"name": "Acme", "metadata": {"plan": "pro", "org_id": ""}}
    )
    listed = client.v1.customers.list(params={"email": "a@example.com"})
    deleted = client.v1.customers.delete(customer.id)

    assert updated.name == "Acme"
    assert updated.to_dict()["metadata"] == {"plan": "pro"}
    assert [c.id for c in listed.data] == [customer.id]
    assert deleted.to_dict() == {"id": customer.id, "object": "customer", "deleted": True}
    assert fake.customers[customer.id]["deleted"] is True
    with pytest.raises(stripe.InvalidRequestError) as gone:
        client.v1.customers.update(customer.id, params={"name": "x"})
    assert gone.value.http_status == 404


def test_an_unknown_parameter_is_refused(client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.InvalidRequestError) as refused:
        client.v1.customers.create(params=cast(Any, {"emial": "typo@example.com"}))
    assert (refused.value.http_status, refused.value.param) == (400, "emial")


def test_an_idempotency_key_replays_the_first_answer(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    options: stripe.RequestOptions = {"idempotency_key": "create-org-1"}
    first = client.v1.customers.create(params={"email": "a@example.com"}, options=options)
    again = client.v1.customers.create(params={"email": "a@example.com"}, options=options)

    assert again.id == first.id
    assert len(fake.customers) == 1
    assert again.last_response is not None
    assert again.last_response.headers["Idempotent-Replayed"] == "true"
    assert [r.replayed for r in fake.requests] == [False, True]


def test_an_idempotency_key_reused_with_other_parameters_is_refused(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    options: stripe.RequestOptions = {"idempotency_key": "create-org-1"}
    client.v1.customers.create(params={"email": "a@example.com"}, options=options)
    with pytest.raises(stripe.IdempotencyError) as refused:
        client.v1.customers.create(params={"email": "b@example.com"}, options=options)
    assert refused.value.http_status == 400
    assert len(fake.customers) == 1


def test_a_key_in_flight_is_not_run_twice(fake: FakeStripe, client: stripe.StripeClient) -> None:
    options: stripe.RequestOptions = {"idempotency_key": "k-concurrent"}
    hold = fake.hold_next("POST", "/v1/customers")
    with ThreadPoolExecutor(max_workers=1) as pool:
        first = pool.submit(client.v1.customers.create, params={}, options=options)
        assert hold.arrived.wait(timeout=5)
        with pytest.raises(stripe.APIError) as racing:
            client.v1.customers.create(params={}, options=options)
        hold.release()
        created = first.result(timeout=5)

    assert racing.value.http_status == 409
    body = cast(dict[str, Any], racing.value.json_body)
    assert body["error"]["code"] == "idempotency_key_in_use"
    assert list(fake.customers) == [created.id]


def test_a_request_without_the_key_gets_401(fake: FakeStripe) -> None:
    wrong = stripe.StripeClient("sk_test_wrong", base_addresses={"api": fake.url})
    with pytest.raises(stripe.AuthenticationError) as refused:
        wrong.v1.customers.list()
    assert refused.value.http_status == 401

    # No Authorization header at all (the client refuses to send one without a key).
    with pytest.raises(urllib.error.HTTPError) as bare:
        urllib.request.urlopen(f"{fake.url}/v1/customers", timeout=5)  # noqa: S310 (local http)
    assert bare.value.code == 401
    assert bare.value.headers["Request-Id"].startswith("req_")
    assert json.loads(bare.value.read())["error"]["type"] == "invalid_request_error"


def test_injected_429_and_500_surface_as_the_clients_errors(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    fake.fail_next("POST", "/v1/billing/meter_events", 429)
    fake.fail_next("GET", "/v1/customers", 500)
    with pytest.raises(stripe.RateLimitError):
        client.v1.billing.meter_events.create(
            params={"event_name": "pages", "payload": {"stripe_customer_id": "cus_x"}}
        )
    with pytest.raises(stripe.APIError) as server_error:
        client.v1.customers.list()
    assert server_error.value.http_status == 500
    assert client.v1.customers.list().data == []  # each fault answers `times` requests only


@pytest.mark.usefixtures("fast_retries")
def test_the_clients_retry_succeeds_after_one_injected_500(fake: FakeStripe) -> None:
    fake.fail_next("POST", "/v1/customers", 500)
    customer = fake.client(max_network_retries=2).v1.customers.create(params={"name": "Acme"})

    assert list(fake.customers) == [customer.id]
    assert [r.status for r in fake.requests] == [500, 200]
    assert fake.requests[0].idempotency_key == fake.requests[1].idempotency_key


def test_a_lost_response_still_takes_effect(fake: FakeStripe, client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create()
    _meter(client)
    fake.lose_response_next("POST", "/v1/billing/meter_events")
    with pytest.raises(stripe.APIConnectionError):
        _event(client, customer.id, 3, identifier="batch-1:page-count")

    assert [e["identifier"] for e in fake.meter_events] == ["batch-1:page-count"]
    assert fake.metered_total(customer.id) == 3
    assert fake.requests[-1].lost


@pytest.mark.usefixtures("fast_retries")
def test_a_retry_after_a_lost_response_is_replayed_not_repeated(fake: FakeStripe) -> None:
    retrying = fake.client(max_network_retries=2)
    customer = retrying.v1.customers.create()
    _meter(retrying)
    fake.lose_response_next("POST", "/v1/billing/meter_events")
    event = _event(retrying, customer.id, 3)

    assert fake.metered_total(customer.id) == 3
    assert [e["identifier"] for e in fake.meter_events] == [event.identifier]
    assert fake.requests[-1].replayed


def test_a_duplicate_identifier_is_refused_as_stripe_does(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    customer = client.v1.customers.create()
    _meter(client)
    _event(client, customer.id, 3, identifier="batch-1")
    with pytest.raises(stripe.InvalidRequestError) as duplicate:
        _event(client, customer.id, 3, identifier="batch-1")

    assert duplicate.value.http_status == 400
    assert duplicate.value.user_message == "An event already exists with identifier batch-1."
    assert duplicate.value.headers is not None
    assert duplicate.value.headers["Stripe-Should-Retry"] == "false"
    assert fake.metered_total(customer.id) == 3


def test_meter_event_timestamps_outside_stripes_window_are_refused(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    customer = client.v1.customers.create()
    _meter(client)
    for timestamp in (NOW - 35 * DAY - 1, NOW + 5 * 60 + 1):
        with pytest.raises(stripe.InvalidRequestError) as refused:
            _event(client, customer.id, 1, timestamp=timestamp)
        assert refused.value.param == "timestamp"
        assert "35 calendar days" in str(refused.value.user_message)
    _event(client, customer.id, 1, timestamp=NOW - 35 * DAY)
    _event(client, customer.id, 1, timestamp=NOW + 5 * 60)
    assert fake.metered_total(customer.id) == 2


@pytest.mark.parametrize(
    ("payload", "param"),
    [
        ({"stripe_customer_id": "cus_missing", "value": "1"}, "payload[stripe_customer_id]"),
        ({"stripe_customer_id": "<customer>", "value": "three"}, "payload[value]"),
    ],
)
def test_meter_events_naming_no_customer_or_no_number_are_refused(
    client: stripe.StripeClient, payload: dict[str, str], param: str
) -> None:
    customer = client.v1.customers.create()
    _meter(client)
    payload = {k: v.replace("<customer>", customer.id) for k, v in payload.items()}
    with pytest.raises(stripe.InvalidRequestError) as refused:
        client.v1.billing.meter_events.create(params={"event_name": "pages", "payload": payload})
    assert (refused.value.http_status, refused.value.param) == (400, param)


def test_a_meter_event_for_no_meter_is_refused(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create()
    with pytest.raises(stripe.InvalidRequestError) as refused:
        _event(client, customer.id, 1)
    assert refused.value.param == "event_name"


def test_event_summaries_total_per_customer_and_window(client: stripe.StripeClient) -> None:
    meter = _meter(client)
    alice, bob = client.v1.customers.create(), client.v1.customers.create()
    start = NOW - 2 * HOUR
    _event(client, alice.id, 3, timestamp=start + 10)
    _event(client, alice.id, "4.5", timestamp=start + HOUR + 5)
    _event(client, alice.id, 100, timestamp=NOW)  # the end is exclusive
    _event(client, bob.id, 5, timestamp=start + 20)

    def totals(customer: str, lo: int, hi: int, **extra: str) -> list[tuple[int, Any]]:
        params: dict[str, Any] = {"customer": customer, "start_time": lo, "end_time": hi}
        summaries = client.v1.billing.meters.event_summaries.list(
            meter.id,
            params={**params, **extra},  # type: ignore[typeddict-item]
        )
        return [(s.start_time, s.aggregated_value) for s in summaries.data]

    assert totals(alice.id, start, NOW) == [(start, 7.5)]
    assert totals(alice.id, start, start + HOUR) == [(start, 3)]
    assert totals(bob.id, start, NOW) == [(start, 5)]
    hourly = totals(alice.id, start, NOW, value_grouping_window="hour")
    assert hourly == [(start + HOUR, 4.5), (start, 3)]  # newest window first
    with pytest.raises(stripe.InvalidRequestError) as unaligned:
        totals(alice.id, start + 30, NOW)
    assert unaligned.value.param == "start_time"


def test_a_subscription_from_creation_to_cancellation(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    meter = _meter(client)
    price = _metered_price(client, meter.id)
    customer = client.v1.customers.create()
    sub = client.v1.subscriptions.create(
        params={
            "customer": customer.id,
            "items": [{"price": price.id}],
            "metadata": {"org_id": "o1"},
            "billing_cycle_anchor_config": {"day_of_month": 1},
            "proration_behavior": "none",
        }
    )
    item = sub["items"].data[0]
    assert (sub.status, item.price.lookup_key, sub.to_dict()["metadata"]) == (
        "active",
        "pro_pages",
        {"org_id": "o1"},
    )
    assert item.current_period_start == NOW
    assert item.current_period_end == sub.billing_cycle_anchor > NOW
    assert "current_period_end" not in sub  # on the items only, since API 2025-03-31

    fake.set_subscription_status(sub.id, "past_due")
    assert client.v1.subscriptions.retrieve(sub.id).status == "past_due"
    past_due = client.v1.subscriptions.list(params={"customer": customer.id, "status": "past_due"})
    assert [s.id for s in past_due.data] == [sub.id]

    canceled = client.v1.subscriptions.cancel(sub.id)
    assert (canceled.status, canceled.canceled_at) == ("canceled", NOW)
    assert client.v1.subscriptions.list(params={"customer": customer.id}).data == []
    assert fake.subscriptions[sub.id]["status"] == "canceled"
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.subscriptions.update(sub.id, params={"cancel_at_period_end": True})


def test_a_subscriptions_items_are_replaced_and_added(client: stripe.StripeClient) -> None:
    meter = _meter(client)
    starter = _metered_price(client, meter.id, "starter")
    pro = _metered_price(client, meter.id, "pro")
    seats = client.v1.prices.create(
        params={
            "product": _product_of(pro),
            "currency": "usd",
            "unit_amount": 500,
            "recurring": {"interval": "month"},
        }
    )
    customer = client.v1.customers.create()
    sub = client.v1.subscriptions.create(
        params={"customer": customer.id, "items": [{"price": starter.id}]}
    )
    old_item = sub["items"].data[0].id

    updated = client.v1.subscriptions.update(
        sub.id,
        params={
            "items": [{"id": old_item, "deleted": True}, {"price": pro.id}, {"price": seats.id}],
            "metadata": {"plan": "pro"},
            "cancel_at_period_end": True,
        },
    )
    assert sorted(i.price.id for i in updated["items"].data) == sorted([pro.id, seats.id])
    assert old_item not in {i.id for i in updated["items"].data}
    assert updated.cancel_at_period_end is True
    assert updated.to_dict()["metadata"] == {"plan": "pro"}


def test_a_subscription_needs_an_existing_customer_and_price(client: stripe.StripeClient) -> None:
    customer = client.v1.customers.create()
    with pytest.raises(stripe.InvalidRequestError) as no_customer:
        client.v1.subscriptions.create(
            params={"customer": "cus_missing", "items": [{"price": "price_x"}]}
        )
    with pytest.raises(stripe.InvalidRequestError) as no_price:
        client.v1.subscriptions.create(
            params={"customer": customer.id, "items": [{"price": "price_missing"}]}
        )
    assert no_customer.value.param == "customer"
    assert no_price.value.param == "items[0][price]"


def test_the_subscription_object_goes_into_a_signed_webhook(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    price = _metered_price(client, _meter(client).id)
    customer = client.v1.customers.create()
    sub = client.v1.subscriptions.create(
        params={"customer": customer.id, "items": [{"price": price.id}]}
    )
    payload = event_payload("customer.subscription.updated", fake.subscription_object(sub.id))

    event = stripe.Webhook.construct_event(
        payload.decode(), signature_header(payload, "whsec_test"), "whsec_test"
    )
    assert event.data.object.to_dict() == sub.to_dict()


async def test_the_async_httpx_client_sees_the_same_protocol(fake: FakeStripe) -> None:
    """Billing's own client: async, over httpx."""
    client = stripe.StripeClient(
        fake.api_key,
        base_addresses={"api": fake.url},
        max_network_retries=0,
        http_client=stripe.HTTPXClient(),
    )
    customer = await client.v1.customers.create_async(params={"name": "Acme"})
    meter = await client.v1.billing.meters.create_async(
        params={
            "display_name": "Pages",
            "event_name": "pages",
            "default_aggregation": {"formula": "sum"},
        }
    )
    event: dict[str, Any] = {"event_name": "pages", "identifier": "b-1"}
    event["payload"] = {"stripe_customer_id": customer.id, "value": "4"}
    fake.lose_response_next("POST", "/v1/billing/meter_events")
    with pytest.raises(stripe.APIConnectionError):
        await client.v1.billing.meter_events.create_async(params=cast(Any, event))
    with pytest.raises(stripe.InvalidRequestError) as duplicate:
        await client.v1.billing.meter_events.create_async(params=cast(Any, event))
    summaries = await client.v1.billing.meters.event_summaries.list_async(
        meter.id, params={"customer": customer.id, "start_time": NOW - HOUR, "end_time": NOW + 60}
    )

    assert "already exists with identifier b-1" in str(duplicate.value.user_message)
    assert [s.aggregated_value for s in summaries.data] == [4]
