"""W3C trace context carried from HTTP requests through events to their consumers.

The current ``traceparent`` lives in a context variable: the gateway sets it per request, the
consumer runner per message; the outbox stamps a child of it onto every event it stages.
"""

from __future__ import annotations

import re
import secrets
from contextvars import ContextVar

_TRACEPARENT = re.compile(r"^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$")
current_traceparent: ContextVar[str | None] = ContextVar("current_traceparent", default=None)


def new_traceparent() -> str:
    return f"00-{secrets.token_hex(16)}-{secrets.token_hex(8)}-01"


def parse_trace_id(traceparent: str | None) -> str | None:
    match = _TRACEPARENT.match(traceparent or "")
    return match.group(1) if match else None


def child_traceparent() -> str:
    """A new span in the current trace (or a new trace when there is none)."""
    trace_id = parse_trace_id(current_traceparent.get())
    if trace_id is None:
        return new_traceparent()
    return f"00-{trace_id}-{secrets.token_hex(8)}-01"


def adopt(traceparent: str | None) -> str:
    """Make ``traceparent`` current when valid, else start a new trace; returns the current one."""
    value = traceparent if traceparent and parse_trace_id(traceparent) else new_traceparent()
    current_traceparent.set(value)
    return value
