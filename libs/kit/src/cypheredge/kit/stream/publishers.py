"""A service's publishers: declared on its broker from the catalogue, used by its relay.

Services never publish from handlers: events go through the outbox, and the relay hands each
row to the publisher of its topic. Declaring the publishers on the app is what puts them in
the AsyncAPI document generated from the apps, so it lists exactly what each service sends.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Awaitable
from typing import Any

from faststream.kafka import KafkaBroker
from faststream.kafka.publisher.usecase import DefaultPublisher

from cypheredge.contracts.catalogue import Service, events_on
from cypheredge.kit.relay import OutboxRow, Send, record_of


def declare_publishers(broker: KafkaBroker, service: Service) -> None:
    """One publisher per topic ``service`` produces to, carrying the events it produces."""
    for topic in service.produces_to():
        events = [event for event in events_on(topic) if event in service.produces]
        broker.publisher(
            topic.name,
            title=f"{service.name}:{topic.name}",
            # The envelopes' ``data``: one of the events this service puts on the topic.
            schema=functools.reduce(operator.or_, events),
            description=f"{topic.description}, from {service.name}'s outbox: "
            + ", ".join(event.type_name() for event in events),
        )


def publisher_topics(broker: KafkaBroker) -> frozenset[str]:
    """The topics ``broker`` has publishers for: the outbox rows its relay may claim."""
    return frozenset(p.topic for p in broker.publishers if isinstance(p, DefaultPublisher))


def publisher_send(broker: KafkaBroker) -> Send:
    """The relay's way out: the declared publisher of the row's topic.

    A row for a topic the service declared no publisher for is a wiring error, raised.
    """
    publishers = {p.topic: p for p in broker.publishers if isinstance(p, DefaultPublisher)}

    async def send(row: OutboxRow) -> Awaitable[Any]:
        try:
            publisher = publishers[row.topic]
        except KeyError:
            raise LookupError(f"no publisher declared for topic {row.topic!r}") from None
        record = record_of(row)
        future: Awaitable[Any] = await publisher.publish(
            record.value,
            key=record.key,
            headers={name: value.decode() for name, value in record.headers.items()},
            no_confirm=True,
        )
        return future

    return send
