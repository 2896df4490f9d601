"""A service's FastStream app: its broker, its subscribers (routers) and its publishers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from faststream import FastStream
from faststream.kafka import KafkaBroker, KafkaRouter

from cypheredge.contracts.catalogue import Service
from cypheredge.kit.kafka_security import PLAINTEXT, KafkaSecurity
from cypheredge.kit.stream.broker import make_broker
from cypheredge.kit.stream.deadletter import RetryPolicy
from cypheredge.kit.stream.publishers import declare_publishers


def service_app(
    service: Service,
    bootstrap: str,
    routers: Sequence[KafkaRouter] = (),
    *,
    name: str | None = None,
    retry: RetryPolicy | None = None,
    publishes: bool = True,
    security: KafkaSecurity = PLAINTEXT,
) -> FastStream:
    """The FastStream app of ``service``: consumers in its group, publishers for its outbox.

    ``name`` names a process of a service that runs several (the gateway's projector);
    ``publishes=False`` leaves out the publishers when another process runs the relay;
    ``security`` is the broker's TLS and SASL (``InfraSettings.kafka_security``).
    """
    broker = make_broker(
        bootstrap,
        name=name or service.name,
        group_id=service.group_id,
        retry=retry,
        routers=routers,
        description=f"The {name or service.name} service of CypherEdge",
        security=security,
    )
    if publishes:
        declare_publishers(broker, service)
    return FastStream(broker)


def broker_of(app: FastStream) -> KafkaBroker:
    """The Kafka broker of an app built by ``service_app``."""
    return cast(KafkaBroker, app.broker)
