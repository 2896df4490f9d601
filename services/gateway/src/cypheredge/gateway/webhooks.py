"""``python -m cypheredge.gateway.webhooks``: the ``gateway-webhooks`` deployment.

It consumes the outcome events in its own group, queues one delivery per subscribed endpoint
(in the event's inbox transaction) and, on a task beside the consumer, sends the due
deliveries over HTTP. It publishes nothing. Its own deployment, so that receivers, however
slow, never hold up the batch projection; several replicas may run (deliveries are leased).
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

from cypheredge.contracts.catalogue import GATEWAY_WEBHOOKS
from cypheredge.gateway.bootstrap import database
from cypheredge.gateway.infra.models import inbox
from cypheredge.gateway.infra.webhook_http import HttpTransport, resolve
from cypheredge.gateway.service.webhook_fanout import WebhookFanout
from cypheredge.gateway.service.webhook_sender import SenderPolicy, WebhookSender
from cypheredge.gateway.webhook_consumers import router
from cypheredge.gateway.webhook_settings import WebhookSettings
from cypheredge.kit.db import Database
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.secrets import Sealer
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.stream import Worker, run_worker, service_app

NAME = GATEWAY_WEBHOOKS.name
# Past one attempt's time limit, so that no other replica takes a delivery still in flight.
LEASE_MARGIN = timedelta(seconds=30)


def sender_policy(settings: WebhookSettings) -> SenderPolicy:
    return SenderPolicy(
        urls=settings.url_policy,
        retry=settings.retry_policy,
        disable_after=settings.disable_after,
        lease=timedelta(seconds=settings.timeout_seconds) + LEASE_MARGIN,
        max_concurrency=settings.max_concurrency,
        per_endpoint=settings.per_endpoint_concurrency,
        claim_batch=settings.claim_batch,
    )


def sender(infra: InfraSettings, settings: WebhookSettings, db: Database) -> WebhookSender:
    key = infra.cypheredge_secret_key
    return WebhookSender(
        db,
        Sealer(key.get_secret_value() if key else None),
        HttpTransport(settings.timeout_seconds),
        resolve,
        sender_policy(settings),
    )


def build(infra: InfraSettings, settings: WebhookSettings | None = None) -> Worker:
    settings = settings or WebhookSettings()
    db = database(infra)
    fanout = WebhookFanout(db, Inbox(inbox))
    send = sender(infra, settings, db)

    async def deliver(stop: asyncio.Event) -> None:
        await send.run(stop, settings.poll_interval_seconds)

    app = service_app(
        GATEWAY_WEBHOOKS,
        infra.kafka_bootstrap_servers,
        [router(fanout)],
        name=NAME,
        publishes=False,
        security=infra.kafka_security,
    )
    return Worker(
        name=NAME,
        app=app,
        bootstrap=infra.kafka_bootstrap_servers,
        security=infra.kafka_security,
        db=db,
        outbox=None,
        health_host=settings.health_host,
        health_port=settings.health_port,
        tasks=[deliver],
    )


if __name__ == "__main__":
    run_worker(NAME, build)
