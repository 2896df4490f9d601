"""The gateway projector's subscribers: each takes one event type and projects it."""

from __future__ import annotations

from faststream.kafka import KafkaRouter

from cypheredge.contracts.catalogue import GATEWAY
from cypheredge.contracts.events.batch import BatchCompleted, BatchFailed
from cypheredge.contracts.events.billing import SubscriptionChanged, UsageRecorded
from cypheredge.contracts.events.report import ReportReady
from cypheredge.contracts.events.statement import (
    StatementExtracted,
    StatementExtractionFailed,
    StatementIngested,
    StatementQueuedForOcr,
    StatementRejected,
)
from cypheredge.gateway.service.projection import Projector
from cypheredge.kit.stream import CurrentEnvelope, ignore_others, of_type, subscriber


def router(projector: Projector, group_id: str = GATEWAY.group_id) -> KafkaRouter:
    """One subscriber over every topic the gateway consumes, in its one group (``group_id``)."""
    router = KafkaRouter()
    sub = subscriber(router, *GATEWAY.consumes, group_id=group_id)

    @sub(filter=of_type(StatementIngested))
    async def statement_ingested(event: StatementIngested, envelope: CurrentEnvelope) -> None:
        await projector.handle(envelope, event)

    @sub(filter=of_type(StatementQueuedForOcr))
    async def statement_queued_for_ocr(
        event: StatementQueuedForOcr, envelope: CurrentEnvelope
    ) -> None:
        await projector.handle(envelope, event)

    @sub(filter=of_type(StatementRejected))
    async def statement_rejected(event: StatementRejected, envelope: CurrentEnvelope) -> None:
        await projector.handle(envelope, event)

    @sub(filter=of_type(StatementExtracted))
    async def statement_extracted(event: StatementExtracted, envelope: CurrentEnvelope) -> None:
        await projector.handle(envelope, event)

    @sub(filter=of_type(StatementExtractionFailed))
    async def extraction_failed(
        event: StatementExtractionFailed, envelope: CurrentEnvelope
    ) -> None:
        await projector.handle(envelope, event)

    @sub(filter=of_type(ReportReady))
    async def report_ready(event: ReportReady, envelope: CurrentEnvelope) -> None:
        await projector.handle(envelope, event)

    @sub(filter=of_type(BatchCompleted))
    async def batch_completed(event: BatchCompleted, envelope: CurrentEnvelope) -> None:
        await projector.handle(envelope, event)

    @sub(filter=of_type(BatchFailed))
    async def batch_failed(event: BatchFailed, envelope: CurrentEnvelope) -> None:
        await projector.handle(envelope, event)

    @sub(filter=of_type(UsageRecorded))
    async def usage_recorded(event: UsageRecorded, envelope: CurrentEnvelope) -> None:
        await projector.handle(envelope, event)

    @sub(filter=of_type(SubscriptionChanged))
    async def subscription_changed(event: SubscriptionChanged, envelope: CurrentEnvelope) -> None:
        await projector.handle(envelope, event)

    ignore_others(sub)
    return router
