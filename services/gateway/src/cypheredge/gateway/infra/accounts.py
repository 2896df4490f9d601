"""SQL for orgs and API keys."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import func, insert, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.gateway.infra.models import api_keys, orgs


@dataclass(frozen=True)
class KeyRecord:
    id: UUID
    org_id: UUID
    key_hash: str
    scopes: tuple[str, ...]
    revoked: bool
    expires_at: datetime | None = None


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
    expires_at: datetime | None = None,
) -> dict[str, Any]:
    """Inserts the key; its row as listed (never the hash)."""
    row = (
        await session.execute(
            insert(api_keys)
            .values(
                id=key_id,
                org_id=org_id,
                name=name,
                prefix=prefix,
                key_hash=key_hash,
                scopes=list(scopes),
                expires_at=expires_at,
            )
            .returning(*_LISTED)
        )
    ).one()
    return _listed(row._mapping)


_LISTED = (
    api_keys.c.id,
    api_keys.c.name,
    api_keys.c.prefix,
    api_keys.c.scopes,
    api_keys.c.created_at,
    api_keys.c.last_used_at,
    api_keys.c.expires_at,
)


def _listed(row: Any) -> dict[str, Any]:
    return {**dict(row), "scopes": list(row["scopes"])}


async def list_keys(session: AsyncSession) -> list[dict[str, Any]]:
    """The org's keys that are not revoked (RLS: the session's org only), newest first."""
    rows = await session.execute(
        select(*_LISTED)
        .where(api_keys.c.revoked_at.is_(None))
        .order_by(api_keys.c.created_at.desc(), api_keys.c.id)
    )
    return [_listed(row._mapping) for row in rows]


async def find_key(session: AsyncSession, prefix: str) -> KeyRecord | None:
    """Cross-tenant lookup through the security-definer function (no org is known yet)."""
    row = (
        await session.execute(
            text(
                "SELECT id, org_id, key_hash, scopes, revoked, expires_at "
                "FROM gateway.api_key_lookup(:p)"
            ),
            {"p": prefix},
        )
    ).first()
    if row is None:
        return None
    return KeyRecord(
        row.id, row.org_id, row.key_hash, tuple(row.scopes), row.revoked, row.expires_at
    )


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
