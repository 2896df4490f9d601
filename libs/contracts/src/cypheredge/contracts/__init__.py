"""Event contracts: the only thing CypherEdge services share about each other."""

from cypheredge.contracts.base import Event
from cypheredge.contracts.envelope import Envelope
from cypheredge.contracts.registry import (
    ALL_EVENTS,
    EVENTS_BY_TYPE,
    UnknownEventType,
    decode,
    decode_known,
)
from cypheredge.contracts.topics import ALL_TOPICS, Topic, topic_partitions

__all__ = [
    "ALL_EVENTS",
    "ALL_TOPICS",
    "EVENTS_BY_TYPE",
    "Envelope",
    "Event",
    "Topic",
    "UnknownEventType",
    "decode",
    "decode_known",
    "topic_partitions",
]
