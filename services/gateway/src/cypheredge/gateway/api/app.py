"""The FastAPI application factory."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response

from cypheredge.gateway.api import problems
from cypheredge.gateway.api.problems import Problem, problem_response
from cypheredge.gateway.api.routes import batches, health
from cypheredge.gateway.service.container import Container
from cypheredge.kit.tracing import adopt

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
        response = await call_next(request)
        response.headers["traceparent"] = traceparent
        return response

    return app
