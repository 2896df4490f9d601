"""Use cases on an org's subscription: an operator's plan change and Stripe's events.

Each change is stored with its ``subscription.changed`` event in one transaction (the outbox),
so the gateway's projection follows every change and never one that did not happen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.billing.domain.subscription import (
    Subscription,
    apply_stripe_event,
    change_plan,
    new_subscription,
)
from cypheredge.billing.infra import repository as repo
from cypheredge.contracts import Envelope
from cypheredge.contracts.catalogue import BILLING
from cypheredge.contracts.events.billing import SubscriptionChanged
from cypheredge.contracts.events.stripe import StripeEventReceived
from cypheredge.kit.db import Database
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.outbox import Outbox

CONSUMER = BILLING.group_id


def changed_event(sub: Subscription) -> SubscriptionChanged:
    return SubscriptionChanged(
        subscription_id=sub.id,
        external_customer_id=sub.customer_id or "",
        external_subscription_id=sub.subscription_id or "",
        status=sub.status,
        plan=sub.plan,
        status_since=sub.status_since,
        revision=sub.revision,
        current_period_end=sub.current_period_end,
    )


async def current(session: AsyncSession, org_id: UUID, now: datetime) -> Subscription:
    """The org's subscription, locked; the default one for an org billing has not seen."""
    return await repo.subscription_for_update(session, org_id) or new_subscription(org_id, now)


async def store(session: AsyncSession, outbox: Outbox, sub: Subscription) -> None:
    await repo.save_subscription(session, sub)
    await outbox.add(session, changed_event(sub), org_id=sub.org_id)


class Subscriptions:
    def __init__(self, db: Database, outbox: Outbox, inbox: Inbox) -> None:
        self._db = db
        self._outbox = outbox
        self._inbox = inbox

    async def change_plan(self, org_id: UUID, tier: str) -> Subscription:
        """Move the org to plan ``tier`` now (LookupError for an unknown plan)."""
        return await self.update(org_id, lambda sub, now: change_plan(sub, tier, now))

    async def update(
        self,
        org_id: UUID,
        change: Callable[[Subscription, datetime], Subscription | None],
    ) -> Subscription:
        """Apply ``change`` to the org's subscription and publish the result (if any)."""
        now = datetime.now(UTC)
        async with self._db.tenant(org_id) as session:
            sub = await current(session, org_id, now)
            changed = change(sub, now)
            if changed is None:
                return sub
            await store(session, self._outbox, changed)
            return changed

    async def stripe_event(self, envelope: Envelope, event: StripeEventReceived) -> None:
        """Apply one of Stripe's webhook events (types that change nothing are acknowledged)."""

        async def apply(session: AsyncSession) -> None:
            sub = await current(session, envelope.orgid, envelope.time)
            changed = apply_stripe_event(sub, event)
            if changed is not None:
                await store(session, self._outbox, changed)

        await self._inbox.apply_once(self._db, CONSUMER, envelope, apply)
