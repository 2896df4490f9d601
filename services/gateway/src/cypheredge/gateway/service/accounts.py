"""Use cases around orgs and API keys: creating an org, authenticating and revoking a key."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID, uuid4

from cypheredge.gateway.domain.keys import (
    DEFAULT_SCOPES,
    hash_key,
    issue_key,
    matches,
    prefix_of,
)
from cypheredge.gateway.domain.principals import Principal
from cypheredge.gateway.infra import accounts as sql
from cypheredge.gateway.infra.revocations import announce_revoked
from cypheredge.gateway.service.keycache import KeyCache
from cypheredge.kit.db import Database

__all__ = [
    "CreatedOrg",
    "Principal",
    "PrincipalCache",
    "authenticate",
    "create_org",
    "revoke_key",
]


@dataclass(frozen=True)
class CreatedOrg:
    org_id: UUID
    api_key: str


async def create_org(db: Database, name: str) -> CreatedOrg:
    """A new org with its first API key (the plaintext is returned once, never stored)."""
    org_id = uuid4()
    key = issue_key()
    async with db.tenant(org_id) as session:
        await sql.insert_org(session, org_id, name)
        await sql.insert_api_key(
            session,
            key_id=uuid4(),
            org_id=org_id,
            name="default",
            prefix=key.prefix,
            key_hash=key.key_hash,
            scopes=DEFAULT_SCOPES,
        )
    return CreatedOrg(org_id=org_id, api_key=key.plaintext)


PrincipalCache = KeyCache[Principal]


async def authenticate(
    db: Database, presented: str, cache: PrincipalCache | None = None
) -> Principal | None:
    """The key's principal, from ``cache`` while it is fresh (a revocation shows after its
    TTL), else from the database; an unknown key is remembered too (negative cache)."""
    prefix = prefix_of(presented)
    if prefix is None:
        return None  # not shaped like a key: refused without a lookup, nothing to cache
    if cache is None:
        return await _lookup(db, presented, prefix)
    key_hash = hash_key(presented)
    found, principal = cache.get(key_hash)
    if not found:
        principal = await _lookup(db, presented, prefix)
        cache.put(key_hash, principal)
    return principal


async def _lookup(db: Database, presented: str, prefix: str) -> Principal | None:
    async with db.system() as session:
        record = await sql.find_key(session, prefix)
    if record is None or record.revoked or not matches(presented, record.key_hash):
        return None
    async with db.tenant(record.org_id) as session:
        await sql.touch_key(session, record.id)
    return Principal(
        org_id=record.org_id, key_id=record.id, scopes=record.scopes, expires_at=record.expires_at
    )


async def revoke_key(db: Database, org_id: UUID, key_id: UUID) -> bool:
    """Revokes a key of the org; False when it has no such key. Every gateway process is told
    at commit (their caches forget it then, or within their TTL if the notice is lost)."""
    async with db.tenant(org_id) as session:
        revoked = await sql.revoke_key(session, key_id)
        if revoked:
            await announce_revoked(session, key_id)
        return revoked
