"""``python -m cypheredge.gateway.projector``: consume status events into the batch projection."""

from __future__ import annotations

import asyncio

from cypheredge.contracts.topics import BATCH_OUTCOME, STATEMENT_EXTRACTION, STATEMENT_INGESTION
from cypheredge.gateway.bootstrap import SERVICE, database
from cypheredge.gateway.infra.models import inbox
from cypheredge.gateway.service.projection import CONSUMER, Projector
from cypheredge.kit.host import Subscription, WorkerHost
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.logging import configure_logging
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.workers import WorkerSettings


def host(infra: InfraSettings, worker: WorkerSettings) -> WorkerHost:
    db = database(infra)
    projector = Projector(db, Inbox(inbox))
    topics = [STATEMENT_INGESTION.name, STATEMENT_EXTRACTION.name, BATCH_OUTCOME.name]
    return WorkerHost(
        name=f"{SERVICE}-projector",
        bootstrap=infra.kafka_bootstrap_servers,
        db=db,
        outbox=None,
        subscriptions=[Subscription(CONSUMER, topics, projector.handle)],
        health_host=worker.health_host,
        health_port=worker.health_port,
    )


async def run() -> None:
    infra = InfraSettings()
    configure_logging(f"{SERVICE}-projector", infra.log_level, infra.log_json)
    worker = host(infra, WorkerSettings(_env_prefix="GATEWAY_PROJECTOR_"))
    worker.install_signal_handlers()
    await worker.run()


if __name__ == "__main__":
    asyncio.run(run())
