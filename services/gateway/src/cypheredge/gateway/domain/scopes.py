"""What a principal may do: scopes on API keys, and the scopes each user role carries.

``admin`` implies every scope, so an org's full-access key or an owner needs no list of its
own; every route names the one scope it needs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, Literal, get_args

Scope = Literal["batches:write", "batches:read", "reports:read", "webhooks:manage", "admin"]
Role = Literal["owner", "admin", "member", "viewer"]

SCOPES: Final[tuple[str, ...]] = get_args(Scope)
ROLES: Final[tuple[str, ...]] = get_args(Role)
ADMIN: Final = "admin"
ALL_SCOPES: Final[tuple[str, ...]] = SCOPES

ROLE_SCOPES: Final[dict[str, tuple[str, ...]]] = {
    "owner": ALL_SCOPES,
    "admin": ALL_SCOPES,
    "member": ("batches:write", "batches:read", "reports:read"),
    "viewer": ("batches:read", "reports:read"),
}
# Roles whose holders manage the org's users and API keys.
MANAGING_ROLES: Final = frozenset({"owner", "admin"})


def grants(held: Iterable[str], needed: str) -> bool:
    """Whether scopes ``held`` allow what ``needed`` guards (``admin`` allows everything)."""
    held = frozenset(held)
    return needed in held or ADMIN in held


def scopes_of_role(role: str) -> tuple[str, ...]:
    return ROLE_SCOPES.get(role, ())


def normalized(scopes: Iterable[str]) -> tuple[str, ...]:
    """Known scopes once each, in the canonical order; ValueError names an unknown one."""
    wanted = set(scopes)
    unknown = sorted(wanted - set(SCOPES))
    if unknown:
        raise ValueError(f"unknown scope {unknown[0]!r}")
    return tuple(s for s in SCOPES if s in wanted)
