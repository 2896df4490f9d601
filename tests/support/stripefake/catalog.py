"""Customers, products and prices: ``/v1/customers``, ``/v1/products``, ``/v1/prices``."""

from __future__ import annotations

import copy
from typing import Any

from stripefake import forms
from stripefake.errors import invalid, no_such
from stripefake.store import JSON, Store, expand, page, price_view

_CUSTOMER_FIELDS = {"email", "name", "description", "phone", "metadata", "preferred_locales"}


def create_customer(store: Store, params: JSON) -> JSON:
    forms.check_known(params, _CUSTOMER_FIELDS)
    customer: JSON = {
        "id": store.new_id("cus"),
        "object": "customer",
        "address": None,
        "balance": 0,
        "created": store.now(),
        "currency": None,
        "default_source": None,
        "delinquent": False,
        "description": forms.text(params, "description"),
        "discount": None,
        "email": forms.text(params, "email"),
        "invoice_prefix": None,
        "invoice_settings": {
            "custom_fields": None,
            "default_payment_method": None,
            "footer": None,
            "rendering_options": None,
        },
        "livemode": False,
        "metadata": forms.metadata_of(params),
        "name": forms.text(params, "name"),
        "phone": forms.text(params, "phone"),
        "preferred_locales": forms.sequence(params, "preferred_locales"),
        "shipping": None,
        "tax_exempt": "none",
        "test_clock": None,
    }
    customer["invoice_prefix"] = customer["id"][4:12].upper()
    store.customers[customer["id"]] = customer
    return expand(store, copy.deepcopy(customer), params)


def live_customer(store: Store, customer_id: str, param: str = "id", status: int = 404) -> JSON:
    """A customer that exists and is not deleted, else Stripe's "No such customer"."""
    customer = store.customers.get(customer_id)
    if customer is None or customer.get("deleted"):
        raise no_such("customer", customer_id, param, status)
    return customer


def retrieve_customer(store: Store, params: JSON, customer_id: str) -> JSON:
    forms.check_known(params, set())
    customer = store.customers.get(customer_id)
    if customer is None:
        raise no_such("customer", customer_id)
    return expand(store, copy.deepcopy(customer), params)


def update_customer(store: Store, params: JSON, customer_id: str) -> JSON:
    forms.check_known(params, _CUSTOMER_FIELDS)
    customer = live_customer(store, customer_id)
    for field in ("email", "name", "description", "phone"):
        if field in params:
            customer[field] = forms.text(params, field) or None  # "" unsets, as in Stripe
    if "preferred_locales" in params:
        customer["preferred_locales"] = forms.sequence(params, "preferred_locales")
    customer["metadata"] = forms.merge_metadata(customer["metadata"], params)
    return expand(store, copy.deepcopy(customer), params)


def delete_customer(store: Store, params: JSON, customer_id: str) -> JSON:
    forms.check_known(params, set())
    live_customer(store, customer_id)
    # Stripe keeps a deleted customer retrievable as this stub; other calls see no customer.
    store.customers[customer_id] = stub = {"id": customer_id, "object": "customer", "deleted": True}
    return dict(stub)


def list_customers(store: Store, params: JSON) -> JSON:
    forms.check_known(params, {"email", "limit", "starting_after", "ending_before"})
    email = forms.text(params, "email")
    found = [
        copy.deepcopy(c)
        for c in reversed(store.customers.values())
        if not c.get("deleted") and (email is None or c["email"] == email)
    ]
    return expand(store, page(found, params, "/v1/customers"), params)


_PRODUCT_FIELDS = {"id", "name", "description", "active", "metadata", "unit_label", "tax_code"}


def create_product(store: Store, params: JSON) -> JSON:
    forms.check_known(params, _PRODUCT_FIELDS)
    product = new_product(store, params)
    if product["id"] in store.products:
        raise invalid(f"Product already exists: {product['id']}", "id", "resource_already_exists")
    store.products[product["id"]] = product
    return expand(store, copy.deepcopy(product), params)


