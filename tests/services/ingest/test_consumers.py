"""Ingest's subscribers hand each event, typed, to its use case (in memory and on the broker)."""

from __future__ import annotations

from typing import cast
from uuid import uuid4

from faststream.kafka import KafkaRouter

from cetest.streams import Recorder, eventually, started
from cypheredge.contracts import Envelope
from cypheredge.contracts.catalogue import INGEST
from cypheredge.contracts.events.batch import BatchRedriveRequested, BatchSubmitted
from cypheredge.contracts.examples import examples_of
from cypheredge.contracts.topics import BATCH_REDRIVE, BATCH_SUBMITTED
from cypheredge.ingest.consumers import router
from cypheredge.ingest.service.ingestor import Ingestor
from cypheredge.kit.redrive import Republisher


async def test_each_event_reaches_its_use_case_as_its_model(stream_bootstrap: str) -> None:
    ingestor, republisher = Recorder(), Recorder()

    def build(group_id: str) -> KafkaRouter:
        return router(cast(Ingestor, ingestor), cast(Republisher, republisher), group_id)

    submitted = examples_of(BatchSubmitted)[0]
    redrive = BatchRedriveRequested(batch_id=uuid4(), reason="stalled")
    org = uuid4()
    first = Envelope.wrap(submitted, org_id=org, source="/tests")
    second = Envelope.wrap(redrive, org_id=org, source="/tests")
    async with started(INGEST, build, stream_bootstrap) as running:
        await running.deliver(first, BATCH_SUBMITTED.name)
        await running.deliver(second, BATCH_REDRIVE.name)
        await eventually(lambda: bool(ingestor.calls and republisher.calls))
    assert ingestor.calls == [(first, submitted)]
    assert republisher.calls == [(second, redrive)]
