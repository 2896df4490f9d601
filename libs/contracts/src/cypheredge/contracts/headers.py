"""Kafka record headers of the platform: the one place their names are spelled.

Every record carries ``content-type`` (CloudEvents Kafka binding, structured mode) and, when
the producer had one, the W3C ``traceparent``. A record moved to ``<topic>.dlq`` keeps its
key, value and headers and gains the dead-letter headers below. Values are UTF-8 text.
"""

from __future__ import annotations

from typing import Final

CONTENT_TYPE_HEADER: Final = "content-type"
TRACEPARENT_HEADER: Final = "traceparent"

DLQ_ERROR_HEADER: Final = "x-error"
DLQ_ATTEMPTS_HEADER: Final = "x-attempts"
DLQ_TOPIC_HEADER: Final = "x-original-topic"
DLQ_PARTITION_HEADER: Final = "x-original-partition"
DLQ_OFFSET_HEADER: Final = "x-original-offset"
DLQ_CONSUMER_HEADER: Final = "x-consumer"

DLQ_HEADERS: Final[dict[str, str]] = {
    DLQ_ERROR_HEADER: "Type and message of the last error (at most 4000 characters)",
    DLQ_ATTEMPTS_HEADER: "How many times the consumer tried the record (decimal)",
    DLQ_TOPIC_HEADER: "Topic the record was consumed from",
    DLQ_PARTITION_HEADER: "Partition the record was consumed from (decimal)",
    DLQ_OFFSET_HEADER: "Offset of the record in that partition (decimal)",
    DLQ_CONSUMER_HEADER: "Consumer group that gave up on the record",
}