def new_product(store: Store, params: JSON) -> JSON:
    now = store.now()
    active = forms.boolean(params, "active")
    return {
        "id": forms.text(params, "id") or store.new_id("prod"),
        "object": "product",
        "active": True if active is None else active,
        "created": now,
        "default_price": None,
        "description": forms.text(params, "description"),
        "images": [],
        "livemode": False,
        "marketing_features": [],
        "metadata": forms.metadata_of(params),
        "name": forms.required_text(params, "name"),
        "package_dimensions": None,
        "shippable": None,
        "statement_descriptor": None,
        "tax_code": forms.text(params, "tax_code"),
        "type": "service",
        "unit_label": forms.text(params, "unit_label"),
        "updated": now,
        "url": None,
    }


def retrieve_product(store: Store, params: JSON, product_id: str) -> JSON:
    forms.check_known(params, set())
    if product_id not in store.products:
        raise no_such("product", product_id)
    return expand(store, copy.deepcopy(store.products[product_id]), params)


def list_products(store: Store, params: JSON) -> JSON:
    forms.check_known(params, {"active", "limit", "starting_after", "ending_before"})
    active = forms.boolean(params, "active")
    found = [
        copy.deepcopy(p)
        for p in reversed(store.products.values())
        if active is None or p["active"] == active
    ]
    return expand(store, page(found, params, "/v1/products"), params)


_PRICE_FIELDS = {
    "product",
    "product_data",
    "currency",
    "unit_amount",
    "unit_amount_decimal",
    "lookup_key",
    "transfer_lookup_key",
    "recurring",
    "billing_scheme",
    "tiers_mode",
    "tiers",
    "nickname",
    "metadata",
    "active",
    "tax_behavior",
}


def create_price(store: Store, params: JSON) -> JSON:
    forms.check_known(params, _PRICE_FIELDS)
    product_id = _price_product(store, params)
    scheme = forms.text(params, "billing_scheme") or "per_unit"
    if scheme not in ("per_unit", "tiered"):
        raise invalid(f"Invalid billing_scheme: {scheme}", "billing_scheme")
    unit_amount, unit_decimal = _amounts(params, "unit_amount", required=scheme == "per_unit")
    recurring = _recurring(store, params)
    lookup_key = forms.text(params, "lookup_key")
    active = forms.boolean(params, "active")
    price: JSON = {
        "id": store.new_id("price"),
        "object": "price",
        "active": True if active is None else active,
        "billing_scheme": scheme,
        "created": store.now(),
        "currency": forms.required_text(params, "currency").lower(),
        "custom_unit_amount": None,
        "livemode": False,
        "lookup_key": lookup_key,
        "metadata": forms.metadata_of(params),
        "nickname": forms.text(params, "nickname"),
        "product": product_id,
        "recurring": recurring,
        "tax_behavior": forms.text(params, "tax_behavior") or "unspecified",
        "tiers_mode": None,
        "transform_quantity": None,
        "type": "one_time" if recurring is None else "recurring",
        "unit_amount": unit_amount,
        "unit_amount_decimal": unit_decimal,
    }
    if scheme == "tiered":
        price["tiers_mode"] = forms.text(params, "tiers_mode")
        if price["tiers_mode"] not in ("graduated", "volume"):
            raise invalid("Tiered prices need tiers_mode graduated or volume.", "tiers_mode")
        price["tiers"] = _tiers(params)
    # Last, so that a price refused for another reason leaves the key where it was.
    _claim_lookup_key(store, lookup_key, forms.boolean(params, "transfer_lookup_key") or False)
    store.prices[price["id"]] = price
    return expand(store, price_view(price), params)


def _price_product(store: Store, params: JSON) -> str:
    if "product_data" in params:
        product = new_product(store, forms.mapping(params, "product_data"))
        store.products[product["id"]] = product
        return str(product["id"])
    product_id = forms.required_text(params, "product")
    if product_id not in store.products:
        raise no_such("product", product_id, "product", status=400)
    return product_id


def _amounts(params: JSON, name: str, *, required: bool) -> tuple[int | None, str | None]:
    """``unit_amount`` (integer minor units) or ``unit_amount_decimal`` (a decimal string):
    Stripe fills one from the other, and the integer is null when the decimal has a fraction."""
    whole = forms.integer(params, name)
    fraction = forms.decimal(params, f"{name}_decimal")
    if whole is not None and fraction is not None:
        raise invalid(f"You may only specify one of {name} and {name}_decimal.", name)
    if whole is not None:
        return whole, str(whole)
    if fraction is not None:
        integral = fraction == fraction.to_integral_value()
        return (int(fraction) if integral else None), format(fraction.normalize(), "f")
    if required:
        raise invalid("Per-unit prices need unit_amount or unit_amount_decimal.", name)
    return None, None


