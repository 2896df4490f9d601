"""The FastAPI application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from cypheredge.gateway.api import openapi, problems
from cypheredge.gateway.api.edge import HTTP_REQUESTS, HTTP_SECONDS, EdgeMiddleware
from cypheredge.gateway.api.observability import observe
from cypheredge.gateway.api.routes import (
    api_keys,
    batches,
    billing,
    health,
    reports,
    stripe,
    users,
    webhook_endpoints,
)
from cypheredge.gateway.service.container import Container

__all__ = ["HTTP_REQUESTS", "HTTP_SECONDS", "create_app"]


def create_app(container: Container) -> FastAPI:
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # One LISTEN connection per process wakes every long-polling request (Prefer: wait).
        await container.batch_changes.start()
        try:
            yield
        finally:
            await container.batch_changes.stop()

    app = FastAPI(
        lifespan=lifespan,
        title="CypherEdge API",
        version="1.0.0",
        description="Upload bank statement PDFs in batches; follow them through extraction. "
        "Every error is RFC 9457 application/problem+json with a `code` and a `request_id`; "
        "every answer carries `X-Request-ID` and, where limits apply, the `RateLimit-Policy` "
        "and `RateLimit` fields (draft-ietf-httpapi-ratelimit-headers), `Retry-After` on 429.",
        generate_unique_id_function=openapi.operation_id,
    )
    app.state.container = container
    problems.install(app)
    openapi.install(app)
    # Any route can fail unexpectedly; the last-resort handler answers problem+json then.
    operations = {**openapi.success(200, "Successful Response"), **openapi.problems(500)}
    app.include_router(health.router, responses=operations)
    app.include_router(batches.router)
    app.include_router(reports.router)
    app.include_router(users.router)
    app.include_router(api_keys.router)
    app.include_router(webhook_endpoints.router)
    app.include_router(billing.router)
    app.include_router(stripe.router)
    app.add_middleware(EdgeMiddleware, limits=container.rate_limits)
    observe(app)  # access log around the edge; request spans around everything
    return app
