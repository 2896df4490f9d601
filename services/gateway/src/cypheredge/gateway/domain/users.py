"""Rules about an org's users: who may grant which role, and the org keeps an owner."""

from __future__ import annotations

import re

from cypheredge.gateway.domain.scopes import ADMIN

# Enough to refuse what cannot be an address; whether it receives mail is the issuer's
# business (an invitation is linked only to a token whose email is verified).
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


class EmailTaken(Exception):
    """The org already has a user with this email (in any case)."""


class LastOwner(Exception):
    """The change would leave the org without an owner."""


class NotPermitted(Exception):
    """The principal may manage users, but not this change (the owner role)."""


def normalized_email(raw: str) -> str:
    """The address trimmed; ValueError when it is not shaped like one. Matching is by
    lower case (the database's unique index too), the stored spelling is the inviter's."""
    email = raw.strip()
    if len(email) > 320 or not _EMAIL.match(email):
        raise ValueError("not an email address")
    return email


def check_role_change(*, manages_owners: bool, current: str, new: str | None, owners: int) -> None:
    """Whether a user of role ``current`` may become ``new`` (None: be removed) while the org
    has ``owners`` owners; raises :class:`NotPermitted` or :class:`LastOwner`."""
    if (current == "owner" or new == "owner") and not manages_owners and current != new:
        raise NotPermitted(
            "Only an owner, or an API key with 'admin', may grant or take away the owner role."
        )
    if current == "owner" and new != "owner" and owners <= 1:
        raise LastOwner("The org's last owner cannot be removed or demoted.")


def check_invite(*, manages_owners: bool, role: str) -> None:
    if role == "owner" and not manages_owners:
        raise NotPermitted("Only an owner, or an API key with 'admin', may invite an owner.")


def check_key_scopes(*, manages_owners: bool, scopes: tuple[str, ...]) -> None:
    """An ``admin`` key may grant the owner role, so only a principal who may do that issues
    one: otherwise an admin user could mint a key and make themselves an owner."""
    if ADMIN in scopes and not manages_owners:
        raise NotPermitted(
            "Only an owner, or an API key with 'admin', may issue a key with the 'admin' scope."
        )
