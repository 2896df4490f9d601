"""Composition root of the reporter service: its FastStream app and the worker around it."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from cypheredge.contracts.catalogue import REPORTER
from cypheredge.kit.db import Database, service_url
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.redrive import Republisher
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.storage import storage_from_settings
from cypheredge.kit.stream import Worker, service_app
from cypheredge.kit.workers import WorkerSettings
from cypheredge.reporter.consumers import router
from cypheredge.reporter.infra.models import inbox, outbox
from cypheredge.reporter.service.builder import ReportBuilder
from cypheredge.reporter.service.tracker import CONSUMER, OutcomeTracker

SERVICE = REPORTER.name


class ReporterSettings(WorkerSettings):
    model_config = SettingsConfigDict(env_prefix="REPORTER_", extra="ignore")

    health_port: int = 9003


def database(infra: InfraSettings) -> Database:
    return Database(service_url(infra, SERVICE))


def build(infra: InfraSettings, settings: ReporterSettings | None = None) -> Worker:
    settings = settings or ReporterSettings()
    db = database(infra)
    builder = ReportBuilder(
        db=db, storage=storage_from_settings(infra), outbox=Outbox(outbox, REPORTER.source)
    )
    tracker = OutcomeTracker(db, Inbox(inbox), builder)
    # The same group also takes re-drive requests: they re-queue this service's sent events.
    republisher = Republisher(db, outbox, Inbox(inbox), CONSUMER)
    app = service_app(
        REPORTER,
        infra.kafka_bootstrap_servers,
        [router(tracker, republisher)],
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
    )
