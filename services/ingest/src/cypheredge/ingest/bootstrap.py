"""Composition root of the ingest service."""

from __future__ import annotations

from cypheredge.contracts.catalogue import INGEST
from cypheredge.ingest.infra.models import inbox, outbox
from cypheredge.ingest.service.ingestor import CONSUMER, Ingestor
from cypheredge.ingest.settings import IngestSettings
from cypheredge.kit.db import Database, service_url
from cypheredge.kit.host import Subscription, WorkerHost, consumed
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.redrive import Republisher, with_redrive
from cypheredge.kit.secrets import Sealer
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.storage import storage_from_settings
from cypheredge.pdf import PdfInspector

SERVICE = INGEST.name


def build(infra: InfraSettings, settings: IngestSettings | None = None) -> WorkerHost:
    settings = settings or IngestSettings()
    db = Database(service_url(infra, SERVICE))
    inspector = PdfInspector(settings.limits())
    key = infra.cypheredge_secret_key
    ingestor = Ingestor(
        db=db,
        storage=storage_from_settings(infra),
        outbox=Outbox(outbox, INGEST.source),
        inbox=Inbox(inbox),
        sealer=Sealer(key.get_secret_value() if key else None),
        inspector=inspector,
    )
    # The same group also takes re-drive requests: they re-queue this service's sent events.
    republisher = Republisher(db, outbox, Inbox(inbox), CONSUMER)
    handler = with_redrive(ingestor.handle, republisher)
    return WorkerHost(
        name=SERVICE,
        bootstrap=infra.kafka_bootstrap_servers,
        db=db,
        outbox=outbox,
        subscriptions=[Subscription(CONSUMER, consumed(INGEST), handler)],
        health_host=settings.health_host,
        health_port=settings.health_port,
        on_close=[inspector.close],
    )
