"""SQL for batches and statements (the gateway's projection of the pipeline)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from sqlalchemy import and_, func, insert, or_, select, text, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.gateway.infra.batch_changes import announce
from cypheredge.gateway.infra.models import batches, statements


@dataclass(frozen=True)
class NewStatement:
    id: UUID
    position: int
    filename: str
    size_bytes: int
    sha256: str
    storage_key: str
    password_protected: bool


async def insert_batch(
    session: AsyncSession,
    *,
    batch_id: UUID,
    org_id: UUID,
    params: dict[str, Any],
    items: Sequence[NewStatement],
) -> None:
    await session.execute(
        insert(batches).values(id=batch_id, org_id=org_id, status="queued", params=params)
    )
    await session.execute(
        insert(statements),
        [
            {
                "id": s.id,
                "org_id": org_id,
                "batch_id": batch_id,
                "position": s.position,
                "filename": s.filename,
                "size_bytes": s.size_bytes,
                "sha256": s.sha256,
                "storage_key": s.storage_key,
                "password_protected": s.password_protected,
                "status": "uploaded",
            }
            for s in items
        ],
    )


async def get_batch(session: AsyncSession, batch_id: UUID) -> Row[Any] | None:
    return (await session.execute(select(batches).where(batches.c.id == batch_id))).first()


async def batch_statements(session: AsyncSession, batch_id: UUID) -> Sequence[Row[Any]]:
    query = select(statements).where(statements.c.batch_id == batch_id)
    return (await session.execute(query.order_by(statements.c.position))).all()


async def list_batches(
    session: AsyncSession, *, limit: int, starting_after: UUID | None
) -> tuple[Sequence[Row[Any]], bool]:
    """Newest first; the cursor is the last batch id of the previous page."""
    query = select(batches).order_by(batches.c.created_at.desc(), batches.c.id.desc())
    if starting_after is not None:
        cursor = (
            await session.execute(
                select(batches.c.created_at, batches.c.id).where(batches.c.id == starting_after)
            )
        ).first()
        if cursor is None:
            raise LookupError(starting_after)
        query = query.where(
            or_(
                batches.c.created_at < cursor.created_at,
                and_(batches.c.created_at == cursor.created_at, batches.c.id < cursor.id),
            )
        )
    rows = (await session.execute(query.limit(limit + 1))).all()
    return rows[:limit], len(rows) > limit


async def statement_for_update(session: AsyncSession, statement_id: UUID) -> Row[Any] | None:
    query = select(statements).where(statements.c.id == statement_id).with_for_update()
    return (await session.execute(query)).first()


async def update_statement(session: AsyncSession, statement_id: UUID, **values: Any) -> None:
    # Every change a client can see wakes its long-polls (at commit: NOTIFY is transactional).
    batch_id = (
        await session.execute(
            update(statements)
            .where(statements.c.id == statement_id)
            .values(**values, updated_at=func.now())
            .returning(statements.c.batch_id)
        )
    ).scalar_one_or_none()
    if batch_id is not None:
        await announce(session, batch_id)


async def batch_for_update(session: AsyncSession, batch_id: UUID) -> Row[Any] | None:
    query = select(batches).where(batches.c.id == batch_id).with_for_update()
    return (await session.execute(query)).first()


async def update_batch(session: AsyncSession, batch_id: UUID, **values: Any) -> None:
    await session.execute(
        update(batches).where(batches.c.id == batch_id).values(**values, updated_at=func.now())
    )
    await announce(session, batch_id)


async def statement_statuses(session: AsyncSession, batch_id: UUID) -> list[str]:
    query = select(statements.c.status).where(statements.c.batch_id == batch_id)
    return list((await session.execute(query)).scalars())


@dataclass(frozen=True)
class SweepCandidate:
    batch_id: UUID
    org_id: UUID
    expired: bool
    redriven_at: datetime | None


async def batches_to_sweep(
    session: AsyncSession,
    *,
    now: datetime | None,
    idle: timedelta,
    deadline: timedelta,
    limit: int,
) -> list[SweepCandidate]:
    """Open batches of every org that are past their deadline or idle for ``idle``, oldest
    first (a security-definer function: no org is set). ``now`` None: the database's clock."""
    result = await session.execute(
        text(
            "SELECT id, org_id, expired, redriven_at FROM gateway.batches_to_sweep("
            "COALESCE(CAST(:now AS timestamptz), now()) - :idle, "
            "COALESCE(CAST(:now AS timestamptz), now()) - :deadline, :limit)"
        ),
        {"now": now, "idle": idle, "deadline": deadline, "limit": limit},
    )
    return [SweepCandidate(r.id, r.org_id, r.expired, r.redriven_at) for r in result]


async def batch_org(session: AsyncSession, batch_id: UUID) -> UUID | None:
    """The org of a batch, for operator commands that name only the batch."""
    result = await session.execute(text("SELECT gateway.batch_org(:b)"), {"b": batch_id})
    org: UUID | None = result.scalar_one()
    return org


async def mark_redriven(session: AsyncSession, batch_id: UUID) -> None:
    # Not updated_at: that says when the batch's state last changed, which a re-drive does not.
    await session.execute(
        update(batches)
        .where(batches.c.id == batch_id)
        .values(redriven_at=func.now(), redrives=batches.c.redrives + 1)
    )
