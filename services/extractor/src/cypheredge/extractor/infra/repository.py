"""SQL of the extractor schema."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.extractor.infra.models import extractions


async def record(session: AsyncSession, **values: Any) -> None:
    await session.execute(insert(extractions).values(**values))
