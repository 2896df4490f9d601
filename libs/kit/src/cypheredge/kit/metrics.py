"""Prometheus metrics shared by the kit; services add their own next to their code.

Labels stay low-cardinality: services, consumer groups, topics, partitions and outcomes, never
an org, batch or statement id. Gauges of backlog, lag and dead-letter depth are sampled
(``cypheredge.kit.sampling``) by the processes that own them: the relay samples its outbox,
each consumer process its groups' committed offsets and the DLQs of the topics it reads.
Messages handled, by outcome and time, are FastStream's own (``faststream_*``, its Prometheus
middleware on every broker).
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge

OUTBOX_PUBLISHED = Counter(
    "cypheredge_outbox_published_total", "Outbox rows published to Kafka", ["topic"]
)
OUTBOX_PUBLISH_ERRORS = Counter(
    "cypheredge_outbox_publish_errors_total", "Failed attempts to publish an outbox batch"
)
OUTBOX_BACKLOG = Gauge(
    "cypheredge_outbox_backlog", "Outbox rows not yet published (sampled by the relay)", ["schema"]
)
OUTBOX_OLDEST_AGE = Gauge(
    "cypheredge_outbox_oldest_age_seconds",
    "Age of the oldest unpublished outbox row, 0 when none (sampled by the relay)",
    ["schema"],
)
CONSUMER_LAG = Gauge(
    "cypheredge_consumer_lag",
    "Records a consumer group has not committed yet: end offset minus committed offset",
    ["group", "topic", "partition"],
)
DLQ_DEPTH = Gauge(
    "cypheredge_dlq_depth",
    "Records on a dead-letter topic (end minus beginning offsets over its partitions)",
    ["topic"],
)
SAMPLE_ERRORS = Counter(
    "cypheredge_metrics_sample_errors_total",
    "Failed samplings of the outbox or of Kafka offsets (the gauges keep their last value)",
    ["sample"],
)
