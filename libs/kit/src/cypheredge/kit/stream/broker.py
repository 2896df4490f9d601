"""One way to build a service's Kafka broker and its subscribers.

The broker's producer is a plain ``acks=all`` one: the embedded broker (Tansu) supports
neither the idempotent producer nor transactions, and exactly-once effects come from the
consumers' inboxes. Subscribers read provisioned topics (never created on the fly: a topic
auto-created by a subscriber gets one partition) from the earliest offset, in the service's
explicit group, and commit a record only after its handler returned: ``NACK_ON_ERROR`` seeks
back to a record whose handling raised (only what dead-lettering could not park), so a crash
or a lost broker re-delivers it instead of skipping it.

Latency: the producer does not linger (``linger_ms=0``). Relays are what publishes (the
dead-letter middleware only parks the odd record), and a relay hands the producer every row it
claimed before it awaits an acknowledgement, so records still batch while a request is in
flight; a linger would only add its milliseconds to every hop of a batch's journey.

Consumers wait at most ``FETCH_MAX_WAIT_MS`` (100 ms, aiokafka's default is 500) in a fetch.
The broker answers a waiting fetch as soon as a record arrives, but aiokafka keeps the
partition of the record a handler is working on out of the next fetch (its buffer is only
cleared by the next ``getone``, after the handler returned); once a handler has run past
aiokafka's 100 ms prefetch backoff, that fetch goes out without the partition, and the next
record on it waits for the fetch to time out. Measured on the embedded broker with a 200 ms
handler: the next record on that partition came 400 ms late at 500 (one on another partition
150 ms), at most 110 ms at 100. Extraction and report handlers run that long, so every hop
could pay it. The cost is idle fetches (about 0.02 CPU-seconds a second per
consumer, the broker's and the client's together, at 100 ms against 0.01 at 500), so the
subscribers of re-drive requests, which nobody waits on, keep aiokafka's 500 ms.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from faststream import AckPolicy
from faststream.kafka import KafkaBroker, KafkaRouter, TopicPartition
from faststream.kafka.opentelemetry import KafkaTelemetryMiddleware
from faststream.kafka.prometheus import KafkaPrometheusMiddleware
from faststream.kafka.schemas import Topic as KafkaTopic
from faststream.kafka.subscriber.usecase import LogicSubscriber
from prometheus_client import REGISTRY

from cypheredge.contracts.topics import BATCH_REDRIVE, Topic
from cypheredge.kit.kafka_security import PLAINTEXT, KafkaSecurity, broker_security
from cypheredge.kit.stream.deadletter import DeadLetters, RetryPolicy
from cypheredge.kit.stream.envelopes import event_data
from cypheredge.kit.stream.tracecontext import EnvelopeTraceMiddleware

__all__ = ["FETCH_MAX_WAIT_MS", "KafkaRouter", "TopicPartition", "make_broker", "subscriber"]

FETCH_MAX_WAIT_MS = 100
IDLE_FETCH_MAX_WAIT_MS = 500  # aiokafka's default, for topics no batch waits on
_UNHURRIED = frozenset({BATCH_REDRIVE.name})


def make_broker(
    bootstrap: str,
    *,
    name: str,
    group_id: str,
    retry: RetryPolicy | None = None,
    routers: Sequence[KafkaRouter] = (),
    description: str | None = None,
    security: KafkaSecurity = PLAINTEXT,
) -> KafkaBroker:
    """The broker of service ``name``: telemetry, metrics and dead-letters as middlewares;
    its TLS and SASL are ``security`` (the clients' one mapping, ``kafka_security``)."""
    dead_letters = DeadLetters(group_id, retry or RetryPolicy())
    broker = KafkaBroker(
        bootstrap,
        client_id=name,
        acks="all",
        enable_idempotence=False,
        linger_ms=0,
        request_timeout_ms=15000,
        security=broker_security(security),
        description=description,
        middlewares=(
            EnvelopeTraceMiddleware,  # before telemetry: the span's parent is the envelope's
            KafkaTelemetryMiddleware(),
            KafkaPrometheusMiddleware(registry=REGISTRY, app_name=name),
            dead_letters,
        ),
        routers=routers,
    )
    dead_letters.bind(broker)
    return broker


def subscriber(
    router: KafkaRouter | KafkaBroker,
    *topics: Topic,
    group_id: str,
    max_workers: int = 1,
    description: str | None = None,
) -> LogicSubscriber[Any]:
    """A subscriber of ``topics`` in ``group_id`` with the platform's delivery rules."""
    unhurried = all(topic.name in _UNHURRIED for topic in topics)
    sub: LogicSubscriber[Any] = router.subscriber(
        *(KafkaTopic(topic.name, declare=False) for topic in topics),
        group_id=group_id,
        auto_offset_reset="earliest",
        ack_policy=AckPolicy.NACK_ON_ERROR,
        max_workers=max_workers,
        fetch_max_wait_ms=IDLE_FETCH_MAX_WAIT_MS if unhurried else FETCH_MAX_WAIT_MS,
        decoder=event_data,
        # AsyncAPI names a channel ``<title>:<topic>`` for several topics, ``<title>`` for one.
        title=group_id if len(topics) > 1 else f"{group_id}:{topics[0].name}",
        description=description,
    )
    return sub
