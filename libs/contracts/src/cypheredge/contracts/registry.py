"""Lookup from event type string to its model, and typed decoding of envelopes."""

from __future__ import annotations

from cypheredge.contracts.base import Event
from cypheredge.contracts.envelope import Envelope
from cypheredge.contracts.events.batch import (
    BatchCompleted,
    BatchFailed,
    BatchRedriveRequested,
    BatchSubmitted,
)
from cypheredge.contracts.events.billing import SubscriptionChanged, UsageRecorded
from cypheredge.contracts.events.report import ReportReady
from cypheredge.contracts.events.statement import (
    StatementExtracted,
    StatementExtractionFailed,
    StatementIngested,
    StatementQueuedForOcr,
    StatementRejected,
)
from cypheredge.contracts.events.stripe import StripeEventReceived

ALL_EVENTS: tuple[type[Event], ...] = (
    BatchSubmitted,
    StatementIngested,
    StatementRejected,
    StatementQueuedForOcr,
    StatementExtracted,
    StatementExtractionFailed,
    ReportReady,
    BatchCompleted,
    BatchFailed,
    UsageRecorded,
    SubscriptionChanged,
    StripeEventReceived,
    BatchRedriveRequested,
)

EVENTS_BY_TYPE: dict[str, type[Event]] = {cls.type_name(): cls for cls in ALL_EVENTS}


class UnknownEventType(LookupError):
    """The envelope names a type this code does not know (a newer producer, or garbage)."""


def decode(envelope: Envelope) -> Event:
    """The typed payload of an envelope; raises UnknownEventType or pydantic.ValidationError."""
    try:
        cls = EVENTS_BY_TYPE[envelope.type]
    except KeyError:
        raise UnknownEventType(envelope.type) from None
    return cls.model_validate(envelope.data)


def decode_known(envelope: Envelope) -> Event | None:
    """The typed payload, or None for a type this code does not know yet.

    Consumers skip unknown types: a newer producer may add event types to a topic, and an
    older consumer must keep its partition moving rather than fail on them.
    """
    if envelope.type not in EVENTS_BY_TYPE:
        return None
    return decode(envelope)
