"""Keeps the gateway's own view of billing: each org's plan and the usage it recorded.

Applied by the projector in the event's inbox transaction (scoped to the event's org), so a
redelivered event has no second effect; a plan change applies only when its revision is
newer than the stored one, so out-of-order changes are harmless too.
"""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.contracts.events.billing import SubscriptionChanged, UsageRecorded
from cypheredge.gateway.infra import billing as sql

BillingEvent = UsageRecorded | SubscriptionChanged


async def project_billing(session: AsyncSession, org_id: UUID, event: BillingEvent) -> None:
    if isinstance(event, UsageRecorded):
        await sql.record_usage(session, org_id, event)
        return
    applied = await sql.apply_subscription(session, org_id, event)
    # The customer is how a Stripe webhook (which names no org) finds the org later.
    if applied and event.external_customer_id:
        await sql.remember_customer(session, event.external_customer_id, org_id)
