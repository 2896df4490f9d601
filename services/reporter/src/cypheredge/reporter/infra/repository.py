"""SQL of the reporter schema."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.reporter.infra.models import category_rules, report_batches, statement_outcomes


async def batch(session: AsyncSession, batch_id: UUID) -> Row[Any] | None:
    query = select(report_batches).where(report_batches.c.batch_id == batch_id)
    return (await session.execute(query)).first()


async def outcomes(session: AsyncSession, batch_id: UUID) -> Sequence[Row[Any]]:
    query = (
        select(statement_outcomes)
        .where(statement_outcomes.c.batch_id == batch_id)
        .order_by(statement_outcomes.c.position)
    )
    return (await session.execute(query)).all()


async def org_rules(session: AsyncSession) -> list[dict[str, Any]]:
    """The org's own categorisation rules (RLS scopes them to the current org)."""
    rows = (await session.execute(select(category_rules))).all()
    return [
        {
            "category": r.category,
            "keywords": list(r.keywords),
            "pattern": r.pattern,
            "direction": r.direction,
            "priority": r.priority,
        }
        for r in rows
    ]


async def finish(
    session: AsyncSession, batch_id: UUID, status: str, report_id: UUID | None
) -> bool:
    """Record the batch outcome once; False when another worker already did."""
    result = await session.execute(
        update(report_batches)
        .where(report_batches.c.batch_id == batch_id, report_batches.c.finished_at.is_(None))
        .values(status=status, report_id=report_id, finished_at=func.now())
        .returning(report_batches.c.batch_id)
    )
    return result.first() is not None


async def insert_rule(session: AsyncSession, rule_id: UUID, org_id: UUID, **values: Any) -> None:
    await session.execute(insert(category_rules).values(id=rule_id, org_id=org_id, **values))
