"""Request dependencies: the container, the authenticated principal, its scopes and rate limit.

Routes declare the scope they need with ``Depends(require("batches:read"))``; the principal is
an org's API key (``ce_…``) or a user signed in with a JWT from the configured OIDC issuer.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from cypheredge.gateway.api import context
from cypheredge.gateway.api.problems import Problem
from cypheredge.gateway.domain.principals import IdentityUnavailable, Unauthenticated
from cypheredge.gateway.domain.scopes import SCOPES
from cypheredge.gateway.service.accounts import Principal
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.service.identity import identify
from cypheredge.gateway.service.rates import org_quota

# Both schemes read the same header: the document offers either in /docs; the 401 is ours.
api_key = HTTPBearer(
    scheme_name="ApiKey",
    bearerFormat="ce_<prefix>_<secret>",
    description="An API key of the org: `Authorization: Bearer ce_…`",
    auto_error=False,
)
oidc_token = HTTPBearer(
    scheme_name="OidcJwt",
    bearerFormat="JWT",
    description="An ID or access token from the configured OIDC issuer (`OIDC_ISSUER`, "
    "audience `OIDC_AUDIENCE`) of a user of the org: `Authorization: Bearer eyJ…`. A person "
    "who is a user of several orgs names one with `X-Org-ID`.",
    auto_error=False,
)
_STATE = "cypheredge_principal"


def get_container(request: Request) -> Container:
    container: Container = request.app.state.container
    return container


ContainerDep = Annotated[Container, Depends(get_container)]
Credentials = HTTPAuthorizationCredentials | None


async def current_principal(
    request: Request,
    app: ContainerDep,
    key: Annotated[Credentials, Depends(api_key)],
    token: Annotated[Credentials, Depends(oidc_token)],
) -> Principal:
    # Once per request, however many dependencies ask (FastAPI caches per scope list).
    known = getattr(request.state, _STATE, None)
    if isinstance(known, Principal):
        return known
    credentials = key or token
    presented = credentials.credentials.strip() if credentials else ""
    if not presented:
        raise Problem(
            401,
            "Unauthorized",
            "Send 'Authorization: Bearer <api key or token>'.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    # Keys come from the in-process cache while fresh: an over-limit org costs no database work.
    try:
        principal = await identify(app, presented, request.headers.get("x-org-id"))
    except Unauthenticated as exc:
        raise Problem(
            401,
            "Unauthorized",
            exc.detail,
            code=exc.code,
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        ) from None
    except IdentityUnavailable:
        raise Problem(
            503,
            "Service Unavailable",
            "The sign-in provider's keys cannot be fetched now; retry shortly.",
            code="identity_provider_unavailable",
            headers={"Retry-After": "5"},
        ) from None
    await _limit(request, app, principal)
    setattr(request.state, _STATE, principal)
    return principal


async def _limit(request: Request, app: Container, principal: Principal) -> None:
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


PrincipalDep = Annotated[Principal, Depends(current_principal)]


def require_scope(principal: Principal, scope: str) -> None:
    """403 naming ``scope`` unless the principal holds it (or ``admin``)."""
    if not principal.may(scope):
        who = "The API key" if principal.key_id is not None else f"A {principal.role}"
        raise Problem(
            403,
            "Forbidden",
            f"{who} lacks the '{scope}' scope.",
            code="insufficient_scope",
            headers={"WWW-Authenticate": f'Bearer error="insufficient_scope", scope="{scope}"'},
            scope=scope,
        )


def require(scope: str) -> Callable[..., Awaitable[Principal]]:
    """A dependency giving the principal when it holds ``scope``; the OpenAPI document lists
    the scope on the operation's security requirements. Use ``Depends(require("…"))``."""
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}")

    # A default, not an Annotated hint: postponed annotations cannot see ``scope``.
    async def scoped(
        principal: Principal = Security(current_principal, scopes=[scope]),  # noqa: B008
    ) -> Principal:
        require_scope(principal, scope)
        return principal

    scoped.__name__ = f"require_{scope.replace(':', '_')}"
    return scoped
