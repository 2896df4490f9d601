"""The reporter's subscribers: each takes one event type and hands it to its use case."""

from __future__ import annotations

from faststream.kafka import KafkaRouter

from cypheredge.contracts.catalogue import REPORTER
from cypheredge.contracts.events.batch import BatchSubmitted
from cypheredge.contracts.events.statement import (
    StatementExtracted,
    StatementExtractionFailed,
    StatementRejected,
)
from cypheredge.kit.redrive import Republisher, subscribe_redrive
from cypheredge.kit.stream import CurrentEnvelope, ignore_others, of_type, subscriber
from cypheredge.reporter.service.tracker import OutcomeTracker


def router(
    tracker: OutcomeTracker, republisher: Republisher, group_id: str = REPORTER.group_id
) -> KafkaRouter:
    """One subscriber over every topic the reporter consumes, in its one group (``group_id``)."""
    router = KafkaRouter()
    sub = subscriber(router, *REPORTER.consumes, group_id=group_id)

    @sub(filter=of_type(BatchSubmitted))
    async def batch_submitted(event: BatchSubmitted, envelope: CurrentEnvelope) -> None:
        await tracker.handle(envelope, event)

    @sub(filter=of_type(StatementRejected))
    async def statement_rejected(event: StatementRejected, envelope: CurrentEnvelope) -> None:
        await tracker.handle(envelope, event)

    @sub(filter=of_type(StatementExtractionFailed))
    async def extraction_failed(
        event: StatementExtractionFailed, envelope: CurrentEnvelope
    ) -> None:
        await tracker.handle(envelope, event)

    @sub(filter=of_type(StatementExtracted))
    async def statement_extracted(event: StatementExtracted, envelope: CurrentEnvelope) -> None:
        await tracker.handle(envelope, event)

    subscribe_redrive(sub, republisher)
    ignore_others(sub)
    return router
