"""Composition root of the ingest service: its FastStream app and the worker around it."""

from __future__ import annotations

from cypheredge.contracts.catalogue import INGEST
from cypheredge.ingest.consumers import router
from cypheredge.ingest.infra.models import inbox, outbox
from cypheredge.ingest.service.ingestor import CONSUMER, Ingestor
from cypheredge.ingest.settings import IngestSettings
from cypheredge.kit.db import Database, service_url
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.redrive import Republisher
from cypheredge.kit.secrets import Sealer
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.storage import storage_from_settings
from cypheredge.kit.stream import Worker, service_app
from cypheredge.pdf import PdfInspector

SERVICE = INGEST.name


def build(infra: InfraSettings, settings: IngestSettings | None = None) -> Worker:
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
    app = service_app(
        INGEST,
        infra.kafka_bootstrap_servers,
        [router(ingestor, republisher)],
        security=infra.kafka_security,
    )
    return Worker(
        name=SERVICE,
        app=app,
        bootstrap=infra.kafka_bootstrap_servers,
        security=infra.kafka_security,
        db=db,
        outbox=outbox,
        health_host=settings.health_host,
        health_port=settings.health_port,
        on_close=[inspector.close],
    )
