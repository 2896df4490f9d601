"""What the gateway takes from a verified Stripe event (pure): its identity and a summary of
its object, the typed fields billing acts on (``StripeObjectSummary``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from cypheredge.contracts.events.stripe import StripeEventReceived, StripeObjectSummary


@dataclass(frozen=True)
class StripeEvent:
    id: str
    type: str
    created: datetime
    livemode: bool
    object: StripeObjectSummary

    def received(self) -> StripeEventReceived:
        return StripeEventReceived(
            stripe_event_id=self.id,
            stripe_type=self.type,
            created=self.created,
            livemode=self.livemode,
            object=self.object,
        )

    @property
    def org_hint(self) -> UUID | None:
        """The org the object's metadata names, when it is a UUID (it may name no real org)."""
        raw = self.object.metadata.get("org_id", "")
        try:
            return UUID(raw)
        except ValueError:
            return None


def parse_event(body: Any) -> StripeEvent:
    """The event in a webhook body; ValueError when it lacks what every Stripe event has."""
    if not isinstance(body, dict):
        raise ValueError("the body is not a JSON object")
    event_id, event_type, created = body.get("id"), body.get("type"), body.get("created")
    data = body.get("data")
    obj = data.get("object") if isinstance(data, dict) else None
    if not (isinstance(event_id, str) and event_id and isinstance(event_type, str)):
        raise ValueError("the event has no id or type")
    if not isinstance(created, int) or isinstance(created, bool):
        raise ValueError("the event has no created time")
    if not isinstance(obj, dict):
        raise ValueError("the event has no data.object")
    return StripeEvent(
        id=event_id,
        type=event_type,
        created=_moment(created) or datetime.fromtimestamp(0, UTC),
        livemode=body.get("livemode") is True,
        object=summarize(obj),
    )


def summarize(obj: dict[str, Any]) -> StripeObjectSummary:
    """The fields billing needs of a subscription, invoice, customer (or any other object)."""
    kind = _text(obj.get("object")) or "unknown"
    object_id = _text(obj.get("id")) or ""
    items = _list(obj.get("items"))
    first_item = items[0] if items else {}
    return StripeObjectSummary(
        id=object_id,
        object=kind,
        # A customer object is its own customer; elsewhere the field may be expanded.
        customer=object_id if kind == "customer" else _id_of(obj.get("customer")),
        subscription=_id_of(obj.get("subscription")) or _invoice_subscription(obj),
        status=_text(obj.get("status")),
        price_lookup_keys=tuple(
            key for item in items if (key := _text(_dict(item.get("price")).get("lookup_key")))
        ),
        metadata={str(k): v for k, v in _dict(obj.get("metadata")).items() if isinstance(v, str)},
        # Newer API versions keep the period on each subscription item, older on the object.
        current_period_end=_moment(obj.get("current_period_end"))
        or _moment(first_item.get("current_period_end")),
    )


def _invoice_subscription(obj: dict[str, Any]) -> str | None:
    """Newer API versions name an invoice's subscription under parent.subscription_details."""
    details = _dict(_dict(obj.get("parent")).get("subscription_details"))
    return _id_of(details.get("subscription"))


def _id_of(value: Any) -> str | None:
    """An id, whether the field holds it or the expanded object."""
    if isinstance(value, dict):
        return _text(value.get("id"))
    return _text(value)


def _list(value: Any) -> list[dict[str, Any]]:
    """The ``data`` of a Stripe list object, keeping only objects."""
    return [item for item in _dict(value).get("data") or () if isinstance(item, dict)]


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _moment(value: Any) -> datetime | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return datetime.fromtimestamp(value, UTC)
