"""Bring Stripe in line with an org's plan: its Customer, and a Subscription on paid plans.

Stripe is called outside any database transaction (no lock is held over the network); what it
made is then recorded on the row as it is by then. Creations carry idempotency keys derived
from the org (and the generation or revision), so a retry after a crash makes nothing twice.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime
from typing import cast
from uuid import UUID

from cypheredge.billing.domain.subscription import STATUSES, Subscription
from cypheredge.billing.infra import repository as repo
from cypheredge.billing.service.ports import StripeBilling, StripeRefused, StripeUnavailable
from cypheredge.billing.service.subscriptions import current, store
from cypheredge.contracts.events.billing import SubscriptionStatus
from cypheredge.contracts.plans import plan
from cypheredge.kit.db import Database
from cypheredge.kit.outbox import Outbox

log = logging.getLogger(__name__)


class StripeSync:
    def __init__(self, db: Database, stripe: StripeBilling, outbox: Outbox) -> None:
        self._db = db
        self._stripe = stripe
        self._outbox = outbox

    async def sync_all(self, limit: int = 100) -> int:
        """Sync every org whose Stripe side is behind; the number synced."""
        async with self._db.system() as session:
            orgs = await repo.orgs_to_sync(session, limit)
        done = 0
        for org in orgs:
            done += await self.sync(org)
        return done

    async def sync(self, org_id: UUID) -> bool:
        async with self._db.tenant(org_id) as session:
            seen = await current(session, org_id, datetime.now(UTC))
        if not seen.stripe_sync:
            return False
        try:
            made = await self._provision(seen)
        except StripeUnavailable as exc:
            log.warning("Stripe sync of org %s postponed: %s", org_id, exc)
            return False
        except StripeRefused as exc:
            log.error("Stripe refused the sync of org %s: %s", org_id, exc)
            await self._record_refusal(org_id, str(exc))
            return False
        await self._record(seen, made)
        return True

    async def _provision(self, sub: Subscription) -> Subscription:
        """What Stripe holds once ``sub``'s plan is applied there."""
        customer = sub.customer_id or await self._stripe.create_customer(
            sub.org_id, sub.customer_generation
        )
        sub = replace(sub, customer_id=customer)
        terms = plan(sub.plan)
        live = sub.subscription_id is not None and sub.status != "canceled"
        if terms.stripe_price_lookup_key is None:
            if live and sub.subscription_id is not None:
                await self._stripe.cancel_subscription(sub.subscription_id)
            return replace(sub, subscription_id=None)
        price = await self._stripe.price_for(terms.stripe_price_lookup_key)
        if live and sub.subscription_id is not None:
            made = await self._stripe.change_price(sub.subscription_id, price, terms.tier)
        else:
            key = f"cypheredge-subscription-{sub.org_id}-{sub.revision}"
            made = await self._stripe.create_subscription(
                customer, price, sub.org_id, terms.tier, key
            )
        status = cast(SubscriptionStatus, made.status) if made.status in STATUSES else sub.status
        return replace(
            sub,
            subscription_id=made.id,
            status=status,
            current_period_end=made.current_period_end,
        )

    async def _record(self, seen: Subscription, made: Subscription) -> None:
        now = datetime.now(UTC)
        async with self._db.tenant(seen.org_id) as session:
            sub = await current(session, seen.org_id, now)
            if sub.revision == seen.revision:
                # Nothing moved meanwhile: Stripe's answer is the state, and the sync is done.
                updated = replace(made, stripe_sync=False)
            else:
                # A plan change or a webhook came in between: keep what Stripe made, and sync
                # again against the newer state.
                updated = replace(
                    sub, customer_id=made.customer_id, subscription_id=made.subscription_id
                )
            if updated.status != sub.status:
                updated = replace(updated, status_since=now)
            await store(session, self._outbox, replace(updated, revision=sub.revision + 1))
            await repo.set_sync_error(session, seen.org_id, None)

    async def _record_refusal(self, org_id: UUID, error: str) -> None:
        async with self._db.tenant(org_id) as session:
            sub = await current(session, org_id, datetime.now(UTC))
            # Not tried again until an operator acts (a new plan change syncs again).
            await repo.save_subscription(session, replace(sub, stripe_sync=False))
            await repo.set_sync_error(session, org_id, error[:2000])
