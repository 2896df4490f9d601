"""Composition root of the extractor service: its FastStream app and the worker around it."""

from __future__ import annotations

import logging

from cypheredge.contracts.catalogue import EXTRACTOR
from cypheredge.extractor.consumers import router
from cypheredge.extractor.infra.models import inbox, outbox
from cypheredge.extractor.ocr.engine import check_engine
from cypheredge.extractor.service.extract_statement import CONSUMER, StatementExtractor
from cypheredge.extractor.service.runner import CascadeRunner
from cypheredge.extractor.settings import ExtractorSettings
from cypheredge.extractor.tables.check import check_table_model, table_stage_status
from cypheredge.kit.db import Database, service_url
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.redrive import Republisher
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.storage import storage_from_settings
from cypheredge.kit.stream import Worker, service_app

SERVICE = EXTRACTOR.name
log = logging.getLogger(__name__)


def build(infra: InfraSettings, settings: ExtractorSettings | None = None) -> Worker:
    settings = settings or ExtractorSettings()
    # A configured engine whose models are missing stops the service here, with the reason.
    check_engine(settings.ocr_engine)
    # So does a table model directory without usable weights (no torch is imported here).
    check_table_model(settings.table_model_dir, settings.device)
    log.info(table_stage_status(settings.table_model_dir, settings.device))
    db = Database(service_url(infra, SERVICE))
    runner = CascadeRunner(
        settings.workers,
        settings.timeout_seconds,
        settings.max_memory_mb,
        settings.ocr_engine,
        settings.table_model_dir,
        settings.device,
    )
    extractor = StatementExtractor(
        db=db,
        storage=storage_from_settings(infra),
        outbox=Outbox(outbox, EXTRACTOR.source),
        inbox=Inbox(inbox),
        runner=runner,
    )
    # The same group also takes re-drive requests: they re-queue this service's sent events.
    republisher = Republisher(db, outbox, Inbox(inbox), CONSUMER)
    consumers = router(extractor, republisher, workers=settings.workers)
    app = service_app(EXTRACTOR, infra.kafka_bootstrap_servers, [consumers])
    return Worker(
        name=SERVICE,
        app=app,
        bootstrap=infra.kafka_bootstrap_servers,
        db=db,
        outbox=outbox,
        health_host=settings.health_host,
        health_port=settings.health_port,
        on_start=[runner.start],
        on_close=[runner.close],
    )
