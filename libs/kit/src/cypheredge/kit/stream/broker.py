"""One way to build a service's Kafka broker and its subscribers.

The broker's producer is a plain ``acks=all`` one: the embedded broker (Tansu) supports
neither the idempotent producer nor transactions, and exactly-once effects come from the
consumers' inboxes. Subscribers read provisioned topics (never created on the fly: a topic
auto-created by a subscriber gets one partition) from the earliest offset, in the service's
explicit group, and commit a record only after its handler returned: ``NACK_ON_ERROR`` seeks
back to a record whose handling raised (only what dead-lettering could not park), so a crash
or a lost broker re-delivers it instead of skipping it.
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

from cypheredge.contracts.topics import Topic
from cypheredge.kit.stream.deadletter import DeadLetters, RetryPolicy
from cypheredge.kit.stream.envelopes import event_data

__all__ = ["KafkaRouter", "TopicPartition", "make_broker", "subscriber"]


def make_broker(
    bootstrap: str,
    *,
    name: str,
    group_id: str,
    retry: RetryPolicy | None = None,
    routers: Sequence[KafkaRouter] = (),
    description: str | None = None,
) -> KafkaBroker:
    """The broker of service ``name``: telemetry, metrics and dead-letters as middlewares."""
    dead_letters = DeadLetters(group_id, retry or RetryPolicy())
    broker = KafkaBroker(
        bootstrap,
        client_id=name,
        acks="all",
        enable_idempotence=False,
        linger_ms=5,
        request_timeout_ms=15000,
        description=description,
        middlewares=(
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
    sub: LogicSubscriber[Any] = router.subscriber(
        *(KafkaTopic(topic.name, declare=False) for topic in topics),
        group_id=group_id,
        auto_offset_reset="earliest",
        ack_policy=AckPolicy.NACK_ON_ERROR,
        max_workers=max_workers,
        decoder=event_data,
        # AsyncAPI names a channel ``<title>:<topic>`` for several topics, ``<title>`` for one.
        title=group_id if len(topics) > 1 else f"{group_id}:{topics[0].name}",
        description=description,
    )
    return sub
