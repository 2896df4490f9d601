"""Read side of the billing projections: an org's standing, its usage, and whether it may upload."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.contracts.plans import period_bounds, period_of
from cypheredge.gateway.domain.entitlement import (
    Refusal,
    Standing,
    Usage,
    default_standing,
    plan_or_default,
    refusal,
    usage_of,
)
from cypheredge.gateway.domain.submission import UploadLimits
from cypheredge.gateway.infra import billing as sql
from cypheredge.kit.db import Database


@dataclass(frozen=True)
class Entitlement:
    standing: Standing
    usage: Usage  # in the current period
    refusal: Refusal | None

    def upload_limits(self, gateway: UploadLimits) -> UploadLimits:
        """The gateway's limits lowered to the plan's."""
        plan = self.standing.plan
        return gateway.on_plan(
            plan.tier, max_files=plan.max_files_per_batch, max_file_bytes=plan.max_file_bytes
        )


def standing_of(row: Row[Any] | None) -> Standing:
    if row is None:  # billing has said nothing of this org yet
        return default_standing()
    return Standing(
        plan=plan_or_default(row.plan),
        status=row.status,
        status_since=row.status_since,
        current_period_end=row.current_period_end,
    )


async def _usage(session: AsyncSession, org_id: UUID, standing: Standing, period: str) -> Usage:
    start, end = period_bounds(period)
    return usage_of(standing, period, await sql.usage_totals(session, org_id, start, end))


async def standing(db: Database, org_id: UUID) -> Standing:
    async with db.tenant(org_id) as session:
        return standing_of(await sql.plan_row(session, org_id))


async def entitlement(db: Database, org_id: UUID, now: datetime) -> Entitlement:
    """The org's standing and usage now, and the refusal an upload would get (or None)."""
    async with db.tenant(org_id) as session:
        standing = standing_of(await sql.plan_row(session, org_id))
        usage = await _usage(session, org_id, standing, period_of(now))
    return Entitlement(standing, usage, refusal(standing, usage, org_id, now))


async def usage_in(db: Database, org_id: UUID, period: str) -> tuple[Standing, Usage]:
    """The org's usage in ``period`` (YYYY-MM), in the terms of its plan now."""
    async with db.tenant(org_id) as session:
        standing = standing_of(await sql.plan_row(session, org_id))
        return standing, await _usage(session, org_id, standing, period)
