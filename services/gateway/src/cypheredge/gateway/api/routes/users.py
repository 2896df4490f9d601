"""/v1/users: an org's users and their roles, managed by an owner, an admin or an admin key."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Response

from cypheredge.gateway.api.deps import ContainerDep, require
from cypheredge.gateway.api.identity_schemas import User, UserInvite, UserList, UserUpdate
from cypheredge.gateway.api.openapi import AUTHENTICATED, problems, success
from cypheredge.gateway.api.problems import Problem
from cypheredge.gateway.domain.principals import Principal
from cypheredge.gateway.domain.users import EmailTaken, LastOwner, NotPermitted
from cypheredge.gateway.service import users
from cypheredge.gateway.service.identity import forget

router = APIRouter(prefix="/v1/users", tags=["users"])
Admin = Annotated[Principal, Depends(require("admin"))]


@router.post(
    "",
    status_code=201,
    name="createUser",
    operation_id="createUser",
    summary="Invite a person by email with a role",
    description="The person becomes the user at their first sign-in with a token whose "
    "`email` matches (any case) and whose `email_verified` is true. Only an owner (or an "
    "API key with `admin`) may invite an owner.",
    response_model=User,
    responses={**success(201, "The invited user"), **problems(*AUTHENTICATED, 400, 409)},
)
async def create_user(body: UserInvite, app: ContainerDep, principal: Admin) -> dict[str, Any]:
    try:
        return await users.invite(app.db, principal, body.email, body.role)
    except (EmailTaken, NotPermitted) as exc:
        raise _problem(exc) from None


@router.get(
    "",
    name="listUsers",
    operation_id="listUsers",
    summary="The org's users, oldest first",
    response_model=UserList,
    responses={**success(200, "The users"), **problems(*AUTHENTICATED)},
)
async def list_users(app: ContainerDep, principal: Admin) -> dict[str, Any]:
    return {"data": await users.list_users(app.db, principal.org_id)}


@router.patch(
    "/{user_id}",
    name="updateUser",
    operation_id="updateUser",
    summary="Change a user's role",
    description="The org's last owner cannot be demoted (409 `last_owner`); only an owner "
    "(or an API key with `admin`) may grant or take away the owner role. The user's new "
    "rights apply from their next request.",
    response_model=User,
    responses={**success(200, "The user"), **problems(*AUTHENTICATED, 400, 404, 409)},
)
async def update_user(
    user_id: UUID, body: UserUpdate, app: ContainerDep, principal: Admin
) -> dict[str, Any]:
    try:
        changed = await users.change_role(app.db, principal, user_id, body.role)
    except (LastOwner, NotPermitted) as exc:
        raise _problem(exc) from None
    if changed is None:
        raise Problem(404, "Not Found", f"No user {user_id}.")
    forget(app.auth_cache, str(user_id))  # this process at once; others on the notice
    return changed


@router.delete(
    "/{user_id}",
    status_code=204,
    name="deleteUser",
    operation_id="deleteUser",
    summary="Remove a user from the org",
    description="Takes effect on the user's next request. The last owner cannot be removed.",
    response_class=Response,
    responses={**success(204, "Removed"), **problems(*AUTHENTICATED, 404, 409)},
)
async def delete_user(user_id: UUID, app: ContainerDep, principal: Admin) -> Response:
    try:
        removed = await users.remove(app.db, principal, user_id)
    except (LastOwner, NotPermitted) as exc:
        raise _problem(exc) from None
    if not removed:
        raise Problem(404, "Not Found", f"No user {user_id}.")
    forget(app.auth_cache, str(user_id))
    return Response(status_code=204)


def _problem(exc: Exception) -> Problem:
    if isinstance(exc, EmailTaken):
        return Problem(409, "Email taken", str(exc), code="email_taken", field="email")
    if isinstance(exc, LastOwner):
        return Problem(409, "Last owner", str(exc), code="last_owner")
    return Problem(403, "Forbidden", str(exc), code="owner_role_required")
