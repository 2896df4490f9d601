"""Composition root of the billing service: its FastStream app and the worker around it."""

from __future__ import annotations

import logging

from cypheredge.billing.consumers import router
from cypheredge.billing.infra.models import inbox, outbox
from cypheredge.billing.infra.stripe_api import StripeApi, client_from
from cypheredge.billing.service.meter_sender import MeterSender
from cypheredge.billing.service.provisioning import StripeSync
from cypheredge.billing.service.stripe_loop import StripeLoop
from cypheredge.billing.service.subscriptions import Subscriptions
from cypheredge.billing.service.usage import UsageLedger
from cypheredge.billing.settings import BillingSettings, StripeSettings
from cypheredge.contracts.catalogue import BILLING
from cypheredge.kit.db import Database, service_url
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.stream import Worker, service_app

SERVICE = BILLING.name
log = logging.getLogger(__name__)

__all__ = ["SERVICE", "BillingSettings", "build", "database", "stripe_api", "subscriptions"]


def database(infra: InfraSettings) -> Database:
    return Database(service_url(infra, SERVICE))


def subscriptions(db: Database) -> Subscriptions:
    return Subscriptions(db, Outbox(outbox, BILLING.source), Inbox(inbox))


def stripe_api(stripe: StripeSettings) -> StripeApi | None:
    return StripeApi(client_from(stripe)) if stripe.enabled else None


def stripe_loop(db: Database, api: StripeApi, settings: BillingSettings) -> StripeLoop:
    sync = StripeSync(db, api, Outbox(outbox, BILLING.source))
    sender = MeterSender(db, api, settings.stripe_batch)
    return StripeLoop(sync, sender, settings.stripe_poll_seconds)


def build(
    infra: InfraSettings,
    settings: BillingSettings | None = None,
    stripe: StripeSettings | None = None,
) -> Worker:
    settings = settings or BillingSettings()
    stripe = stripe or StripeSettings()
    db = database(infra)
    ledger = UsageLedger(db, Inbox(inbox))
    app = service_app(
        BILLING,
        infra.kafka_bootstrap_servers,
        [router(ledger, subscriptions(db))],
        security=infra.kafka_security,
    )
    api = stripe_api(stripe)
    if api is None:
        log.warning(
            "Stripe reporting is off (STRIPE_API_KEY is not set): usage is metered here and "
            "nothing is sent to Stripe until a key is configured"
        )
    else:
        log.info("Stripe reporting is on (%s)", stripe.api_base)
    return Worker(
        name=SERVICE,
        app=app,
        bootstrap=infra.kafka_bootstrap_servers,
        security=infra.kafka_security,
        db=db,
        outbox=outbox,
        health_host=settings.health_host,
        health_port=settings.health_port,
        tasks=[stripe_loop(db, api, settings).run] if api is not None else [],
    )
