"""Who presented these credentials: an API key (``ce_…``) or an OIDC token, told by shape.

Both kinds of principal are cached (``Container.auth_cache``): a key by its hash, a user by
identity and chosen org; a token's signature and expiry are checked on every request all
the same (no database work), and a key's expiry too.
"""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from cypheredge.gateway.domain.keys import KEY_PREFIX, hash_key
from cypheredge.gateway.domain.principals import Principal, Unauthenticated
from cypheredge.gateway.service.accounts import PrincipalCache, authenticate
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.service.users import sign_in


async def identify(app: Container, presented: str, org_hint: str | None) -> Principal:
    """The principal, or :class:`Unauthenticated`; ``org_hint`` picks one of a user's orgs."""
    if presented.startswith(KEY_PREFIX):
        principal = await authenticate(app.db, presented, app.auth_cache)
        if principal is None or principal.expired(datetime.now(UTC)):
            raise Unauthenticated("The API key is unknown, expired or revoked.")
        return principal
    if app.oidc is None:
        raise Unauthenticated(
            "Sign-in with tokens is not configured here (no OIDC_ISSUER); use an API key.",
            "oidc_not_configured",
        )
    identity = await app.oidc.verify(presented)
    # NUL cannot occur in a header: the parts of the cache key cannot run into each other.
    cache_key = hash_key(f"oidc\0{identity.subject}\0{(org_hint or '').strip().lower()}")
    found, cached = app.auth_cache.get(cache_key)
    if found and cached is not None:
        return cached
    principal = await sign_in(app.db, identity, org_hint)
    app.auth_cache.put(cache_key, principal)  # refusals are not cached: an invite works at once
    return principal


def forget(cache: PrincipalCache, payload: str | None) -> None:
    """A revocation notice: forget that key's or user's principal; None (the listener
    reconnected, notices may be lost): forget every principal."""
    if payload is None:
        cache.clear()
        return
    try:
        subject = UUID(payload)
    except ValueError:
        return
    cache.evict(lambda principal: principal.subject_id == subject)
