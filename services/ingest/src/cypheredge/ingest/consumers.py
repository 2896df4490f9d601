"""The ingest service's subscribers: each takes one event type and hands it to its use case."""

from __future__ import annotations

from faststream.kafka import KafkaRouter

from cypheredge.contracts.catalogue import INGEST
from cypheredge.contracts.events.batch import BatchSubmitted
from cypheredge.ingest.service.ingestor import Ingestor
from cypheredge.kit.redrive import Republisher, subscribe_redrive
from cypheredge.kit.stream import CurrentEnvelope, ignore_others, of_type, subscriber


def router(
    ingestor: Ingestor, republisher: Republisher, group_id: str = INGEST.group_id
) -> KafkaRouter:
    """One subscriber over every topic ingest consumes, in its one group (``group_id``)."""
    router = KafkaRouter()
    sub = subscriber(router, *INGEST.consumes, group_id=group_id)

    @sub(filter=of_type(BatchSubmitted))
    async def batch_submitted(event: BatchSubmitted, envelope: CurrentEnvelope) -> None:
        await ingestor.handle(envelope, event)

    subscribe_redrive(sub, republisher)
    ignore_others(sub)
    return router
