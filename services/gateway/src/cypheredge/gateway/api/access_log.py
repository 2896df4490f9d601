"""One access log line per request, in the platform's JSON log format.

Each line: method, route template (never the raw path's query string, which may carry a
secret), status, duration in ms, request id, trace id, and the org when the request was
authenticated. Probes and metrics scrapes are not logged: an orchestrator calls them every
few seconds.
"""

from __future__ import annotations

import logging

from starlette.types import Scope

from cypheredge.gateway.api import context
from cypheredge.gateway.api.deps import _STATE as PRINCIPAL_STATE
from cypheredge.gateway.service.accounts import Principal
from cypheredge.kit.tracing import current_trace_id, parse_trace_id


def route_template(scope: Scope) -> str:
    """The route template, not the raw path: ids must not explode metric cardinality (nor
    the query string leak a secret into a log)."""
    return str(getattr(scope.get("route"), "path", "unmatched"))


log = logging.getLogger("cypheredge.gateway.access")
# Probes and scrapes: an orchestrator calls them every few seconds.
QUIET_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})


def log_access(scope: Scope, status: int, duration_ms: float) -> None:
    """The access log line of one answered request (the edge middleware times it)."""
    if scope["path"] in QUIET_PATHS:
        return
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
    route = route_template(scope)
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
