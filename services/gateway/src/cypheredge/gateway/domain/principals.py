"""Who is calling: an org's API key or a signed-in user of the org, and what they may do."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from cypheredge.gateway.domain.scopes import MANAGING_ROLES, grants


@dataclass(frozen=True)
class Principal:
    """Exactly one of ``key_id`` (an API key) and ``user_id`` (a signed-in user) is set."""

    org_id: UUID
    key_id: UUID | None
    scopes: tuple[str, ...]
    user_id: UUID | None = None
    role: str | None = None  # users only
    # A key stops working at its expiry even while its lookup is cached.
    expires_at: datetime | None = None

    @property
    def subject_id(self) -> UUID:
        """The key's or the user's id: what a revocation names."""
        subject = self.key_id or self.user_id
        assert subject is not None
        return subject

    def may(self, scope: str) -> bool:
        return grants(self.scopes, scope)

    @property
    def manages_owners(self) -> bool:
        """Only an owner, or an org key with ``admin``, may grant or take away the owner role."""
        if self.user_id is not None:
            return self.role == "owner"
        return self.may("admin")

    @property
    def manages_users(self) -> bool:
        if self.user_id is not None:
            return self.role in MANAGING_ROLES
        return self.may("admin")

    def expired(self, now: datetime) -> bool:
        return self.expires_at is not None and now >= self.expires_at


class Unauthenticated(Exception):
    """The credentials prove nothing: answered 401 (``code`` says why, for the client)."""

    def __init__(self, detail: str, code: str = "invalid_token") -> None:
        super().__init__(detail)
        self.detail = detail
        self.code = code


class IdentityUnavailable(Exception):
    """The OIDC issuer's keys cannot be had now: the token may be good, so 503, not 401."""
