"""Composition root of the billing service: its FastStream app and the worker around it."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from cypheredge.billing.consumers import router
from cypheredge.billing.infra.models import inbox
from cypheredge.billing.service.usage import UsageLedger
from cypheredge.contracts.catalogue import BILLING
from cypheredge.kit.db import Database, service_url
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.stream import Worker, service_app
from cypheredge.kit.workers import WorkerSettings

SERVICE = BILLING.name


class BillingSettings(WorkerSettings):
    model_config = SettingsConfigDict(env_prefix="BILLING_", extra="ignore")

    health_port: int = 9004


def build(infra: InfraSettings, settings: BillingSettings | None = None) -> Worker:
    settings = settings or BillingSettings()
    db = Database(service_url(infra, SERVICE))
    ledger = UsageLedger(db, Inbox(inbox))
    app = service_app(BILLING, infra.kafka_bootstrap_servers, [router(ledger)])
    # No relay: billing publishes nothing yet (subscription events come with Stripe webhooks).
    return Worker(
        name=SERVICE,
        app=app,
        bootstrap=infra.kafka_bootstrap_servers,
        db=db,
        outbox=None,
        health_host=settings.health_host,
        health_port=settings.health_port,
    )
