"""Per-request facts the edge sets and every answer repeats: request id, trace, rate limits.

They live in the ASGI scope's ``state`` so that the middleware, the dependencies and the
last-resort error handler (which runs outside the middleware) all see the same values.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import Any
from uuid import uuid4

from starlette.datastructures import MutableHeaders

from cypheredge.gateway.infra.ratelimit import Decision, Quota

REQUEST_ID_HEADER = "X-Request-ID"
_KEY = "cypheredge"


@dataclass(frozen=True)
class Applied:
    """One rate-limit policy applied to this request and what it decided."""

    name: str
    quota: Quota
    decision: Decision


@dataclass
class RequestContext:
    request_id: str = field(default_factory=lambda: uuid4().hex)
    traceparent: str | None = None
    limits: list[Applied] = field(default_factory=list)


def of(scope: MutableMapping[str, Any]) -> RequestContext:
    state = scope.setdefault("state", {})
    found = state.get(_KEY)
    if not isinstance(found, RequestContext):
        found = state[_KEY] = RequestContext()
    return found


def request_id(scope: MutableMapping[str, Any]) -> str:
    return of(scope).request_id


def record(scope: MutableMapping[str, Any], name: str, quota: Quota, decision: Decision) -> None:
    of(scope).limits.append(Applied(name, quota, decision))


def decorate(scope: MutableMapping[str, Any], headers: MutableHeaders) -> None:
    """Adds the request id, trace and RateLimit fields (draft-ietf-httpapi-ratelimit-headers)."""
    ctx = of(scope)
    headers[REQUEST_ID_HEADER] = ctx.request_id
    if ctx.traceparent:
        headers["traceparent"] = ctx.traceparent
    if ctx.limits:
        headers["RateLimit-Policy"] = ", ".join(
            f'"{a.name}";q={a.quota.burst};w={a.quota.window}' for a in ctx.limits
        )
        headers["RateLimit"] = ", ".join(
            f'"{a.name}";r={a.decision.remaining};t={a.decision.reset}' for a in ctx.limits
        )
