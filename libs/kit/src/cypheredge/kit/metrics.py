"""Prometheus metrics shared by the kit; services add their own next to their code."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

OUTBOX_PUBLISHED = Counter(
    "cypheredge_outbox_published_total", "Outbox rows published to Kafka", ["topic"]
)
OUTBOX_PUBLISH_ERRORS = Counter(
    "cypheredge_outbox_publish_errors_total", "Failed attempts to publish an outbox batch"
)
MESSAGES_CONSUMED = Counter(
    "cypheredge_messages_consumed_total",
    "Messages handled by consumers",
    ["consumer", "topic", "outcome"],
)
MESSAGE_SECONDS = Histogram(
    "cypheredge_message_seconds", "Time to handle one message", ["consumer", "topic"]
)
