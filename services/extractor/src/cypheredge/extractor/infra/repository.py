"""SQL of the extractor schema."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import exists, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.extractor.infra.models import extractions


async def already_done(session: AsyncSession, statement_id: UUID) -> bool:
    query = select(exists().where(extractions.c.statement_id == statement_id))
    return bool((await session.execute(query)).scalar())


async def record(session: AsyncSession, **values: Any) -> None:
    await session.execute(insert(extractions).values(**values))
