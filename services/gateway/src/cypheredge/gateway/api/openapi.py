"""What the OpenAPI document says about errors and headers, shared by every route.

Each route lists the problem statuses it can answer; each listed status is documented as
``application/problem+json`` with the ProblemDetails schema, and every answer documents the
request id and RateLimit fields the edge adds.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from cypheredge.gateway.api.problems import PROBLEM_JSON, TITLES
from cypheredge.gateway.api.schemas import ProblemDetails, TransactionPage

_STRING = {"schema": {"type": "string"}}
HEADERS: dict[str, Any] = {
    "X-Request-ID": {**_STRING, "required": True, "description": "Also in error bodies"},
    "RateLimit-Policy": {**_STRING, "description": 'Quota policies, e.g. "org";q=60;w=6'},
    "RateLimit": {**_STRING, "description": 'What is left, e.g. "org";r=59;t=1'},
}
# Answers of a route that honours RFC 7240's `Prefer: wait`.
PREFER_WAIT: dict[str, Any] = {
    "Preference-Applied": {
        **_STRING,
        "description": "`wait=<seconds>` when the request's wait preference was honoured "
        "(the seconds after capping)",
    },
    "Vary": {**_STRING, "description": "`Prefer`: the answer depends on the wait preference"},
}
RETRY_AFTER = {"Retry-After": {"schema": {"type": "integer"}, "required": True}}
# Every authenticated route can answer these.
AUTHENTICATED = (401, 403, 422, 429, 500)


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """Responses entries for ``statuses``, each a problem+json with the common headers."""
    documented: dict[int | str, dict[str, Any]] = {}
    for status in sorted(set(statuses)):
        headers = {**HEADERS, **(RETRY_AFTER if status == 429 else {})}
        documented[status] = {
            "description": TITLES.get(status, "Error"),
            "headers": headers,
            "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}},
        }
    return documented


def success(status: int, description: str, **extra: Any) -> dict[int | str, dict[str, Any]]:
    return {status: {"description": description, "headers": HEADERS, **extra}}


def operation_id(route: APIRoute) -> str:
    """Stable operation ids: the route's own name (routes name theirs explicitly)."""
    return route.name


def install(app: FastAPI) -> None:
    """Adds the models routes refer to by $ref only (not as response_model) to components."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            for model in (ProblemDetails, TransactionPage):
                components[model.__name__] = model.model_json_schema(
                    ref_template="#/components/schemas/{model}"
                )
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
