"""RFC 9457 problem details for every error the API returns.

Every problem carries a stable ``code`` and the ``request_id`` of the request (also sent as
``X-Request-ID``), so a client's report can be matched to the server's log line. Handlers
cover our own errors, Starlette's HTTP errors, validation errors, a client that went away
mid-body, and, last, any other exception: nothing leaves the app as a plain-text 500.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from cypheredge.gateway.api.context import decorate, request_id
from cypheredge.gateway.domain.entitlement import Refusal
from cypheredge.gateway.domain.errors import SubmissionError

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger(__name__)

TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    402: "Payment Required",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    410: "Gone",
    413: "Content Too Large",
    415: "Unsupported Media Type",
    422: "Invalid request",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}
CODES = {
    400: "bad_request",
    401: "unauthorized",
    402: "payment_required",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    410: "gone",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "rate_limited",
    500: "internal_error",
    503: "unavailable",
}


class Problem(Exception):
    """Raise from a route to answer with problem+json; ``code`` defaults from the status."""

    def __init__(
        self,
        status: int,
        title: str,
        detail: str | None = None,
        *,
        type_: str = "about:blank",
        code: str | None = None,
        headers: dict[str, str] | None = None,
        **extensions: Any,
    ) -> None:
        super().__init__(detail or title)
        self.status = status
        self.title = title
        self.detail = detail
        self.type = type_
        self.code = code or CODES.get(status, "error")
        self.headers = headers or {}
        self.extensions = extensions


def problem_response(request: Request, problem: Problem) -> JSONResponse:
    body: dict[str, Any] = {
        "type": problem.type,
        "title": problem.title,
        "status": problem.status,
        "instance": request.url.path,
        "code": problem.code,
        "request_id": request_id(request.scope),
    }
    if problem.detail:
        body["detail"] = problem.detail
    body.update({k: v for k, v in problem.extensions.items() if v is not None})
    return JSONResponse(
        body, status_code=problem.status, headers=problem.headers, media_type=PROBLEM_JSON
    )


def from_submission(exc: SubmissionError) -> Problem:
    return Problem(exc.status, exc.title, exc.detail, code=exc.code, field=exc.field)


def from_refusal(refusal: Refusal) -> Problem:
    """An upload the org's plan or subscription does not allow: 402, with the figures."""
    return Problem(402, refusal.title, refusal.detail, code=refusal.code, **refusal.members)


def install(app: FastAPI) -> None:
    async def on_problem(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, Problem)
        return problem_response(request, exc)

    async def on_submission(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, SubmissionError)
        return problem_response(request, from_submission(exc))

    async def on_http(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        title = TITLES.get(exc.status_code, "HTTP error")
        detail = exc.detail if isinstance(exc.detail, str) and exc.detail != title else None
        headers = dict(exc.headers or {})
        return problem_response(request, Problem(exc.status_code, title, detail, headers=headers))

    async def on_validation(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        errors = [
            {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))}
            for e in exc.errors()
        ]
        first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
        field = ".".join(first["loc"])
        detail = f"{field}: {first['msg']}"
        problem = Problem(422, "Invalid request", detail, field=field, errors=errors)
        return problem_response(request, problem)

    async def on_disconnect(request: Request, exc: Exception) -> JSONResponse:
        # Nobody is left to read it, but the app must still end the request cleanly.
        return problem_response(request, Problem(400, "Client disconnected", code="disconnected"))

    async def on_unexpected(request: Request, exc: Exception) -> JSONResponse:
        # The last resort (Starlette's ServerErrorMiddleware calls it, then re-raises so the
        # server logs the traceback): the client still gets problem+json with a request id.
        log.error("unhandled error (request %s)", request_id(request.scope), exc_info=exc)
        response = problem_response(
            request, Problem(500, "Internal Server Error", "An unexpected error occurred.")
        )
        decorate(request.scope, response.headers)
        return response

    app.add_exception_handler(Problem, on_problem)
    app.add_exception_handler(SubmissionError, on_submission)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(ClientDisconnect, on_disconnect)
    app.add_exception_handler(Exception, on_unexpected)