def _recurring(store: Store, params: JSON) -> JSON | None:
    raw = forms.mapping(params, "recurring")
    if not raw:
        return None
    forms.check_known(raw, {"interval", "interval_count", "usage_type", "meter"})
    interval = forms.required_text(raw, "interval")
    if interval not in ("day", "week", "month", "year"):
        raise invalid(f"Invalid recurring[interval]: {interval}", "recurring[interval]")
    usage_type = forms.text(raw, "usage_type") or "licensed"
    meter = forms.text(raw, "meter")
    # Since API 2025-03-31 a metered price is priced off a billing meter, which must exist.
    if usage_type == "metered" and meter is None:
        raise invalid("Metered prices need recurring[meter].", "recurring[meter]")
    if meter is not None and meter not in store.meters:
        raise no_such("billing.meter", meter, "recurring[meter]", status=400)
    count = forms.integer(raw, "interval_count", param="recurring[interval_count]")
    return {
        "interval": interval,
        "interval_count": count or 1,
        "meter": meter,
        "trial_period_days": None,
        "usage_type": usage_type,
    }


def _tiers(params: JSON) -> list[JSON]:
    tiers: list[JSON] = []
    raw_tiers = forms.sequence(params, "tiers")
    if not raw_tiers:
        raise invalid("Tiered prices need tiers.", "tiers")
    for i, raw in enumerate(raw_tiers):
        if not isinstance(raw, dict):
            raise invalid("Invalid tier", f"tiers[{i}]")
        up_to = raw.get("up_to")
        if up_to is None:
            raise invalid("Each tier needs up_to.", f"tiers[{i}][up_to]")
        unit, unit_decimal = _amounts(raw, "unit_amount", required=False)
        flat, flat_decimal = _amounts(raw, "flat_amount", required=False)
        tiers.append(
            {
                "flat_amount": flat,
                "flat_amount_decimal": flat_decimal,
                "unit_amount": unit,
                "unit_amount_decimal": unit_decimal,
                "up_to": None if up_to == "inf" else forms.integer(raw, "up_to"),
            }
        )
    if tiers[-1]["up_to"] is not None:
        raise invalid("The last tier must have up_to=inf.", f"tiers[{len(tiers) - 1}][up_to]")
    return tiers


def _claim_lookup_key(store: Store, lookup_key: str | None, transfer: bool) -> None:
    """A lookup key names one price at a time; ``transfer_lookup_key`` moves it to the new one."""
    if lookup_key is None:
        return
    for other in store.prices.values():
        if other["lookup_key"] == lookup_key:
            if not transfer:
                raise invalid(
                    f"A price (`{other['id']}`) already uses that lookup key.",
                    "lookup_key",
                    "lookup_key_already_exists",
                )
            other["lookup_key"] = None


def retrieve_price(store: Store, params: JSON, price_id: str) -> JSON:
    forms.check_known(params, set())
    if price_id not in store.prices:
        raise no_such("price", price_id)
    return expand(store, price_view(store.prices[price_id]), params)


def list_prices(store: Store, params: JSON) -> JSON:
    known = {"active", "currency", "lookup_keys", "product", "type", "recurring"}
    forms.check_known(params, known | {"limit", "starting_after", "ending_before"})
    lookup_keys = forms.sequence(params, "lookup_keys")
    wanted: dict[str, Any] = {
        "active": forms.boolean(params, "active"),
        "currency": forms.text(params, "currency"),
        "product": forms.text(params, "product"),
        "type": forms.text(params, "type"),
    }
    found = [
        price_view(p)
        for p in reversed(store.prices.values())
        if all(v is None or p[k] == v for k, v in wanted.items())
        and (not lookup_keys or p["lookup_key"] in lookup_keys)
    ]
    return expand(store, page(found, params, "/v1/prices"), params)
