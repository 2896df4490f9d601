"""The FastAPI application factory."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from prometheus_client import Counter, Histogram

from cypheredge.gateway.api import problems
from cypheredge.gateway.api.problems import Problem, problem_response
from cypheredge.gateway.api.routes import batches, health, reports
from cypheredge.gateway.service.container import Container
from cypheredge.kit.tracing import adopt

HTTP_REQUESTS = Counter(
    "cypheredge_http_requests_total", "HTTP requests answered", ["method", "route", "status"]
)
HTTP_SECONDS = Histogram("cypheredge_http_request_seconds", "HTTP latency", ["method", "route"])

# Multipart framing and form fields on top of the files themselves.
_BODY_OVERHEAD = 1024 * 1024


def create_app(container: Container) -> FastAPI:
    app = FastAPI(
        title="CypherEdge API",
        version="1.0.0",
        description="Upload bank statement PDFs in batches; follow them through extraction.",
    )
    app.state.container = container
    problems.install(app)
    app.include_router(health.router)
    app.include_router(batches.router)
    app.include_router(reports.router)

    @app.middleware("http")
    async def trace_and_limit(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        traceparent = adopt(request.headers.get("traceparent"))
        declared = request.headers.get("content-length")
        limit = container.settings.max_total_bytes + _BODY_OVERHEAD
        if declared is not None and declared.isdigit() and int(declared) > limit:
            return problem_response(
                request,
                Problem(413, "Request too large", f"The body exceeds {limit} bytes."),
            )
        started = time.perf_counter()
        response = await call_next(request)
        route = _route(request)  # known only once routing has happened
        HTTP_SECONDS.labels(request.method, route).observe(time.perf_counter() - started)
        HTTP_REQUESTS.labels(request.method, route, response.status_code).inc()
        response.headers["traceparent"] = traceparent
        return response

    return app


def _route(request: Request) -> str:
    """The route template, not the raw path: ids must not explode metric cardinality."""
    route = request.scope.get("route")
    return str(getattr(route, "path", "unmatched"))
