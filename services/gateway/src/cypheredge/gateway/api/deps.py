"""Request dependencies: the container, the authenticated org, and its rate limit."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from cypheredge.gateway.api.problems import Problem
from cypheredge.gateway.service.accounts import Principal, authenticate
from cypheredge.gateway.service.container import Container


def get_container(request: Request) -> Container:
    container: Container = request.app.state.container
    return container


ContainerDep = Annotated[Container, Depends(get_container)]


async def current_principal(request: Request, app: ContainerDep) -> Principal:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise Problem(
            401,
            "Unauthorized",
            "Send 'Authorization: Bearer <api key>'.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    principal = await authenticate(app.db, token.strip())
    if principal is None:
        raise Problem(
            401,
            "Unauthorized",
            "The API key is unknown or revoked.",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )
    decision = await app.rate_limiter.take(str(principal.org_id))
    if not decision.allowed:
        raise Problem(
            429,
            "Too Many Requests",
            "The org's request rate limit was reached.",
            headers={"Retry-After": str(decision.retry_after)},
        )
    return principal


PrincipalDep = Annotated[Principal, Depends(current_principal)]


def require_scope(principal: Principal, scope: str) -> None:
    if scope not in principal.scopes:
        raise Problem(403, "Forbidden", f"The API key lacks the '{scope}' scope.")
