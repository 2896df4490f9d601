"""SQL for the billing projections: an org's plan row and its usage records."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.contracts.events.billing import SubscriptionChanged, UsageRecorded
from cypheredge.contracts.plans import DEFAULT_PLAN
from cypheredge.gateway.domain.entitlement import MetricTotal
from cypheredge.gateway.infra.models import org_plans, stripe_customers, usage_records


async def apply_subscription(
    session: AsyncSession, org_id: UUID, event: SubscriptionChanged
) -> bool:
    """Upsert the org's plan row when ``event`` is newer than it; False when it was not."""
    values = {
        "org_id": org_id,
        "plan": event.plan or DEFAULT_PLAN,
        "status": event.status,
        "status_since": event.status_since,
        "revision": event.revision,
        "external_customer_id": event.external_customer_id,
        "external_subscription_id": event.external_subscription_id,
        "current_period_end": event.current_period_end,
    }
    stmt = insert(org_plans).values(**values)
    changes: dict[str, Any] = {k: stmt.excluded[k] for k in values if k != "org_id"}
    if event.plan is None:  # billing named no plan: the one recorded stays
        changes["plan"] = org_plans.c.plan
    changes["updated_at"] = func.now()
    result = await session.execute(
        stmt.on_conflict_do_update(
            index_elements=[org_plans.c.org_id],
            set_=changes,
            # Redelivered or out-of-order events (an older revision) change nothing.
            where=org_plans.c.revision < stmt.excluded.revision,
        ).returning(org_plans.c.org_id)
    )
    return result.first() is not None


async def remember_customer(session: AsyncSession, customer_id: str, org_id: UUID) -> None:
    stmt = insert(stripe_customers).values(customer_id=customer_id, org_id=org_id)
    await session.execute(
        stmt.on_conflict_do_update(
            index_elements=[stripe_customers.c.customer_id],
            set_={"org_id": stmt.excluded.org_id, "updated_at": func.now()},
        )
    )


async def record_usage(session: AsyncSession, org_id: UUID, event: UsageRecorded) -> bool:
    """Insert the usage row once (its id is the extractor's); False when it was there."""
    result = await session.execute(
        insert(usage_records)
        .values(
            usage_id=event.usage_id,
            org_id=org_id,
            batch_id=event.batch_id,
            statement_id=event.statement_id,
            metric=event.metric,
            quantity=event.quantity,
            ocr_pages=event.ocr_pages,
            occurred_at=event.occurred_at,
        )
        .on_conflict_do_nothing()
        .returning(usage_records.c.usage_id)
    )
    return result.first() is not None


async def plan_row(session: AsyncSession, org_id: UUID) -> Row[Any] | None:
    query = select(org_plans).where(org_plans.c.org_id == org_id)
    return (await session.execute(query)).first()


async def usage_totals(
    session: AsyncSession, org_id: UUID, start: datetime, end: datetime
) -> list[MetricTotal]:
    """Per metric, the quantities (and OCR pages, each row's clipped to its quantity) of the
    usage that occurred in ``[start, end)``."""
    query = (
        select(
            usage_records.c.metric,
            func.sum(usage_records.c.quantity).label("quantity"),
            func.sum(func.least(usage_records.c.ocr_pages, usage_records.c.quantity)).label(
                "ocr_pages"
            ),
        )
        .where(
            usage_records.c.org_id == org_id,
            usage_records.c.occurred_at >= start,
            usage_records.c.occurred_at < end,
        )
        .group_by(usage_records.c.metric)
        .order_by(usage_records.c.metric)
    )
    rows = (await session.execute(query)).all()
    return [MetricTotal(r.metric, int(r.quantity), int(r.ocr_pages)) for r in rows]
