"""SQL for idempotency records (scoped per org by RLS and by the primary key).

Stripe's semantics: a retry while the first request still runs gets 409; once the first has
answered, retries replay its answer; a request that died (a crashed gateway) blocks its key
only until its lock lease lapses, then a retry takes the key over. The lease is what the
locked section can take: the submit enforces a time limit on it (storing the files and
recording the batch) and the lease is that limit plus a margin for the commit, so a retry
waits no longer than needed and never runs beside a slow first request.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Literal
from uuid import UUID

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.gateway.infra.models import idempotency_keys as table

Outcome = Literal["reserved", "replay", "mismatch", "in_progress"]

# Between the time limit running out (the section is cancelled, the key released) and the
# lease lapsing: room for a commit already under way when the limit struck.
LEASE_MARGIN = timedelta(seconds=5)


def lease_for(time_limit: timedelta) -> timedelta:
    """The lock lease of a request whose locked section is cut off after ``time_limit``."""
    return time_limit + LEASE_MARGIN


@dataclass(frozen=True)
class Reservation:
    outcome: Outcome
    status: int | None = None
    body: Any = None


async def reserve(
    session: AsyncSession,
    *,
    org_id: UUID,
    key: str,
    request_hash: str,
    ttl: timedelta,
    lock: timedelta,
) -> Reservation:
    """Claim ``key`` for this request, or say why not (replay, mismatch, still running).

    An expired record is replaced; an in-progress one whose lock ran out (its request died)
    may be taken over by the retry.
    """
    # Expired records of the org go as a side effect, so the table holds about a day of keys.
    await session.execute(
        delete(table).where(table.c.org_id == org_id, table.c.expires_at < func.now())
    )
    inserted = await session.execute(
        insert(table)
        .values(
            org_id=org_id,
            key=key,
            request_hash=request_hash,
            state="in_progress",
            locked_until=func.now() + lock,
            expires_at=func.now() + ttl,
        )
        .on_conflict_do_nothing()
        .returning(table.c.key)
    )
    if inserted.first() is not None:
        return Reservation("reserved")
    row = (
        await session.execute(
            select(table).where(table.c.org_id == org_id, table.c.key == key).with_for_update()
        )
    ).one()
    if row.request_hash != request_hash:
        return Reservation("mismatch")
    if row.state == "completed":
        return Reservation("replay", row.response_status, row.response_body)
    taken = await session.execute(
        update(table)
        .where(table.c.org_id == org_id, table.c.key == key, table.c.locked_until < func.now())
        .values(locked_until=func.now() + lock)
        .returning(table.c.key)
    )
    return Reservation("reserved") if taken.first() is not None else Reservation("in_progress")


async def answered(session: AsyncSession, *, org_id: UUID, key: str) -> bool:
    """Whether ``key`` holds a stored answer (its retries replay it)."""
    query = select(table.c.key).where(
        table.c.org_id == org_id,
        table.c.key == key,
        table.c.state == "completed",
        table.c.expires_at >= func.now(),
    )
    return (await session.execute(query)).first() is not None


async def complete(
    session: AsyncSession, *, org_id: UUID, key: str, status: int, body: Any
) -> None:
    await session.execute(
        update(table)
        .where(table.c.org_id == org_id, table.c.key == key)
        .values(state="completed", response_status=status, response_body=body, locked_until=None)
    )


async def release(session: AsyncSession, *, org_id: UUID, key: str) -> None:
    """Forget a reservation whose request failed, so that a retry can run."""
    await session.execute(
        delete(table).where(
            table.c.org_id == org_id, table.c.key == key, table.c.state == "in_progress"
        )
    )
