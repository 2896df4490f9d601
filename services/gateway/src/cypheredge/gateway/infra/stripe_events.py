"""SQL for Stripe webhooks: finding the org an event is about, and taking each event once."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.gateway.infra.models import orgs, stripe_customers, stripe_events
from cypheredge.kit.db import set_org


async def org_exists(session: AsyncSession, org_id: UUID) -> bool:
    """Whether ``org_id`` is an org. Scopes the transaction to it first: orgs is under RLS,
    and the tables this transaction writes next (events, outbox) are not tenant tables."""
    await set_org(session, org_id)
    found = await session.execute(select(orgs.c.id).where(orgs.c.id == org_id))
    return found.first() is not None


async def customer_org(session: AsyncSession, customer_id: str) -> UUID | None:
    query = select(stripe_customers.c.org_id).where(stripe_customers.c.customer_id == customer_id)
    org: UUID | None = (await session.execute(query)).scalar()
    return org


async def take_event(
    session: AsyncSession, event_id: str, event_type: str, org_id: UUID | None, created: datetime
) -> bool:
    """Record a Stripe event id; False when it was already recorded (a redelivery)."""
    result = await session.execute(
        insert(stripe_events)
        .values(id=event_id, type=event_type, org_id=org_id, created=created)
        .on_conflict_do_nothing()
        .returning(stripe_events.c.id)
    )
    return result.first() is not None
