"""The reporter's subscribers hand each tracked event, typed, to the tracker (in memory and on
the broker); ``statement.ingested`` on the same topic is skipped."""

from __future__ import annotations

from typing import cast
from uuid import uuid4

from faststream.kafka import KafkaRouter

from cetest.streams import Recorder, eventually, started
from cypheredge.contracts import Envelope, Event
from cypheredge.contracts.catalogue import REPORTER
from cypheredge.contracts.events.batch import BatchSubmitted
from cypheredge.contracts.events.statement import (
    StatementExtracted,
    StatementExtractionFailed,
    StatementIngested,
    StatementRejected,
)
from cypheredge.contracts.examples import examples_of
from cypheredge.contracts.topics import BATCH_SUBMITTED, STATEMENT_EXTRACTION, STATEMENT_INGESTION
from cypheredge.kit.redrive import Republisher
from cypheredge.reporter.consumers import router
from cypheredge.reporter.service.tracker import OutcomeTracker


async def test_each_tracked_event_reaches_the_tracker_as_its_model(stream_bootstrap: str) -> None:
    tracker, republisher = Recorder(), Recorder()

    def build(group_id: str) -> KafkaRouter:
        return router(cast(OutcomeTracker, tracker), cast(Republisher, republisher), group_id)

    org = uuid4()
    sent: list[tuple[str, Event]] = [
        (BATCH_SUBMITTED.name, examples_of(BatchSubmitted)[0]),
        (STATEMENT_INGESTION.name, examples_of(StatementIngested)[0]),
        (STATEMENT_INGESTION.name, examples_of(StatementRejected)[0]),
        (STATEMENT_EXTRACTION.name, examples_of(StatementExtracted)[0]),
        (STATEMENT_EXTRACTION.name, examples_of(StatementExtractionFailed)[0]),
    ]
    envelopes = [Envelope.wrap(event, org_id=org, source="/tests") for _, event in sent]
    async with started(REPORTER, build, stream_bootstrap) as running:
        for (topic, _), envelope in zip(sent, envelopes, strict=True):
            await running.deliver(envelope, topic)
        await eventually(lambda: len(tracker.calls) == 4)
    # statement.ingested (the second) changes nothing here
    expected = [
        (e, ev) for i, (e, (_, ev)) in enumerate(zip(envelopes, sent, strict=True)) if i != 1
    ]
    assert sorted(tracker.calls, key=_id) == sorted(expected, key=_id)
    assert not republisher.calls


def _id(call: tuple[Envelope, Event]) -> str:
    return str(call[0].id)
