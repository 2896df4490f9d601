"""The edge of every request (pure ASGI, so request bodies stream through untouched).

It assigns the request id and trace, applies the global and per-client-address rate limits
before routing (so a flood is turned away before authentication or any database work),
adds the request id, trace and RateLimit fields to every answer, and records metrics and
the access log line.
Operations endpoints (probes, metrics) are never limited: an orchestrator must always see them.
"""

from __future__ import annotations

import time

from prometheus_client import Counter, Histogram
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cypheredge.gateway.api import context
from cypheredge.gateway.api.access_log import QUIET_PATHS, log_access, route_template
from cypheredge.gateway.api.problems import Problem, problem_response
from cypheredge.gateway.service.container import RateLimits
from cypheredge.kit.tracing import adopt

HTTP_REQUESTS = Counter(
    "cypheredge_http_requests_total", "HTTP requests answered", ["method", "route", "status"]
)
HTTP_SECONDS = Histogram("cypheredge_http_request_seconds", "HTTP latency", ["method", "route"])


class EdgeMiddleware:
    def __init__(self, app: ASGIApp, limits: RateLimits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        ctx = context.of(scope)
        ctx.traceparent = adopt(_header(scope, b"traceparent"))
        started = time.perf_counter()
        status = 500  # what the client gets if the app raises (the last-resort handler)

        async def send_decorated(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                context.decorate(scope, MutableHeaders(scope=message))
            await send(message)

        try:
            refusal = await self._refusal(scope)
            if refusal is not None:
                await problem_response(Request(scope), refusal)(scope, receive, send_decorated)
                return
            await self.app(scope, receive, send_decorated)
        finally:
            seconds = time.perf_counter() - started
            route = route_template(scope)  # known only once routing has happened
            HTTP_SECONDS.labels(scope["method"], route).observe(seconds)
            HTTP_REQUESTS.labels(scope["method"], route, status).inc()
            log_access(scope, status, seconds * 1000)

    async def _refusal(self, scope: Scope) -> Problem | None:
        if scope["path"] in QUIET_PATHS:  # probes and scrapes are never limited
            return None
        client = scope.get("client")
        address = client[0] if client else "unknown"
        for name, limiter, key in (
            ("global", self.limits.global_, "global"),
            ("client", self.limits.client, f"client:{address}"),
        ):
            decision = await limiter.take(key)
            context.record(scope, name, limiter.quota, decision)
            if not decision.allowed:
                return Problem(
                    429,
                    "Too Many Requests",
                    f"The {name} request rate limit was reached.",
                    code="rate_limited",
                    headers={"Retry-After": str(decision.retry_after)},
                    policy=name,
                )
        return None


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return bytes(value).decode("latin-1")
    return None
