"""Stripe's error responses: ``{"error": {type, code, message, param}}`` with its status codes.

The ``stripe`` client picks its exception class from the status (400/404 ->
``InvalidRequestError``, 401 -> ``AuthenticationError``, 402 -> ``CardError``, 429 ->
``RateLimitError``, others -> ``APIError``) and from ``type == "idempotency_error"``, so both
have to be what Stripe sends for a test to see the exception production would raise.
"""

from __future__ import annotations

from typing import Any

# The type Stripe gives each status when nothing more specific applies.
DEFAULT_TYPES: dict[int, str] = {
    400: "invalid_request_error",
    401: "invalid_request_error",
    402: "card_error",
    403: "invalid_request_error",
    404: "invalid_request_error",
    409: "invalid_request_error",
    429: "rate_limit_error",
}


class StripeError(Exception):
    """An error answer: raised anywhere in a handler, written by the server as Stripe would."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        error_type: str | None = None,
        code: str | None = None,
        param: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.error_type = error_type or DEFAULT_TYPES.get(status, "api_error")
        self.code = code
        self.param = param
        self.headers = headers or {}

    def fresh(self) -> StripeError:
        """A new instance to raise again (an injected fault answers many requests)."""
        return StripeError(
            self.status,
            self.message,
            error_type=self.error_type,
            code=self.code,
            param=self.param,
            headers=dict(self.headers),
        )

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"type": self.error_type, "message": self.message}
        if self.code is not None:
            error["code"] = self.code
            error["doc_url"] = f"https://docs.stripe.com/error-codes/{self.code.replace('_', '-')}"
        if self.param is not None:
            error["param"] = self.param
        return {"error": error}


def invalid(message: str, param: str | None = None, code: str | None = None) -> StripeError:
    """400 ``invalid_request_error``: what Stripe answers to parameters it refuses."""
    return StripeError(400, message, param=param, code=code)


def missing_param(param: str) -> StripeError:
    return invalid(f"Missing required param: {param}.", param, "parameter_missing")


def unknown_param(param: str) -> StripeError:
    return invalid(f"Received unknown parameter: {param}", param, "parameter_unknown")


def no_such(kind: str, object_id: str, param: str = "id", status: int = 404) -> StripeError:
    """Stripe's answer to an id it does not hold: 404 in the path, 400 in a parameter."""
    return StripeError(
        status, f"No such {kind}: '{object_id}'", param=param, code="resource_missing"
    )
