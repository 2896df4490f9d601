"""Composition roots of the extractor: the text extractor and the OCR extractor.

Both are this package's code over its one schema (extractions, outbox, inbox); they are
deployed apart. The text extractor (``build``) reads every ingested statement and hands the
ones with pages only OCR can read to the OCR extractor (``build_ocr``, the ``extractor-gpu``
deployment), which runs the OCR engine and the table model on the GPU where there is one.
"""

from __future__ import annotations

import logging

from faststream.kafka import KafkaRouter

from cypheredge.contracts.catalogue import EXTRACTOR, EXTRACTOR_GPU, Service
from cypheredge.extractor.consumers import ocr_router, router
from cypheredge.extractor.infra.models import inbox, outbox
from cypheredge.extractor.ocr.engine import check_engine
from cypheredge.extractor.service.extract_statement import StatementExtractor
from cypheredge.extractor.service.runner import CascadeRunner
from cypheredge.extractor.settings import ExtractorSettings, OcrExtractorSettings
from cypheredge.extractor.tables.check import check_table_model, table_stage_status
from cypheredge.kit.db import Database, service_url
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.redrive import Republisher
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.storage import storage_from_settings
from cypheredge.kit.stream import Worker, service_app

SERVICE = EXTRACTOR.name
OCR_SERVICE = EXTRACTOR_GPU.name
log = logging.getLogger(__name__)


def build(infra: InfraSettings, settings: ExtractorSettings | None = None) -> Worker:
    """The text extractor. With an OCR engine configured (the default) statements that need
    OCR go to the OCR extractor; with ``none`` their pages are flagged here."""
    settings = settings or ExtractorSettings()
    queue_scans = settings.ocr_engine != "none"
    db = Database(service_url(infra, SERVICE))
    runner = _runner(settings, "none")
    extractor = _extractor(EXTRACTOR, infra, db, runner, queue_scans=queue_scans)
    # The same group also takes re-drive requests: they re-queue this schema's sent events,
    # the OCR extractor's among them.
    republisher = Republisher(db, outbox, Inbox(inbox), EXTRACTOR.group_id)
    consumers = router(extractor, republisher, workers=settings.workers)
    return _worker(EXTRACTOR, infra, settings, db, runner, [consumers])


def build_ocr(infra: InfraSettings, settings: OcrExtractorSettings | None = None) -> Worker:
    """The OCR extractor: reads the statements queued for OCR with the configured engine."""
    settings = settings or OcrExtractorSettings()
    # A configured engine whose models are missing stops the service here, with the reason.
    check_engine(settings.ocr_engine, settings.device)
    db = Database(service_url(infra, SERVICE))
    runner = _runner(settings, settings.ocr_engine)
    extractor = _extractor(EXTRACTOR_GPU, infra, db, runner, queue_scans=False)
    consumers = ocr_router(extractor, workers=settings.workers)
    return _worker(EXTRACTOR_GPU, infra, settings, db, runner, [consumers])


def _runner(settings: ExtractorSettings, engine: str) -> CascadeRunner:
    # So does a table model directory without usable weights (no torch is imported here).
    check_table_model(settings.table_model_dir, settings.device)
    log.info(table_stage_status(settings.table_model_dir, settings.device))
    return CascadeRunner(
        settings.workers,
        settings.timeout_seconds,
        settings.max_memory_mb,
        engine,
        settings.table_model_dir,
        settings.device,
    )


def _extractor(
    service: Service,
    infra: InfraSettings,
    db: Database,
    runner: CascadeRunner,
    *,
    queue_scans: bool,
) -> StatementExtractor:
    return StatementExtractor(
        db=db,
        storage=storage_from_settings(infra),
        outbox=Outbox(outbox, service.source),
        inbox=Inbox(inbox),
        runner=runner,
        consumer=service.group_id,
        queue_scans=queue_scans,
    )


def _worker(
    service: Service,
    infra: InfraSettings,
    settings: ExtractorSettings,
    db: Database,
    runner: CascadeRunner,
    routers: list[KafkaRouter],
) -> Worker:
    # Each deployment's relay publishes the rows of the shared outbox it has publishers for.
    return Worker(
        name=service.name,
        app=service_app(
            service, infra.kafka_bootstrap_servers, routers, security=infra.kafka_security
        ),
        bootstrap=infra.kafka_bootstrap_servers,
        security=infra.kafka_security,
        db=db,
        outbox=outbox,
        health_host=settings.health_host,
        health_port=settings.health_port,
        on_start=[runner.start],
        on_close=[runner.close],
    )
