"""The extractor's subscribers hand each event, typed, to its use case (in memory and on the
broker); the other outcomes on its topic are skipped."""

from __future__ import annotations

import asyncio
from typing import cast
from uuid import uuid4

import pytest
from faststream.kafka import KafkaRouter

from cetest.streams import Recorder, eventually, started
from cypheredge.contracts import Envelope
from cypheredge.contracts.catalogue import EXTRACTOR
from cypheredge.contracts.events.batch import BatchRedriveRequested
from cypheredge.contracts.events.statement import StatementIngested, StatementRejected
from cypheredge.contracts.examples import examples_of
from cypheredge.contracts.topics import BATCH_REDRIVE, STATEMENT_INGESTION
from cypheredge.extractor.consumers import router
from cypheredge.extractor.service.extract_statement import StatementExtractor
from cypheredge.kit.redrive import Republisher


async def test_each_event_reaches_its_use_case_as_its_model(stream_bootstrap: str) -> None:
    extractor, republisher = Recorder(), Recorder()

    def build(group_id: str) -> KafkaRouter:
        return router(cast(StatementExtractor, extractor), cast(Republisher, republisher), group_id)

    org = uuid4()
    rejected = Envelope.wrap(examples_of(StatementRejected)[0], org_id=org, source="/tests")
    ingested = examples_of(StatementIngested)[0]
    first = Envelope.wrap(ingested, org_id=org, source="/tests")
    redrive = BatchRedriveRequested(batch_id=uuid4(), reason="stalled")
    second = Envelope.wrap(redrive, org_id=org, source="/tests")
    async with started(EXTRACTOR, build, stream_bootstrap) as running:
        await running.deliver(rejected, STATEMENT_INGESTION.name)
        await running.deliver(first, STATEMENT_INGESTION.name)
        await running.deliver(second, BATCH_REDRIVE.name)
        await eventually(lambda: bool(extractor.calls and republisher.calls))
    assert extractor.calls == [(first, ingested)]
    assert republisher.calls == [(second, redrive)]


@pytest.mark.integration
async def test_an_instance_extracts_as_many_statements_at_once_as_it_has_workers(
    broker: str,
) -> None:
    running_now, peak = 0, 0
    done: list[str] = []

    class Slow:
        async def handle(self, envelope: Envelope, event: StatementIngested) -> None:
            nonlocal running_now, peak
            running_now += 1
            peak = max(peak, running_now)
            await asyncio.sleep(0.5)
            running_now -= 1
            done.append(str(event.statement_id))

    def build(group_id: str) -> KafkaRouter:
        slow = cast(StatementExtractor, Slow())
        return router(slow, cast(Republisher, Recorder()), group_id, workers=2)

    org = uuid4()
    example = examples_of(StatementIngested)[0]
    async with started(EXTRACTOR, build, broker) as running:
        for partition in range(STATEMENT_INGESTION.partitions):  # every consumer gets some
            event = example.model_copy(update={"statement_id": uuid4()})
            envelope = Envelope.wrap(event, org_id=org, source="/tests")
            await running.broker.publish(
                envelope.to_bytes(),
                running.prefix + STATEMENT_INGESTION.name,
                key=envelope.key,
                partition=partition,
            )
        await eventually(lambda: len(done) == STATEMENT_INGESTION.partitions, within=60)
    assert peak == 2
