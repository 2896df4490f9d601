"""What ``cypheredge admin set-plan | stripe-setup | billing-reconcile`` run (imported when
they run): billing's use cases on the local platform's database, and Stripe from STRIPE_*."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar
from uuid import UUID

from sqlalchemy import select

from cypheredge.billing.bootstrap import database, stripe_api, subscriptions
from cypheredge.billing.domain.subscription import Subscription
from cypheredge.billing.infra.stripe_api import StripeApi
from cypheredge.billing.infra.stripe_catalog import set_up
from cypheredge.billing.service.ports import StripeRefused, StripeUnavailable
from cypheredge.billing.service.reconcile import Line, reconcile
from cypheredge.billing.settings import StripeSettings
from cypheredge.cli.admin_jobs import local_platform
from cypheredge.cli.exits import failed, unavailable, usage
from cypheredge.contracts.plans import plan
from cypheredge.gateway.bootstrap import database as gateway_database
from cypheredge.gateway.infra.models import orgs
from cypheredge.kit.settings import InfraSettings

__all__ = ["Line", "Subscription", "reconcile_period", "set_plan", "stripe_setup"]

T = TypeVar("T")


def set_plan(data_dir: Path, org_id: UUID, tier: str) -> Subscription:
    """Move the org to ``tier`` now; the billing worker then brings Stripe in line."""
    try:
        plan(tier)
    except LookupError as exc:
        raise usage(str(exc)) from None
    with local_platform(data_dir) as infra:
        return asyncio.run(_set_plan(infra, org_id, tier))


async def _set_plan(infra: InfraSettings, org_id: UUID, tier: str) -> Subscription:
    gateway = gateway_database(infra)
    try:
        # The org's own row is all RLS shows in its transaction.
        async with gateway.tenant(org_id) as session:
            known = (await session.execute(select(orgs.c.id).where(orgs.c.id == org_id))).first()
    finally:
        await gateway.dispose()
    if known is None:
        raise usage(f"no org {org_id}")
    db = database(infra)
    try:
        return await subscriptions(db).change_plan(org_id, tier)
    finally:
        await db.dispose()


def stripe_setup() -> list[str]:
    """Make the meter, products and prices the plans need where Stripe lacks them."""
    return asyncio.run(_stripe_errors(set_up(_stripe())))


def reconcile_period(data_dir: Path, period: str, org_id: UUID | None) -> list[Line]:
    """Our metered pages against Stripe's meter, per customer (or ``org_id``'s alone), for
    ``period`` (YYYY-MM)."""
    api = _stripe()
    with local_platform(data_dir) as infra:
        return asyncio.run(_stripe_errors(_reconcile(infra, api, period, org_id)))


async def _reconcile(
    infra: InfraSettings, api: StripeApi, period: str, org_id: UUID | None
) -> list[Line]:
    db = database(infra)
    try:
        return await reconcile(db, api, period, org_id)
    finally:
        await db.dispose()


def _stripe() -> StripeApi:
    api = stripe_api(StripeSettings())
    if api is None:
        raise usage("STRIPE_API_KEY is not set: Stripe reporting is off")
    return api


async def _stripe_errors(work: Coroutine[Any, Any, T]) -> T:
    """``work``'s result; Stripe's failures as the CLI's exit codes."""
    try:
        return await work
    except StripeUnavailable as exc:
        raise unavailable(f"Stripe: {exc}") from None
    except StripeRefused as exc:
        raise failed(f"Stripe refused: {exc}") from None
