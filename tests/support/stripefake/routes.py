"""Which handler answers which ``METHOD /v1/...``; an id in the path is passed after params."""

from __future__ import annotations

import re
from collections.abc import Callable

from stripefake import catalog, metering, subscriptions
from stripefake.errors import StripeError
from stripefake.store import JSON, Store

Handler = Callable[..., JSON]  # (store, params, *path ids) -> response body

_ID = r"([^/]+)"
_TABLE: list[tuple[str, str, Handler]] = [
    ("POST", "/v1/customers", catalog.create_customer),
    ("GET", "/v1/customers", catalog.list_customers),
    ("GET", f"/v1/customers/{_ID}", catalog.retrieve_customer),
    ("POST", f"/v1/customers/{_ID}", catalog.update_customer),
    ("DELETE", f"/v1/customers/{_ID}", catalog.delete_customer),
    ("POST", "/v1/products", catalog.create_product),
    ("GET", "/v1/products", catalog.list_products),
    ("GET", f"/v1/products/{_ID}", catalog.retrieve_product),
    ("POST", "/v1/prices", catalog.create_price),
    ("GET", "/v1/prices", catalog.list_prices),
    ("GET", f"/v1/prices/{_ID}", catalog.retrieve_price),
    ("POST", "/v1/billing/meters", metering.create_meter),
    ("GET", "/v1/billing/meters", metering.list_meters),
    ("GET", f"/v1/billing/meters/{_ID}", metering.retrieve_meter),
    ("GET", f"/v1/billing/meters/{_ID}/event_summaries", metering.list_event_summaries),
    ("POST", "/v1/billing/meter_events", metering.create_meter_event),
    ("POST", "/v1/subscriptions", subscriptions.create_subscription),
    ("GET", "/v1/subscriptions", subscriptions.list_subscriptions),
    ("GET", f"/v1/subscriptions/{_ID}", subscriptions.retrieve_subscription),
    ("POST", f"/v1/subscriptions/{_ID}", subscriptions.update_subscription),
    ("DELETE", f"/v1/subscriptions/{_ID}", subscriptions.cancel_subscription),
]
_ROUTES = [(method, re.compile(pattern + "/?"), handler) for method, pattern, handler in _TABLE]


def dispatch(store: Store, method: str, path: str, params: JSON) -> JSON:
    """Run the endpoint for ``method path`` under the store's lock; Stripe's 404 if none."""
    for route_method, pattern, handler in _ROUTES:
        match = pattern.fullmatch(path)
        if match and route_method == method:
            with store.lock:
                return handler(store, params, *match.groups())
    raise StripeError(
        404,
        f"Unrecognized request URL ({method}: {path}). Please see https://docs.stripe.com "
        "or we can help at https://support.stripe.com/.",
    )
