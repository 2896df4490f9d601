"""``cypheredge admin stripe-setup``: the meter, products and prices the plans bill through.

Idempotent: what exists (a meter with our event name, a price with a plan's lookup key) is
kept; only what is missing is made. Each paid plan is one metered, graduated price on the
meter: the monthly fee as the first tier's flat amount over the included pages, then the
overage price per page.
"""

from __future__ import annotations

from typing import Any

from cypheredge.billing.infra.stripe_api import StripeApi, call
from cypheredge.billing.service.ports import StripeRefused
from cypheredge.contracts.plans import METER_EVENT_NAME, Plan, plans


async def set_up(api: StripeApi, currency: str = "usd") -> list[str]:
    """Make what is missing; says what was made or found, one line each."""
    said: list[str] = []
    try:
        meter = await api.meter_id()
        said.append(f"meter {METER_EVENT_NAME}: {meter} (exists)")
    except StripeRefused:
        meter = await _make_meter(api)
        said.append(f"meter {METER_EVENT_NAME}: {meter} (made)")
    for terms in plans().values():
        if terms.stripe_price_lookup_key is None:
            continue
        try:
            price = await api.price_for(terms.stripe_price_lookup_key)
            said.append(f"plan {terms.tier}: price {price} (exists)")
        except StripeRefused:
            price = await _make_price(api, terms, meter, currency)
            said.append(f"plan {terms.tier}: price {price} (made)")
    return said


async def _make_meter(api: StripeApi) -> str:
    params: Any = {
        "display_name": "CypherEdge pages",
        "event_name": METER_EVENT_NAME,
        "default_aggregation": {"formula": "sum"},
        "customer_mapping": {"type": "by_id", "event_payload_key": "stripe_customer_id"},
        "value_settings": {"event_payload_key": "value"},
    }
    meter = await call(
        lambda: api.v1.billing.meters.create_async(
            params, {"idempotency_key": f"cypheredge-meter-{METER_EVENT_NAME}"}
        )
    )
    return meter.id


async def _make_price(api: StripeApi, terms: Plan, meter: str, currency: str) -> str:
    product: Any = {"name": f"CypherEdge {terms.title}", "metadata": {"plan": terms.tier}}
    made = await call(
        lambda: api.v1.products.create_async(
            product, {"idempotency_key": f"cypheredge-product-{terms.tier}"}
        )
    )
    overage = terms.overage_cents_per_page
    params: Any = {
        "product": made.id,
        "currency": currency,
        "lookup_key": terms.stripe_price_lookup_key,
        "recurring": {"interval": "month", "usage_type": "metered", "meter": meter},
        "billing_scheme": "tiered",
        "tiers_mode": "graduated",
        "tiers": [
            {
                "up_to": terms.included_pages,
                "unit_amount_decimal": "0",
                "flat_amount": terms.monthly_fee_cents,
            },
            {"up_to": "inf", "unit_amount_decimal": str(overage if overage is not None else 0)},
        ],
        "metadata": {"plan": terms.tier},
    }
    price = await call(
        lambda: api.v1.prices.create_async(
            params, {"idempotency_key": f"cypheredge-price-{terms.stripe_price_lookup_key}"}
        )
    )
    return price.id
