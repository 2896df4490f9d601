"""Stripe's ``Idempotency-Key`` on POSTs: the first result is saved and replayed.

What Stripe documents, and this keeps: a result is saved once the endpoint has begun, 500s
included, but not a request refused before that (parameters failing validation, a request
racing another with the same key); the same key with other parameters or another endpoint is
an ``idempotency_error``; a second request while the first is still running is refused with
409 ``idempotency_key_in_use`` (the ``stripe`` client retries 409s, then sees the replay).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from stripefake.errors import StripeError


@dataclass(frozen=True)
class Saved:
    """A response as first sent, and what it answered."""

    method: str
    path: str
    params: dict[str, Any]
    status: int
    body: bytes
    request_id: str


class IdempotencyKeys:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._saved: dict[str, Saved] = {}
        self._running: set[str] = set()

    def begin(self, key: str, method: str, path: str, params: dict[str, Any]) -> Saved | None:
        """The saved response to replay, or None after marking ``key`` running (the caller
        must then call ``finish``). Raises the error Stripe answers to a misused key."""
        with self._lock:
            saved = self._saved.get(key)
            if saved is not None:
                if (saved.method, saved.path) != (method, path):
                    raise StripeError(
                        400,
                        "Keys for idempotent requests can only be used for the same endpoint "
                        f"they were first used for ('{saved.method} {saved.path}' vs "
                        f"'{method} {path}'). Try using a key other than '{key}' if you meant "
                        "to execute a different request.",
                        error_type="idempotency_error",
                    )
                if saved.params != params:
                    raise StripeError(
                        400,
                        "Keys for idempotent requests can only be used with the same "
                        "parameters they were first used with. Try using a key other than "
                        f"'{key}' if you meant to execute a different request.",
                        error_type="idempotency_error",
                    )
                return saved
            if key in self._running:
                raise StripeError(
                    409,
                    "There is currently another in-progress request using this Idempotent Key "
                    "(that probably means you submitted twice, and the other request is still "
                    f"going through): {key}. Please try again later.",
                    code="idempotency_key_in_use",
                )
            self._running.add(key)
            return None

    def finish(self, key: str, saved: Saved | None) -> None:
        """End ``key``'s run, saving its response unless it was refused before it began."""
        with self._lock:
            self._running.discard(key)
            if saved is not None:
                self._saved[key] = saved

    def reset(self) -> None:
        with self._lock:
            self._saved.clear()
