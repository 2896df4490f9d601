"""Use case: take a Stripe webhook. Verify it, record its event id once, and hand it to billing
through the outbox, in one transaction, without calling Stripe or waiting on anyone.

Billing decides what an event means; the gateway only vouches that Stripe sent it and says
which org it is about. An event whose org cannot be found is recorded (so a redelivery is
known) but not forwarded: billing could not act on it either.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from uuid import UUID

import stripe
from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.gateway.domain.stripe_objects import StripeEvent, parse_event
from cypheredge.gateway.infra import stripe_events as sql
from cypheredge.kit.db import Database
from cypheredge.kit.outbox import Outbox

log = logging.getLogger(__name__)
TOLERANCE_SECONDS = 300  # Stripe's default: an older signature is a replay, refused


class WebhookRejected(Exception):
    """The webhook is not Stripe's (``invalid_signature``) or not an event (``invalid_payload``)."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Received:
    event_id: str
    duplicate: bool
    org_id: UUID | None


def verify(payload: bytes, signature: str | None, secret: str) -> StripeEvent:
    """The event in ``payload`` once its ``Stripe-Signature`` checks out; WebhookRejected else."""
    try:
        stripe.Webhook.construct_event(payload, signature, secret, tolerance=TOLERANCE_SECONDS)
    except stripe.SignatureVerificationError as exc:
        raise WebhookRejected("invalid_signature", f"Stripe-Signature: {exc}") from None
    except (ValueError, TypeError, AttributeError):
        # Signed but not an event Stripe's library can read (not UTF-8, not JSON, not an object).
        raise WebhookRejected("invalid_payload", "The body is not a Stripe event.") from None
    try:
        return parse_event(json.loads(payload))
    except ValueError as exc:
        raise WebhookRejected(
            "invalid_payload", f"The body is not a Stripe event: {exc}."
        ) from None


async def record(db: Database, outbox: Outbox, event: StripeEvent) -> Received:
    """Record ``event`` once and, the first time, forward it when its org is known."""
    async with db.system() as session:
        org_id = await _org_of(session, event)
        first = await sql.take_event(session, event.id, event.type, org_id, event.created)
        if first and org_id is not None:
            await outbox.add(session, event.received(), org_id=org_id)
    if first and org_id is None:
        log.warning(
            "Stripe event %s (%s) names no known org (customer %s): recorded, not forwarded",
            event.id,
            event.type,
            event.object.customer,
        )
    return Received(event.id, duplicate=not first, org_id=org_id)


async def _org_of(session: AsyncSession, event: StripeEvent) -> UUID | None:
    """The org named in the object's metadata if it exists, else the customer's."""
    hint = event.org_hint
    if hint is not None and await sql.org_exists(session, hint):
        return hint
    customer = event.object.customer
    return await sql.customer_org(session, customer) if customer else None
