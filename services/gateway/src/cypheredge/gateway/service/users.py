"""Use cases around an org's users: invite, list, change a role, remove, and sign in.

Every change that takes rights away announces a revocation in its transaction, so every
gateway process forgets the user's cached principal at commit (``infra/revocations.py``).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

from cypheredge.gateway.domain.principals import Principal, Unauthenticated
from cypheredge.gateway.domain.scopes import scopes_of_role
from cypheredge.gateway.domain.users import (
    EmailTaken,
    check_invite,
    check_role_change,
    normalized_email,
)
from cypheredge.gateway.infra import users as sql
from cypheredge.gateway.infra.revocations import announce_revoked
from cypheredge.gateway.service.oidc import Identity
from cypheredge.kit.db import Database


async def invite(db: Database, actor: Principal, email: str, role: str) -> dict[str, Any]:
    """A user of the actor's org who signs in once with a verified ``email``."""
    check_invite(manages_owners=actor.manages_owners, role=role)
    address = normalized_email(email)
    async with db.tenant(actor.org_id) as session:
        created = await sql.insert_user(
            session, user_id=uuid4(), org_id=actor.org_id, email=address, role=role
        )
    if created is None:
        raise EmailTaken(f"The org already has a user {address}.")
    return created


async def list_users(db: Database, org_id: UUID) -> list[dict[str, Any]]:
    async with db.tenant(org_id) as session:
        return await sql.list_users(session)


async def change_role(
    db: Database, actor: Principal, user_id: UUID, role: str
) -> dict[str, Any] | None:
    """The user with its new role; None when the org has no such user."""
    async with db.tenant(actor.org_id) as session:
        current, owners = await sql.lock_roles(session, user_id)
        if current is None:
            return None
        check_role_change(
            manages_owners=actor.manages_owners, current=current, new=role, owners=owners
        )
        changed = await sql.set_role(session, user_id, role)
        if current != role:
            await announce_revoked(session, user_id)
        return changed


async def remove(db: Database, actor: Principal, user_id: UUID) -> bool:
    """False when the org has no such user."""
    async with db.tenant(actor.org_id) as session:
        current, owners = await sql.lock_roles(session, user_id)
        if current is None:
            return False
        check_role_change(
            manages_owners=actor.manages_owners, current=current, new=None, owners=owners
        )
        await sql.delete_user(session, user_id)
        await announce_revoked(session, user_id)
        return True


async def sign_in(db: Database, identity: Identity, org_hint: str | None) -> Principal:
    """The principal of the user this identity is in the chosen org; the first sign-in of
    an invitation links the identity to it (by email, only when the issuer verified it)."""
    verified = identity.email if identity.email_verified else None
    async with db.system() as session:
        found = await sql.memberships(session, identity.subject, verified)
    membership = _choose(found, org_hint)
    async with db.tenant(membership.org_id) as session:
        role = await sql.sign_in(session, membership.user_id, identity.subject)
    if role is None:
        raise Unauthenticated("The user was removed.", "unknown_user")
    return Principal(
        org_id=membership.org_id,
        key_id=None,
        scopes=scopes_of_role(role),
        user_id=membership.user_id,
        role=role,
    )


def _choose(found: list[sql.Membership], org_hint: str | None) -> sql.Membership:
    # An org where the identity is linked ignores a pending invitation matched by email.
    linked = {m.org_id for m in found if m.linked}
    candidates = [m for m in found if m.linked or m.org_id not in linked]
    if org_hint is not None:
        chosen = [m for m in candidates if str(m.org_id) == org_hint.strip().lower()]
        if not chosen:
            raise Unauthenticated("You are not a user of the org X-Org-ID names.", "unknown_user")
        return chosen[0]
    if not candidates:
        raise Unauthenticated(
            "No org has a user with this identity (or its email is not verified); ask an "
            "owner or admin to invite you.",
            "unknown_user",
        )
    if len(candidates) > 1:
        raise Unauthenticated(
            "You are a user of several orgs: name one with the X-Org-ID header.", "org_required"
        )
    return candidates[0]
