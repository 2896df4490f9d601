"""Use cases around an org's API keys: issue (the secret shown once), list, revoke."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

from cypheredge.gateway.domain.keys import issue_key
from cypheredge.gateway.domain.principals import Principal
from cypheredge.gateway.domain.scopes import normalized
from cypheredge.gateway.domain.users import check_key_scopes
from cypheredge.gateway.infra import accounts as sql
from cypheredge.gateway.service.accounts import revoke_key
from cypheredge.kit.db import Database

__all__ = ["create_key", "list_keys", "revoke_key"]


async def create_key(
    db: Database,
    actor: Principal,
    *,
    name: str,
    scopes: list[str],
    expires_at: datetime | None,
) -> dict[str, Any]:
    """The new key's row with its plaintext under ``secret``: the only time it is seen;
    :class:`NotPermitted` when the actor may not issue an ``admin`` key."""
    granted = normalized(scopes)
    check_key_scopes(manages_owners=actor.manages_owners, scopes=granted)
    org_id = actor.org_id
    key = issue_key()
    async with db.tenant(org_id) as session:
        row = await sql.insert_api_key(
            session,
            key_id=uuid4(),
            org_id=org_id,
            name=name,
            prefix=key.prefix,
            key_hash=key.key_hash,
            scopes=granted,
            expires_at=expires_at,
        )
    return {**row, "secret": key.plaintext}


async def list_keys(db: Database, org_id: UUID) -> list[dict[str, Any]]:
    async with db.tenant(org_id) as session:
        return await sql.list_keys(session)
