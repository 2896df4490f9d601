"""The extractor's subscribers: each takes one event type and hands it to its use case."""

from __future__ import annotations

from faststream.kafka import KafkaRouter

from cypheredge.contracts.catalogue import EXTRACTOR, EXTRACTOR_GPU
from cypheredge.contracts.events.statement import StatementIngested, StatementQueuedForOcr
from cypheredge.contracts.topics import BATCH_REDRIVE, STATEMENT_INGESTION, STATEMENT_OCR
from cypheredge.extractor.service.extract_statement import StatementExtractor
from cypheredge.kit.redrive import Republisher, subscribe_redrive
from cypheredge.kit.stream import CurrentEnvelope, ignore_others, of_type, subscriber


def router(
    extractor: StatementExtractor,
    republisher: Republisher,
    group_id: str = EXTRACTOR.group_id,
    workers: int = 1,
) -> KafkaRouter:
    """The extractor's subscribers, in its one group (``group_id``).

    Statements are read by ``workers`` consumers of the group at once (FastStream's
    ``max_workers``: one consumer each, partitions shared among them), so an instance extracts
    as many statements at once as its pool has worker processes; each consumer handles its
    partitions in order and commits a record only after its effect. Re-drive requests have a
    subscriber of their own (a concurrent subscriber reads one topic).
    """
    router = KafkaRouter()
    statements = subscriber(router, STATEMENT_INGESTION, group_id=group_id, max_workers=workers)

    @statements(filter=of_type(StatementIngested))
    async def statement_ingested(event: StatementIngested, envelope: CurrentEnvelope) -> None:
        await extractor.handle(envelope, event)

    ignore_others(statements)
    redrive = subscriber(router, BATCH_REDRIVE, group_id=group_id)
    subscribe_redrive(redrive, republisher)
    ignore_others(redrive)
    return router


def ocr_router(
    extractor: StatementExtractor, group_id: str = EXTRACTOR_GPU.group_id, workers: int = 1
) -> KafkaRouter:
    """The OCR extractor's subscriber: the statements the text extractor queued for OCR.

    Re-drive needs no subscriber here: its events are rows of the extractor's outbox, which
    the extractor's own re-drive subscriber re-queues.
    """
    router = KafkaRouter()
    queued = subscriber(router, STATEMENT_OCR, group_id=group_id, max_workers=workers)

    @queued(filter=of_type(StatementQueuedForOcr))
    async def statement_queued(event: StatementQueuedForOcr, envelope: CurrentEnvelope) -> None:
        await extractor.handle(envelope, event)

    ignore_others(queued)
    return router
