"""Composition root of the extractor service."""

from __future__ import annotations

from cypheredge.contracts.catalogue import EXTRACTOR
from cypheredge.extractor.infra.models import inbox, outbox
from cypheredge.extractor.service.extract_statement import CONSUMER, StatementExtractor
from cypheredge.extractor.service.runner import CascadeRunner
from cypheredge.extractor.settings import ExtractorSettings
from cypheredge.kit.db import Database, service_url
from cypheredge.kit.host import Subscription, WorkerHost, consumed
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.redrive import Republisher, with_redrive
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.storage import storage_from_settings

SERVICE = EXTRACTOR.name


def build(infra: InfraSettings, settings: ExtractorSettings | None = None) -> WorkerHost:
    settings = settings or ExtractorSettings()
    db = Database(service_url(infra, SERVICE))
    runner = CascadeRunner(settings.workers, settings.timeout_seconds)
    extractor = StatementExtractor(
        db=db,
        storage=storage_from_settings(infra),
        outbox=Outbox(outbox, EXTRACTOR.source),
        inbox=Inbox(inbox),
        runner=runner,
    )
    # The same group also takes re-drive requests: they re-queue this service's sent events.
    republisher = Republisher(db, outbox, Inbox(inbox), CONSUMER)
    handler = with_redrive(extractor.handle, republisher)
    return WorkerHost(
        name=SERVICE,
        bootstrap=infra.kafka_bootstrap_servers,
        db=db,
        outbox=outbox,
        subscriptions=[Subscription(CONSUMER, consumed(EXTRACTOR), handler)],
        health_host=settings.health_host,
        health_port=settings.health_port,
        on_close=[runner.close],
    )
