"""The consumed envelope's trace context, where FastStream's telemetry middleware reads it.

FastStream's ``KafkaTelemetryMiddleware`` parents a consumer's span on the record's
``traceparent`` header. The relay sets that header (its own publish span, a child of the
envelope's ``traceparent``), but a record may come without one, or with one of another trace
(a re-drive by hand, a producer that is not a relay): the envelope is the event's truth, so a
record whose header is missing or names another trace gets the envelope's before the
telemetry middleware (the next one in) reads it. With tracing off this does nothing.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from faststream import BaseMiddleware
from faststream.message import StreamMessage
from pydantic import ValidationError

from cypheredge.contracts.headers import TRACEPARENT_HEADER
from cypheredge.kit.stream.envelopes import envelope_of
from cypheredge.kit.telemetry import tracing_enabled
from cypheredge.kit.tracing import parse_trace_id

if TYPE_CHECKING:
    from faststream._internal.basic_types import AsyncFuncAny


class EnvelopeTraceMiddleware(BaseMiddleware):
    async def consume_scope(self, call_next: AsyncFuncAny, msg: StreamMessage[Any]) -> Any:
        if tracing_enabled():
            with contextlib.suppress(ValidationError):  # not an envelope: dead-lettered later
                parent_from_envelope(msg)
        return await call_next(msg)


def parent_from_envelope(msg: StreamMessage[Any]) -> None:
    """Put the envelope's ``traceparent`` in ``msg``'s headers unless they name its trace."""
    traceparent = envelope_of(msg).traceparent
    wanted = parse_trace_id(traceparent)
    if wanted is None:
        return
    header = msg.headers.get(TRACEPARENT_HEADER)
    if parse_trace_id(header if isinstance(header, str) else None) != wanted:
        msg.headers[TRACEPARENT_HEADER] = traceparent
