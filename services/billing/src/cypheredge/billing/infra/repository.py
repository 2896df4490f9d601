"""SQL of the billing schema. Every function runs inside the caller's (tenant) transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast
from uuid import UUID

from sqlalchemy import func, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.billing.domain.subscription import Subscription
from cypheredge.billing.infra.models import meter_reports, subscriptions, usage_events
from cypheredge.contracts.events.billing import SubscriptionStatus


async def subscription_for_update(session: AsyncSession, org_id: UUID) -> Subscription | None:
    row = (
        await session.execute(
            select(subscriptions).where(subscriptions.c.org_id == org_id).with_for_update()
        )
    ).one_or_none()
    if row is None:
        return None
    return Subscription(
        org_id=row.org_id,
        plan=row.plan,
        status=cast(SubscriptionStatus, row.status),
        status_since=row.status_since,
        revision=row.revision,
        customer_id=row.external_customer_id,
        subscription_id=row.external_sub_id,
        current_period_end=row.current_period_end,
        stripe_event_at=row.stripe_event_at,
        stripe_sync=row.stripe_sync,
        customer_generation=row.customer_generation,
    )


async def save_subscription(session: AsyncSession, sub: Subscription) -> None:
    values: dict[str, Any] = {
        "plan": sub.plan,
        "status": sub.status,
        "status_since": sub.status_since,
        "revision": sub.revision,
        "external_customer_id": sub.customer_id,
        "external_sub_id": sub.subscription_id,
        "current_period_end": sub.current_period_end,
        "stripe_event_at": sub.stripe_event_at,
        "stripe_sync": sub.stripe_sync,
        "customer_generation": sub.customer_generation,
        "updated_at": func.now(),
    }
    stmt = insert(subscriptions).values(id=sub.id, org_id=sub.org_id, **values)
    await session.execute(
        stmt.on_conflict_do_update(index_elements=[subscriptions.c.org_id], set_=values)
    )


async def set_sync_error(session: AsyncSession, org_id: UUID, error: str | None) -> None:
    await session.execute(
        update(subscriptions)
        .where(subscriptions.c.org_id == org_id)
        .values(stripe_sync_error=error, updated_at=func.now())
    )


@dataclass(frozen=True)
class Usage:
    usage_id: UUID
    org_id: UUID
    metric: str
    quantity: int
    ocr_pages: int
    batch_id: UUID
    statement_id: UUID | None
    occurred_at: datetime
    plan: str
    billable_pages: int | None


async def insert_usage(session: AsyncSession, usage: Usage) -> bool:
    """Record ``usage``; False when it was recorded before (a redelivered event)."""
    result = await session.execute(
        insert(usage_events)
        .values(
            id=usage.usage_id,
            org_id=usage.org_id,
            metric=usage.metric,
            quantity=usage.quantity,
            ocr_pages=usage.ocr_pages,
            batch_id=usage.batch_id,
            statement_id=usage.statement_id,
            occurred_at=usage.occurred_at,
            plan=usage.plan,
            billable_pages=usage.billable_pages,
        )
        .on_conflict_do_nothing()
        .returning(usage_events.c.id)
    )
    return result.first() is not None


async def queue_meter_report(
    session: AsyncSession, usage_id: UUID, org_id: UUID, value: int, occurred_at: datetime
) -> None:
    await session.execute(
        insert(meter_reports)
        .values(usage_id=usage_id, org_id=org_id, value=value, occurred_at=occurred_at)
        .on_conflict_do_nothing()
    )


@dataclass(frozen=True)
class MeterReport:
    usage_id: UUID
    org_id: UUID
    value: int
    occurred_at: datetime
    attempts: int
    first_attempt_at: datetime | None


async def due_reports(session: AsyncSession, now: datetime, limit: int) -> list[tuple[UUID, UUID]]:
    """(usage id, org) of pending reports due by ``now``, across orgs (a definer function)."""
    rows = await session.execute(
        text("SELECT usage_id, org_id FROM billing.meter_reports_due(:now, :limit)"),
        {"now": now, "limit": limit},
    )
    return [(row[0], row[1]) for row in rows]


async def pending_report(session: AsyncSession, usage_id: UUID) -> MeterReport | None:
    """The report, locked, while it is pending; None once another worker settled it."""
    row = (
        await session.execute(
            select(meter_reports)
            .where(meter_reports.c.usage_id == usage_id, meter_reports.c.state == "pending")
            .with_for_update(skip_locked=True)
        )
    ).one_or_none()
    if row is None:
        return None
    return MeterReport(
        row.usage_id, row.org_id, row.value, row.occurred_at, row.attempts, row.first_attempt_at
    )


async def update_report(session: AsyncSession, usage_id: UUID, **values: Any) -> None:
    await session.execute(
        update(meter_reports).where(meter_reports.c.usage_id == usage_id).values(**values)
    )


async def orgs_to_sync(session: AsyncSession, limit: int) -> list[UUID]:
    rows = await session.execute(
        text("SELECT org_id FROM billing.subscriptions_to_sync(:limit)"), {"limit": limit}
    )
    return [row[0] for row in rows]


async def stripe_customers(session: AsyncSession) -> list[tuple[UUID, str]]:
    rows = await session.execute(text("SELECT org_id, customer_id FROM billing.stripe_customers()"))
    return [(row[0], row[1]) for row in rows]


@dataclass(frozen=True)
class PeriodFigures:
    billable_pages: int
    sent: int
    pending: int
    problems: list[str]


async def period_figures(session: AsyncSession, start: datetime, end: datetime) -> PeriodFigures:
    """The org's metered figures over [start, end): billable, sent, still owed, problems."""
    in_period = (meter_reports.c.occurred_at >= start) & (meter_reports.c.occurred_at < end)
    rows = (await session.execute(select(meter_reports).where(in_period))).all()
    return PeriodFigures(
        billable_pages=sum(r.value for r in rows),
        sent=sum(r.value for r in rows if r.state == "sent"),
        pending=sum(r.value for r in rows if r.state == "pending"),
        problems=[f"{r.usage_id}: {r.last_error}" for r in rows if r.state == "problem"],
    )
