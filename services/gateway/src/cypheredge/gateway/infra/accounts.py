"""SQL for orgs, users and API keys."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from sqlalchemy import func, insert, or_, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.gateway.infra.models import api_keys, orgs


@dataclass(frozen=True)
class KeyRecord:
    id: UUID
    org_id: UUID
    key_hash: str
    scopes: tuple[str, ...]
    revoked: bool


async def insert_org(session: AsyncSession, org_id: UUID, name: str) -> None:
    await session.execute(insert(orgs).values(id=org_id, name=name))


async def insert_api_key(
    session: AsyncSession,
    *,
    key_id: UUID,
    org_id: UUID,
    name: str,
    prefix: str,
    key_hash: str,
    scopes: tuple[str, ...],
) -> None:
    await session.execute(
        insert(api_keys).values(
            id=key_id,
            org_id=org_id,
            name=name,
            prefix=prefix,
            key_hash=key_hash,
            scopes=list(scopes),
        )
    )


async def find_key(session: AsyncSession, prefix: str) -> KeyRecord | None:
    """Cross-tenant lookup through the security-definer function (no org is known yet)."""
    row = (
        await session.execute(
            text("SELECT id, org_id, key_hash, scopes, revoked FROM gateway.api_key_lookup(:p)"),
            {"p": prefix},
        )
    ).first()
    if row is None:
        return None
    return KeyRecord(row.id, row.org_id, row.key_hash, tuple(row.scopes), row.revoked)


async def touch_key(session: AsyncSession, key_id: UUID) -> None:
    await session.execute(
        update(api_keys)
        .where(api_keys.c.id == key_id)
        # At most one write a minute per key: authentication stays a read on the hot path.
        .where(
            or_(
                api_keys.c.last_used_at.is_(None),
                api_keys.c.last_used_at < func.now() - text("interval '1 minute'"),
            )
        )
        .values(last_used_at=func.now())
    )


async def revoke_key(session: AsyncSession, key_id: UUID) -> bool:
    result = await session.execute(
        update(api_keys)
        .where(api_keys.c.id == key_id, api_keys.c.revoked_at.is_(None))
        .values(revoked_at=func.now())
        .returning(api_keys.c.id)
    )
    return result.first() is not None
