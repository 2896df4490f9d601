"""Composition root of the billing service."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from cypheredge.billing.infra.models import inbox, outbox
from cypheredge.billing.service.usage import CONSUMER, UsageLedger
from cypheredge.contracts.catalogue import BILLING
from cypheredge.kit.db import Database, service_url
from cypheredge.kit.host import Subscription, WorkerHost, consumed
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.workers import WorkerSettings

SERVICE = BILLING.name


class BillingSettings(WorkerSettings):
    model_config = SettingsConfigDict(env_prefix="BILLING_", extra="ignore")

    health_port: int = 9004


def build(infra: InfraSettings, settings: BillingSettings | None = None) -> WorkerHost:
    settings = settings or BillingSettings()
    db = Database(service_url(infra, SERVICE))
    ledger = UsageLedger(db, Inbox(inbox))
    return WorkerHost(
        name=SERVICE,
        bootstrap=infra.kafka_bootstrap_servers,
        db=db,
        outbox=outbox,
        subscriptions=[Subscription(CONSUMER, consumed(BILLING), ledger.handle)],
        health_host=settings.health_host,
        health_port=settings.health_port,
    )
