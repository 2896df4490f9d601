"""The projector's subscribers hand each downstream event, typed, to the projection (in memory
and on the broker)."""

from __future__ import annotations

from typing import cast
from uuid import uuid4

from faststream.kafka import KafkaRouter

from cetest.streams import Recorder, eventually, started
from cypheredge.contracts import Envelope, Event
from cypheredge.contracts.catalogue import GATEWAY, events_on
from cypheredge.contracts.examples import examples_of
from cypheredge.gateway.consumers import router
from cypheredge.gateway.service.projection import Projector


async def test_each_event_reaches_the_projection_as_its_model(stream_bootstrap: str) -> None:
    projector = Recorder()

    def build(group_id: str) -> KafkaRouter:
        return router(cast(Projector, projector), group_id)

    org = uuid4()
    sent: list[tuple[str, Event]] = [
        (topic.name, examples_of(event)[0])
        for topic in GATEWAY.consumes
        for event in events_on(topic)
    ]
    envelopes = [Envelope.wrap(event, org_id=org, source="/tests") for _, event in sent]
    async with started(GATEWAY, build, stream_bootstrap) as running:
        for (topic, _), envelope in zip(sent, envelopes, strict=True):
            await running.deliver(envelope, topic)
        await eventually(lambda: len(projector.calls) == len(sent))
    expected = [(e, ev) for e, (_, ev) in zip(envelopes, sent, strict=True)]
    assert sorted(projector.calls, key=_id) == sorted(expected, key=_id)


def _id(call: tuple[Envelope, Event]) -> str:
    return str(call[0].id)
