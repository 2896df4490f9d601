"""SQL for an org's users (RLS: the session's org only) and the cross-org sign-in lookup."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from sqlalchemy import delete, func, or_, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.gateway.infra.models import users

_LISTED = (
    users.c.id,
    users.c.email,
    users.c.role,
    users.c.created_at,
    users.c.last_sign_in_at,
    (users.c.oidc_sub.is_not(None)).label("signed_in"),
)


@dataclass(frozen=True)
class Membership:
    user_id: UUID
    org_id: UUID
    linked: bool  # the identity is already linked (else: an invitation matched by email)


async def insert_user(
    session: AsyncSession, *, user_id: UUID, org_id: UUID, email: str, role: str
) -> dict[str, Any] | None:
    """The new user, or None when the org has one with this email (any case)."""
    row = (
        await session.execute(
            insert(users)
            .values(id=user_id, org_id=org_id, email=email, role=role)
            .on_conflict_do_nothing()
            .returning(*_LISTED)
        )
    ).first()
    return dict(row._mapping) if row else None


async def list_users(session: AsyncSession) -> list[dict[str, Any]]:
    rows = await session.execute(select(*_LISTED).order_by(users.c.created_at, users.c.id))
    return [dict(r._mapping) for r in rows]


async def lock_roles(session: AsyncSession, user_id: UUID) -> tuple[str | None, int]:
    """The user's role (None: no such user in the org) and how many owners the org has,
    with the owners' rows and the user's locked until commit: two concurrent demotions
    cannot both see a second owner."""
    rows = (
        await session.execute(
            select(users.c.id, users.c.role)
            .where(or_(users.c.role == "owner", users.c.id == user_id))
            .order_by(users.c.id)
            .with_for_update()
        )
    ).all()
    role = next((r.role for r in rows if r.id == user_id), None)
    return role, sum(1 for r in rows if r.role == "owner")


async def set_role(session: AsyncSession, user_id: UUID, role: str) -> dict[str, Any]:
    row = (
        await session.execute(
            update(users).where(users.c.id == user_id).values(role=role).returning(*_LISTED)
        )
    ).one()
    return dict(row._mapping)


async def delete_user(session: AsyncSession, user_id: UUID) -> None:
    await session.execute(delete(users).where(users.c.id == user_id))


async def memberships(
    session: AsyncSession, subject: str, verified_email: str | None
) -> list[Membership]:
    """Across orgs, through the security-definer function: ids only."""
    rows = await session.execute(
        text("SELECT user_id, org_id, linked FROM gateway.oidc_memberships(:sub, :email)"),
        {"sub": subject, "email": verified_email},
    )
    return [Membership(r.user_id, r.org_id, r.linked) for r in rows]


async def sign_in(session: AsyncSession, user_id: UUID, subject: str) -> str | None:
    """Links ``subject`` to the user if it has none yet and notes the sign-in (a lookup the
    principal cache missed: at most one a TTL per user and process); the user's role, or
    None when the user is gone or linked to another identity meanwhile."""
    row = (
        await session.execute(
            update(users)
            .where(
                users.c.id == user_id,
                or_(users.c.oidc_sub.is_(None), users.c.oidc_sub == subject),
            )
            .values(oidc_sub=subject, last_sign_in_at=func.now())
            .returning(users.c.role)
        )
    ).first()
    return row.role if row else None
