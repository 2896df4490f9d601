"""The fake's state, and what every endpoint shares: ids, time, list pages and ``expand``.

Handlers run one at a time under ``Store.lock`` (a test server needs no more concurrency than
that, and it makes every read-modify-write atomic); the server takes the lock around each.
"""

from __future__ import annotations

import copy
import secrets
import string
import threading
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from stripefake import forms
from stripefake.errors import invalid, no_such

JSON = dict[str, Any]

_ALPHABET = string.ascii_letters + string.digits


class Store:
    """Every object the fake holds, keyed by id, in creation order."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.lock = threading.RLock()
        self.clock = clock
        self.reset()

    def reset(self) -> None:
        self.customers: dict[str, JSON] = {}
        self.products: dict[str, JSON] = {}
        self.prices: dict[str, JSON] = {}  # with "tiers", which a response shows only on expand
        self.meters: dict[str, JSON] = {}
        self.subscriptions: dict[str, JSON] = {}  # items hold price ids; see subscriptions.py
        self.meter_events: list[JSON] = []
        self.event_values: list[tuple[str, str, int, Decimal]] = []  # meter, customer, ts, value
        self.identifiers: set[str] = set()

    def now(self) -> int:
        return int(self.clock())

    @staticmethod
    def new_id(prefix: str) -> str:
        """Stripe's shape: a prefix, an underscore, 24 base-62 characters."""
        return f"{prefix}_" + "".join(secrets.choice(_ALPHABET) for _ in range(24))

    def lookup(self, object_id: str) -> JSON | None:
        """The API view of any object by id (what ``expand`` puts in place of the id)."""
        from stripefake.subscriptions import render_subscription  # circular at import time

        if object_id in self.subscriptions:
            return render_subscription(self, self.subscriptions[object_id])
        if object_id in self.prices:
            return price_view(self.prices[object_id])
        for table in (self.customers, self.products, self.meters):
            if object_id in table:
                return copy.deepcopy(table[object_id])
        return None


def price_view(price: JSON) -> JSON:
    """A price as responses show it: ``tiers`` is an includable field, absent unless expanded."""
    view = copy.deepcopy(price)
    view.pop("tiers", None)
    return view


def page(objects: list[JSON], params: JSON, url: str) -> JSON:
    """A Stripe list object over ``objects`` (newest first), honouring ``limit``,
    ``starting_after`` and ``ending_before`` as cursors by id."""
    limit = forms.integer(params, "limit")
    limit = 10 if limit is None else limit
    if not 1 <= limit <= 100:
        raise invalid("Limit must be between 1 and 100.", "limit")
    ids = [o["id"] for o in objects]
    after, before = forms.text(params, "starting_after"), forms.text(params, "ending_before")
    if after is not None:
        if after not in ids:
            raise no_such("object", after, "starting_after", status=400)
        window = objects[ids.index(after) + 1 :][:limit]
        more = len(objects) > ids.index(after) + 1 + limit
    elif before is not None:
        if before not in ids:
            raise no_such("object", before, "ending_before", status=400)
        head = objects[: ids.index(before)]
        window, more = head[-limit:], len(head) > limit
    else:
        window, more = objects[:limit], len(objects) > limit
    return {"object": "list", "data": window, "has_more": more, "url": url}


def expand(store: Store, obj: JSON, params: JSON) -> JSON:
    """Apply ``expand[]=a.b.c``: each id on the path is replaced by its object, as Stripe does
    (expanding a nested field expands its parents); ``tiers`` fills in a price's tiers."""
    for path in forms.expansions(params):
        _expand_path(store, obj, path.split("."))
    return obj


def _expand_path(store: Store, node: Any, segments: list[str]) -> None:
    if not segments or not isinstance(node, dict):
        return
    head, rest = segments[0], segments[1:]
    if head == "data" and node.get("object") == "list":
        for item in node["data"]:
            _expand_path(store, item, rest)
        return
    if head == "tiers" and node.get("object") == "price" and node["id"] in store.prices:
        node["tiers"] = copy.deepcopy(store.prices[node["id"]].get("tiers"))
        return
    if head not in node:
        raise invalid(f"This property cannot be expanded ({head}).", "expand")
    value = node[head]
    if isinstance(value, str):
        found = store.lookup(value)
        if found is None:
            raise invalid(f"This property cannot be expanded ({head}).", "expand")
        node[head] = value = found
    _expand_path(store, value, rest)


def number(value: Decimal) -> int | float:
    """A Decimal as Stripe's JSON writes a number: integral values without a fraction."""
    return int(value) if value == value.to_integral_value() else float(value)
