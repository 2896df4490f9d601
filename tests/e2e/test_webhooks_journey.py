"""A customer's webhook through the whole platform: a batch uploaded over HTTP completes, and
the ``gateway-webhooks`` deployment (its own consumer group on the real broker, its sender
task) POSTs signed ``statement.extracted``, ``report.ready`` and ``batch.completed`` events to
a real local receiver, each once."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any
from uuid import UUID

import httpx
import pytest
from sqlalchemy import delete
from standardwebhooks import Webhook

from cetest.pdfs import DIGITAL, sample
from cetest.pipeline import Pipeline, free_port
from cetest.polling import wait_for_batch
from cetest.tenants import Tenant
from cetest.webhooks import LOCAL, Receiver, receiver
from cypheredge.gateway.infra.models import webhook_endpoints
from cypheredge.gateway.service import webhook_endpoints as endpoints
from cypheredge.gateway.service.accounts import create_org
from cypheredge.gateway.webhook_settings import WebhookSettings
from cypheredge.gateway.webhooks import build
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.stream import Worker

pytestmark = pytest.mark.integration
TYPES = ("statement.extracted", "report.ready", "batch.completed", "batch.partially_failed")


@pytest.fixture
async def webhooks_worker(infra: InfraSettings, pipeline: Pipeline) -> AsyncIterator[Worker]:
    settings = WebhookSettings(
        allow_http=True,
        allow_loopback=True,
        poll_interval_seconds=0.1,
        health_port=free_port(),
    )
    worker = build(infra, settings)
    task = asyncio.create_task(worker.run())
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 60
    while not worker.ready():
        if task.done():
            task.result()
        assert loop.time() < deadline, "gateway-webhooks did not join its group"
        await asyncio.sleep(0.2)
    yield worker
    worker.stop.set()
    await task


async def _wait_for(hook: Receiver, count: int, within: float = 30) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        if len(hook.received) >= count or loop.time() > deadline:
            return
        await asyncio.sleep(0.1)


async def test_a_completed_batch_reaches_the_receiver_signed_once_per_event(
    pipeline: Pipeline, client: httpx.AsyncClient, webhooks_worker: Worker
) -> None:
    created = await create_org(pipeline.gateway.db, "E2E webhook org")
    tenant = Tenant(str(created.org_id), created.api_key)
    with receiver() as hook:
        endpoint = await endpoints.create_endpoint(
            pipeline.gateway.db,
            pipeline.gateway.sealer,
            created.org_id,
            endpoints.NewEndpoint(hook.url, TYPES),
            policy=LOCAL,
            resolve=pipeline.gateway.resolve,
            limit=20,
        )
        try:
            upload = {"files": (DIGITAL, sample(DIGITAL), "application/pdf")}
            response = await client.post("/v1/batches", headers=tenant.auth, files=upload)
            assert response.status_code == 202, response.text
            batch_id = response.json()["id"]
            await wait_for_batch(
                client, tenant, batch_id, lambda b: b["status"] == "completed", within=120
            )
            await _wait_for(hook, 3)
            await asyncio.sleep(1.0)  # anything extra would come now
        finally:
            async with pipeline.gateway.db.tenant(UUID(tenant.org_id)) as session:
                await session.execute(delete(webhook_endpoints))
    verified: list[dict[str, Any]] = [
        Webhook(endpoint["secret"]).verify(r.body, r.headers) for r in hook.received
    ]
    types = sorted(p["type"] for p in verified)
    assert types == ["batch.completed", "report.ready", "statement.extracted"], types
    assert {p["data"]["batch_id"] for p in verified} == {batch_id}
    completed = next(p for p in verified if p["type"] == "batch.completed")
    assert completed["data"]["counts"]["reported"] == 1
    assert '"transactions":[' not in json.dumps(verified, separators=(",", ":"))
