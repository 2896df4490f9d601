"""One access log line per request, in the platform's JSON log format.

Each line: method, route template (never the raw path's query string, which may carry a
secret), status, duration in ms, request id, trace id, and the org when the request was
authenticated. Probes and metrics scrapes are not logged: an orchestrator calls them every
few seconds.
"""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cypheredge.gateway.api import context
from cypheredge.gateway.api.deps import _STATE as PRINCIPAL_STATE
from cypheredge.gateway.service.accounts import Principal
from cypheredge.kit.tracing import current_trace_id, parse_trace_id

log = logging.getLogger("cypheredge.gateway.access")
QUIET_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})


class AccessLogMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in QUIET_PATHS:
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # what the client gets if the app raises (the last-resort handler)

        async def observed(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, observed)
        finally:
            duration_ms = (time.perf_counter() - started) * 1000
            entry = fields(scope, status, duration_ms)
            log.info(
                "%s %s %d %.1fms",
                entry["method"],
                entry["route"],
                status,
                duration_ms,
                extra={"fields": entry},
            )


def fields(scope: Scope, status: int, duration_ms: float) -> dict[str, object]:
    """The access log fields of one answered request."""
    ctx = context.of(scope)
    route = str(getattr(scope.get("route"), "path", "unmatched"))
    principal = scope.get("state", {}).get(PRINCIPAL_STATE)
    return {
        "method": scope["method"],
        "route": route,
        "status": status,
        "duration_ms": round(duration_ms, 2),
        "request_id": ctx.request_id,
        "trace_id": current_trace_id() or parse_trace_id(ctx.traceparent),
        "org_id": str(principal.org_id) if isinstance(principal, Principal) else None,
    }
