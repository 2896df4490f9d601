"""SQL for webhook endpoints and deliveries (tenant tables: every call runs in an org's
transaction, except ``due_deliveries``, which goes through its definer function)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Row, any_, delete, func, insert, literal, select, text, tuple_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.gateway.infra.models import webhook_deliveries as deliveries
from cypheredge.gateway.infra.models import webhook_endpoints as endpoints


async def insert_endpoint(session: AsyncSession, **values: Any) -> Row[Any]:
    result = await session.execute(insert(endpoints).values(**values).returning(endpoints))
    row: Row[Any] = result.one()
    return row


async def count_endpoints(session: AsyncSession) -> int:
    return int((await session.execute(select(func.count()).select_from(endpoints))).scalar_one())


async def list_endpoints(session: AsyncSession) -> Sequence[Row[Any]]:
    query = select(endpoints).order_by(endpoints.c.created_at, endpoints.c.id)
    return (await session.execute(query)).all()


async def get_endpoint(
    session: AsyncSession, endpoint_id: UUID, *, lock: bool = False
) -> Row[Any] | None:
    query = select(endpoints).where(endpoints.c.id == endpoint_id)
    if lock:
        query = query.with_for_update()
    return (await session.execute(query)).first()


async def delete_endpoint(session: AsyncSession, endpoint_id: UUID) -> bool:
    result = await session.execute(
        delete(endpoints).where(endpoints.c.id == endpoint_id).returning(endpoints.c.id)
    )
    return result.first() is not None


async def subscribed_endpoints(session: AsyncSession, event_type: str) -> Sequence[UUID]:
    """The org's enabled endpoints that receive ``event_type``."""
    query = select(endpoints.c.id).where(
        endpoints.c.enabled, literal(event_type) == any_(endpoints.c.event_types)
    )
    return (await session.execute(query)).scalars().all()


async def add_delivery(session: AsyncSession, **values: Any) -> bool:
    """Queue a delivery; False when its message id is already queued (a redelivered event)."""
    stmt = (
        pg_insert(deliveries)
        .values(**values)
        .on_conflict_do_nothing(index_elements=[deliveries.c.id])
        .returning(deliveries.c.id)
    )
    return (await session.execute(stmt)).first() is not None


async def due_deliveries(
    session: AsyncSession, now: datetime, max_rows: int, per_endpoint: int
) -> Sequence[Row[Any]]:
    """(id, org_id, endpoint_id) of deliveries due by ``now``, across orgs."""
    query = text(
        "SELECT id, org_id, endpoint_id FROM gateway.webhook_deliveries_due(:now, :n, :per)"
    )
    params = {"now": now, "n": max_rows, "per": per_endpoint}
    return (await session.execute(query, params)).all()


async def claim_delivery(
    session: AsyncSession, delivery_id: UUID, now: datetime
) -> Row[Any] | None:
    """The delivery, locked, if it is still pending and due (another replica may hold it)."""
    query = (
        select(deliveries)
        .where(
            deliveries.c.id == delivery_id,
            deliveries.c.state == "pending",
            deliveries.c.next_attempt_at <= now,
        )
        .with_for_update(skip_locked=True)
    )
    return (await session.execute(query)).first()


async def update_delivery(session: AsyncSession, delivery_id: UUID, **values: Any) -> None:
    await session.execute(update(deliveries).where(deliveries.c.id == delivery_id).values(**values))


async def update_endpoint(session: AsyncSession, endpoint_id: UUID, **values: Any) -> None:
    await session.execute(update(endpoints).where(endpoints.c.id == endpoint_id).values(**values))


async def fail_pending(session: AsyncSession, endpoint_id: UUID, reason: str) -> None:
    """Every pending delivery of a disabled endpoint ends as failed, with why."""
    await session.execute(
        update(deliveries)
        .where(deliveries.c.endpoint_id == endpoint_id, deliveries.c.state == "pending")
        .values(state="failed", last_error=reason)
    )


async def list_deliveries(
    session: AsyncSession, endpoint_id: UUID, limit: int, after: Row[Any] | None
) -> Sequence[Row[Any]]:
    """Newest first; ``after``: only deliveries listed after that one (the cursor)."""
    query = select(deliveries).where(deliveries.c.endpoint_id == endpoint_id)
    if after is not None:
        key = tuple_(deliveries.c.created_at, deliveries.c.id)
        query = query.where(key < tuple_(literal(after.created_at), literal(after.id)))
    query = query.order_by(deliveries.c.created_at.desc(), deliveries.c.id.desc()).limit(limit)
    return (await session.execute(query)).all()


async def get_delivery(session: AsyncSession, delivery_id: UUID) -> Row[Any] | None:
    query = select(deliveries).where(deliveries.c.id == delivery_id)
    return (await session.execute(query)).first()
