"""/v1/api_keys: an org's API keys, issued (the secret shown once), listed and revoked."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Response

from cypheredge.gateway.api.deps import ContainerDep, require
from cypheredge.gateway.api.identity_schemas import ApiKeyCreate, ApiKeyCreated, ApiKeyList
from cypheredge.gateway.api.openapi import AUTHENTICATED, problems, success
from cypheredge.gateway.api.problems import Problem
from cypheredge.gateway.domain.principals import Principal
from cypheredge.gateway.domain.users import NotPermitted
from cypheredge.gateway.service import api_keys
from cypheredge.gateway.service.identity import forget

router = APIRouter(prefix="/v1/api_keys", tags=["api-keys"])
Admin = Annotated[Principal, Depends(require("admin"))]


@router.post(
    "",
    status_code=201,
    name="createApiKey",
    operation_id="createApiKey",
    summary="Issue an API key with scopes and an optional expiry",
    description="The answer's `secret` is the key, shown this once: only its prefix and a "
    "hash are kept. It stops working at `expires_at`. A key with `admin` may grant the owner "
    "role, so only an owner (or an `admin` key) issues one (403 `owner_role_required`).",
    response_model=ApiKeyCreated,
    responses={**success(201, "The key, with its secret"), **problems(*AUTHENTICATED, 400)},
)
async def create_api_key(body: ApiKeyCreate, app: ContainerDep, principal: Admin) -> dict[str, Any]:
    if body.expires_at is not None and body.expires_at <= datetime.now(UTC):
        raise Problem(
            422,
            "Invalid request",
            "expires_at must be in the future.",
            code="invalid_expiry",
            field="expires_at",
        )
    try:
        return await api_keys.create_key(
            app.db,
            principal,
            name=body.name,
            scopes=list(body.scopes),
            expires_at=body.expires_at,
        )
    except NotPermitted as exc:
        raise Problem(403, "Forbidden", str(exc), code="owner_role_required") from None


@router.get(
    "",
    name="listApiKeys",
    operation_id="listApiKeys",
    summary="The org's keys that are not revoked, newest first (never their secrets)",
    response_model=ApiKeyList,
    responses={**success(200, "The keys"), **problems(*AUTHENTICATED)},
)
async def list_api_keys(app: ContainerDep, principal: Admin) -> dict[str, Any]:
    return {"data": await api_keys.list_keys(app.db, principal.org_id)}


@router.delete(
    "/{key_id}",
    status_code=204,
    name="deleteApiKey",
    operation_id="deleteApiKey",
    summary="Revoke an API key",
    description="The key is refused from the next request on, by every gateway process.",
    response_class=Response,
    responses={**success(204, "Revoked"), **problems(*AUTHENTICATED, 404)},
)
async def delete_api_key(key_id: UUID, app: ContainerDep, principal: Admin) -> Response:
    if not await api_keys.revoke_key(app.db, principal.org_id, key_id):
        raise Problem(404, "Not Found", f"No API key {key_id}.")
    # This process at once; the others when the revocation's notice reaches them.
    forget(app.auth_cache, str(key_id))
    return Response(status_code=204)
