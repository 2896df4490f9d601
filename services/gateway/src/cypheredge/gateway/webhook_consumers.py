"""The ``gateway-webhooks`` subscribers: the outcome events customers can subscribe to."""

from __future__ import annotations

from faststream.kafka import KafkaRouter

from cypheredge.contracts.catalogue import GATEWAY_WEBHOOKS
from cypheredge.contracts.events.batch import BatchCompleted, BatchFailed
from cypheredge.contracts.events.report import ReportReady
from cypheredge.contracts.events.statement import StatementExtracted, StatementRejected
from cypheredge.gateway.service.webhook_fanout import WebhookFanout
from cypheredge.kit.stream import CurrentEnvelope, ignore_others, of_type, subscriber


def router(fanout: WebhookFanout, group_id: str = GATEWAY_WEBHOOKS.group_id) -> KafkaRouter:
    """One subscriber over the outcome topics, in the webhook deployment's own group."""
    router = KafkaRouter()
    sub = subscriber(router, *GATEWAY_WEBHOOKS.consumes, group_id=group_id)

    @sub(filter=of_type(StatementRejected))
    async def statement_rejected(event: StatementRejected, envelope: CurrentEnvelope) -> None:
        await fanout.handle(envelope, event)

    @sub(filter=of_type(StatementExtracted))
    async def statement_extracted(event: StatementExtracted, envelope: CurrentEnvelope) -> None:
        await fanout.handle(envelope, event)

    @sub(filter=of_type(ReportReady))
    async def report_ready(event: ReportReady, envelope: CurrentEnvelope) -> None:
        await fanout.handle(envelope, event)

    @sub(filter=of_type(BatchCompleted))
    async def batch_completed(event: BatchCompleted, envelope: CurrentEnvelope) -> None:
        await fanout.handle(envelope, event)

    @sub(filter=of_type(BatchFailed))
    async def batch_failed(event: BatchFailed, envelope: CurrentEnvelope) -> None:
        await fanout.handle(envelope, event)

    ignore_others(sub)
    return router
