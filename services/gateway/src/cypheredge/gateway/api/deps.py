"""Request dependencies: the container, the authenticated org, and its rate limit."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from cypheredge.gateway.api import context
from cypheredge.gateway.api.problems import Problem
from cypheredge.gateway.service.accounts import Principal, authenticate
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.service.rates import org_quota

# Declares the scheme in the OpenAPI document; the 401 itself is ours (problem+json).
api_key = HTTPBearer(
    scheme_name="ApiKey",
    bearerFormat="ce_<prefix>_<secret>",
    description="An API key of the org: `Authorization: Bearer ce_…`",
    auto_error=False,
)


def get_container(request: Request) -> Container:
    container: Container = request.app.state.container
    return container


ContainerDep = Annotated[Container, Depends(get_container)]


async def current_principal(
    request: Request,
    app: ContainerDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(api_key)],
) -> Principal:
    if credentials is None or not credentials.credentials.strip():
        raise Problem(
            401,
            "Unauthorized",
            "Send 'Authorization: Bearer <api key>'.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    # From the in-process cache while fresh: an over-limit org's requests cost no database work.
    principal = await authenticate(app.db, credentials.credentials.strip(), app.auth_cache)
    if principal is None:
        raise Problem(
            401,
            "Unauthorized",
            "The API key is unknown or revoked.",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )
    limiter = app.rate_limits.org
    quota = await org_quota(app, principal.org_id)  # the org's plan's, cached
    decision = await limiter.take(str(principal.org_id), quota)
    context.record(request.scope, "org", quota or limiter.quota, decision)
    if not decision.allowed:
        raise Problem(
            429,
            "Too Many Requests",
            "The org's request rate limit was reached.",
            headers={"Retry-After": str(decision.retry_after)},
            policy="org",
        )
    return principal


PrincipalDep = Annotated[Principal, Depends(current_principal)]


def require_scope(principal: Principal, scope: str) -> None:
    if scope not in principal.scopes:
        raise Problem(403, "Forbidden", f"The API key lacks the '{scope}' scope.")
