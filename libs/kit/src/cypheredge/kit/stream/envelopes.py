"""CloudEvents envelopes on FastStream: typed payloads, filters by event type, the envelope.

Every record value is an ``Envelope``; a handler declares the contract model it handles
(``event: BatchSubmitted``) and is chosen by ``of_type``. The envelope itself (org, id, trace)
is a dependency, ``CurrentEnvelope``. A subscriber ends with ``ignore_others``: a topic may
carry types this consumer does not handle or does not know yet, and those move on untouched
(the dead-letter middleware acknowledges a record for which no handler's filter matched).
"""

from __future__ import annotations

import weakref
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fast_depends import Depends
from faststream import Context
from faststream.kafka.subscriber.usecase import LogicSubscriber
from faststream.message import StreamMessage

from cypheredge.contracts import Envelope, Event

_parsed: weakref.WeakKeyDictionary[StreamMessage[Any], Envelope] = weakref.WeakKeyDictionary()


def envelope_of(message: StreamMessage[Any]) -> Envelope:
    """The record's envelope, parsed once per message; raises ValidationError when it is none."""
    envelope = _parsed.get(message)
    if envelope is None:
        raw = message.body if isinstance(message.body, bytes) else bytes(message.body or b"")
        envelope = _parsed[message] = Envelope.from_bytes(raw)
    return envelope


async def event_data(message: StreamMessage[Any]) -> Any:
    """The decoder of every subscriber: the envelope's ``data``, validated by the handler's
    annotated event model."""
    return envelope_of(message).data


def of_type(*events: type[Event]) -> Callable[[StreamMessage[Any]], Awaitable[bool]]:
    """A handler filter: the envelope carries one of ``events``."""
    names = frozenset(event.type_name() for event in events)

    async def matches(message: StreamMessage[Any]) -> bool:
        return envelope_of(message).type in names

    return matches


def _current(message: Annotated[StreamMessage[Any], Context("message")]) -> Envelope:
    return envelope_of(message)


CurrentEnvelope = Annotated[Envelope, Depends(_current)]
"""The envelope of the message being handled (a handler parameter)."""


_skipping: weakref.WeakSet[LogicSubscriber[Any]] = weakref.WeakSet()


def ignore_others(sub: LogicSubscriber[Any]) -> None:
    """Have ``sub`` acknowledge and skip any event type none of its handlers takes.

    Without it a record no handler takes is an error (parked in the DLQ by the dead-letter
    middleware). No handler is registered for the others, so the AsyncAPI document generated
    from the app lists only the messages the subscriber really handles.
    """
    _skipping.add(sub)


def skips_others(sub: object) -> bool:
    """Whether :func:`ignore_others` was called for ``sub``."""
    try:
        return sub in _skipping
    except TypeError:  # not weakly referenceable: not a subscriber of ours
        return False
