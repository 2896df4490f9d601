"""SQL of the ingest schema."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.ingest.infra.models import ingested_files


async def earlier_with_hash(session: AsyncSession, sha256: str, statement_id: UUID) -> UUID | None:
    """The first statement of this org (RLS) that was ingested from identical bytes."""
    query = (
        select(ingested_files.c.statement_id)
        .where(
            ingested_files.c.sha256 == sha256,
            ingested_files.c.status == "ingested",
            ingested_files.c.statement_id != statement_id,
        )
        .order_by(ingested_files.c.created_at)
        .limit(1)
    )
    found: UUID | None = (await session.execute(query)).scalar()
    return found


async def record(session: AsyncSession, **values: Any) -> None:
    await session.execute(insert(ingested_files).values(**values))
