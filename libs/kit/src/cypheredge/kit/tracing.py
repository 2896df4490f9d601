"""W3C trace context carried from HTTP requests through events to their consumers.

The current ``traceparent`` lives in a context variable: the gateway sets it per request, the
consumer runner per message; the outbox stamps a child of it onto every event it stages.

With OpenTelemetry on (:mod:`cypheredge.kit.telemetry`) the two are one: the current span
(the gateway's request span, a consumer's handler span) is the current trace context, so the
outbox stamps that span's context and the next hop's span becomes its child. With it off
(no span is recording), the context variable alone carries the trace, as it always did.
"""

from __future__ import annotations

import re
import secrets
from contextvars import ContextVar

from opentelemetry import trace

_TRACEPARENT = re.compile(r"^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$")
current_traceparent: ContextVar[str | None] = ContextVar("current_traceparent", default=None)


def new_traceparent() -> str:
    return f"00-{secrets.token_hex(16)}-{secrets.token_hex(8)}-01"


def parse_trace_id(traceparent: str | None) -> str | None:
    match = _TRACEPARENT.match(traceparent or "")
    return match.group(1) if match else None


def span_traceparent() -> str | None:
    """The ``traceparent`` of OpenTelemetry's current span; None when there is none."""
    context = trace.get_current_span().get_span_context()
    if not context.is_valid:
        return None
    return f"00-{context.trace_id:032x}-{context.span_id:016x}-{int(context.trace_flags):02x}"


def current_trace_id() -> str | None:
    """The trace this code runs in: the current span's, else the context variable's."""
    return parse_trace_id(span_traceparent() or current_traceparent.get())


def child_traceparent() -> str:
    """The parent of what follows: the current span, else a new span id in the current
    trace (or a new trace when there is none)."""
    if (traced := span_traceparent()) is not None:
        return traced
    trace_id = parse_trace_id(current_traceparent.get())
    if trace_id is None:
        return new_traceparent()
    return f"00-{trace_id}-{secrets.token_hex(8)}-01"


def adopt(traceparent: str | None) -> str:
    """Make ``traceparent`` current when valid, else start a new trace; returns the current one.

    A current span (OpenTelemetry's, itself parented on ``traceparent``) takes precedence."""
    value = span_traceparent()
    if value is None:
        value = traceparent if traceparent and parse_trace_id(traceparent) else new_traceparent()
    current_traceparent.set(value)
    return value
