"""Outbound webhooks end to end below the broker: events handed to the consumer's use case,
deliveries sent by the sender to real local HTTP receivers, the outcome read back.

Each test moves time by passing ``now`` to ``send_due``; nothing sleeps for a retry.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import pytest
from sqlalchemy import delete, select
from standardwebhooks import Webhook

from cetest.billing import new_org
from cetest.tenants import Tenant
from cetest.webhooks import LOCAL, RETRY, receiver, sender
from cypheredge.contracts import Envelope, Event
from cypheredge.contracts.catalogue import REPORTER
from cypheredge.contracts.events.batch import BatchCompleted, BatchFailed, StatementOutcome
from cypheredge.gateway.domain.ssrf import UrlPolicy
from cypheredge.gateway.domain.webhooks import RetryPolicy
from cypheredge.gateway.infra.models import inbox, webhook_deliveries, webhook_endpoints
from cypheredge.gateway.service import webhook_endpoints as endpoints
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.service.webhook_fanout import WebhookFanout
from cypheredge.gateway.service.webhook_urls import Resolver
from cypheredge.kit.inbox import Inbox

pytestmark = pytest.mark.integration
ALL = ("batch.completed", "batch.partially_failed", "batch.failed", "report.ready")


@pytest.fixture
async def org(gateway: Container) -> AsyncIterator[Tenant]:
    """A fresh org whose endpoints (and deliveries) are removed afterwards, so no other
    test's sender ever finds them due."""
    tenant = await new_org(gateway, "Webhook org")
    yield tenant
    async with gateway.db.tenant(UUID(tenant.org_id)) as session:
        await session.execute(delete(webhook_endpoints))


async def register(
    container: Container, org: Tenant, url: str, types: tuple[str, ...] = ALL
) -> dict[str, Any]:
    new = endpoints.NewEndpoint(url, types)
    return await endpoints.create_endpoint(
        container.db,
        container.sealer,
        UUID(org.org_id),
        new,
        policy=LOCAL,
        resolve=container.resolve,
        limit=20,
    )


def completed(batch_id: UUID | None = None) -> BatchCompleted:
    return BatchCompleted(
        batch_id=batch_id or uuid4(),
        status="completed",
        statements=(StatementOutcome(statement_id=uuid4(), status="reported"),),
    )


async def publish(container: Container, org: Tenant, event: Event) -> Envelope:
    envelope = Envelope.wrap(event, org_id=UUID(org.org_id), source=REPORTER.source)
    await WebhookFanout(container.db, Inbox(inbox)).handle(envelope, event)
    return envelope


async def deliveries(container: Container, org: Tenant, endpoint: dict[str, Any]) -> list[Any]:
    async with container.db.tenant(UUID(org.org_id)) as session:
        query = select(webhook_deliveries).where(webhook_deliveries.c.endpoint_id == endpoint["id"])
        return list((await session.execute(query)).all())


async def test_a_completed_batch_is_delivered_signed_as_the_reference_library_verifies(
    gateway: Container, org: Tenant
) -> None:
    with receiver() as hook:
        endpoint = await register(gateway, org, hook.url)
        event = completed()
        await publish(gateway, org, event)
        outcomes = await sender(gateway).send_due()
    assert [o.delivered for o in outcomes] == [True]
    (got,) = hook.received
    payload = Webhook(endpoint["secret"]).verify(got.body, got.headers)
    assert payload["type"] == "batch.completed"
    data = payload["data"]
    assert data["batch_id"] == str(event.batch_id)
    assert data["status"] == "completed"
    assert data["counts"] == {"statements": 1, "reported": 1, "rejected": 0, "failed": 0}
    assert data["links"]["report"] == f"/v1/batches/{event.batch_id}/report"
    assert "transactions" not in json.dumps(data["statements"])
    (row,) = await deliveries(gateway, org, endpoint)
    assert (row.state, row.attempts, row.last_status_code) == ("delivered", 1, 200)
    assert got.headers["webhook-id"] == str(row.id)
    with pytest.raises(Exception, match="signature"):
        Webhook("whsec_" + "A" * 32).verify(got.body, got.headers)


async def test_500_twice_then_200_is_three_attempts_with_backoff_then_delivered(
    gateway: Container, org: Tenant
) -> None:
    with receiver([500, 500, 200]) as hook:
        endpoint = await register(gateway, org, hook.url)
        await publish(gateway, org, completed())
        send = sender(gateway)
        start = datetime.now(UTC)
        assert [o.delivered for o in await send.send_due(start)] == [False]
        # Not yet due: the first wait is 5 s.
        assert await send.send_due(start + timedelta(seconds=4)) == []
        assert [o.delivered for o in await send.send_due(start + timedelta(seconds=6))] == [False]
        (row,) = await deliveries(gateway, org, endpoint)
        assert (row.state, row.attempts, row.last_status_code) == ("pending", 2, 500)
        assert row.next_attempt_at - (start + timedelta(seconds=6)) == timedelta(minutes=5)
        later = start + timedelta(minutes=6)
        assert [o.delivered for o in await send.send_due(later)] == [True]
    assert len(hook.received) == 3
    assert len({r.headers["webhook-id"] for r in hook.received}) == 1  # one message, retried
    (row,) = await deliveries(gateway, org, endpoint)
    assert (row.state, row.attempts, row.last_status_code) == ("delivered", 3, 200)
    async with gateway.db.tenant(UUID(org.org_id)) as session:
        failing = await session.scalar(
            select(webhook_endpoints.c.failing_since).where(
                webhook_endpoints.c.id == endpoint["id"]
            )
        )
    assert failing is None  # cleared by the success


async def test_a_redelivered_or_redriven_event_adds_no_second_delivery(
    gateway: Container, org: Tenant
) -> None:
    with receiver() as hook:
        endpoint = await register(gateway, org, hook.url)
        event = completed()
        envelope = await publish(gateway, org, event)
        fanout = WebhookFanout(gateway.db, Inbox(inbox))
        await fanout.handle(envelope, event)  # Kafka redelivers the same record
        await publish(gateway, org, event)  # a re-drive: a new envelope, the same batch
        await sender(gateway).send_due()
        await sender(gateway).send_due(datetime.now(UTC) + timedelta(hours=2))
    assert len(hook.received) == 1
    assert len(await deliveries(gateway, org, endpoint)) == 1


async def test_another_org_never_receives_an_event(gateway: Container, org: Tenant) -> None:
    other = await new_org(gateway, "Webhook other org")
    try:
        with receiver() as mine, receiver() as theirs:
            await register(gateway, org, mine.url)
            await register(gateway, other, theirs.url)
            await publish(gateway, org, completed())
            await sender(gateway).send_due()
        assert len(mine.received) == 1
        assert theirs.received == []
    finally:
        async with gateway.db.tenant(UUID(other.org_id)) as session:
            await session.execute(delete(webhook_endpoints))


async def test_only_subscribed_types_are_sent_and_failed_batches_say_why(
    gateway: Container, org: Tenant
) -> None:
    with receiver() as failed_only, receiver() as completed_only:
        await register(gateway, org, failed_only.url, ("batch.failed",))
        await register(gateway, org, completed_only.url, ("batch.completed",))
        await publish(gateway, org, BatchFailed(batch_id=uuid4(), reason="deadline_exceeded"))
        await sender(gateway).send_due()
    assert completed_only.received == []
    (got,) = failed_only.received
    body = json.loads(got.body)
    assert body["type"] == "batch.failed"
    assert body["data"]["reason"] == "deadline_exceeded"
    assert "report" not in body["data"]["links"]


async def test_a_slow_endpoint_does_not_delay_another_orgs_delivery(
    gateway: Container, org: Tenant
) -> None:
    other = await new_org(gateway, "Webhook fast org")
    try:
        with receiver(delay=2.0) as slow, receiver() as fast:
            await register(gateway, org, slow.url)
            await register(gateway, other, fast.url)
            for _ in range(4):
                await publish(gateway, org, completed())
            await publish(gateway, other, completed())
            send = sender(gateway, per_endpoint=1)
            started = time.monotonic()
            tasks = await send.dispatch()
            while True:
                if fast.received or time.monotonic() - started > 10:
                    break
                await asyncio.sleep(0.02)
            fast_after = time.monotonic() - started
            await asyncio.gather(*tasks)
        assert fast_after < 1.0, fast_after  # not behind the slow receiver's 2 s answers
        assert len(slow.received) == 1  # one at a time to the slow endpoint
    finally:
        async with gateway.db.tenant(UUID(other.org_id)) as session:
            await session.execute(delete(webhook_endpoints))


async def test_after_the_window_a_delivery_fails_and_a_failing_endpoint_is_disabled(
    gateway: Container, org: Tenant
) -> None:
    retry = RetryPolicy(schedule=(timedelta(seconds=5),), window=timedelta(seconds=12))
    with receiver([503]) as hook:
        endpoint = await register(gateway, org, hook.url)
        await publish(gateway, org, completed())
        send = sender(gateway, retry=retry, disable_after=timedelta(days=2))
        start = datetime.now(UTC)
        for offset in (0, 6, 12):
            await send.send_due(start + timedelta(seconds=offset))
        (row,) = await deliveries(gateway, org, endpoint)
        assert (row.state, row.attempts, row.last_error) == ("failed", 3, "HTTP 503")
        # Failing for days: the next failure disables the endpoint, with the reason.
        await publish(gateway, org, completed())
        await send.send_due(start + timedelta(days=3))
    found = await endpoints.get_endpoint(gateway.db, UUID(org.org_id), endpoint["id"])
    assert found is not None
    assert found["status"] == "disabled"
    assert "failed since" in found["disabled_reason"]
    assert "HTTP 503" in found["disabled_reason"]
    with receiver() as hook_again:
        await publish(gateway, org, completed())  # a disabled endpoint gets nothing queued
        assert await sender(gateway).send_due(start + timedelta(days=4)) == []
    assert hook_again.received == []


async def test_a_host_that_now_resolves_to_a_private_address_is_refused_at_delivery(
    gateway: Container, org: Tenant
) -> None:
    with receiver() as hook:
        endpoint = await register(gateway, org, hook.url)
        await publish(gateway, org, completed())
        # Same URL, checked again before the attempt under a stricter policy (as if the
        # name had moved to an address the policy refuses).
        strict = UrlPolicy(allow_http=True)
        outcomes = await sender(gateway, urls=strict).send_due()
    assert hook.received == []
    assert [o.label for o in outcomes] == ["refused"]
    (row,) = await deliveries(gateway, org, endpoint)
    assert row.state == "pending"
    assert row.last_error.startswith("refused: the host resolves to a loopback address")


async def test_two_senders_never_send_one_delivery_twice_at_once(
    gateway: Container, org: Tenant
) -> None:
    with receiver(delay=0.3) as hook:
        await register(gateway, org, hook.url)
        for _ in range(3):
            await publish(gateway, org, completed())
        first, second = sender(gateway), sender(gateway)
        for _ in range(3):  # two at a time per endpoint: rounds until all are sent
            await asyncio.gather(first.send_due(), second.send_due())
    ids = [r.headers["webhook-id"] for r in hook.received]
    assert len(ids) == len(set(ids)) == 3


async def test_resolver_is_asked_again_at_every_attempt(gateway: Container, org: Tenant) -> None:
    asked: list[str] = []
    real: Resolver = gateway.resolve

    async def counting(host: str, port: int) -> list[Any]:
        asked.append(host)
        return await real(host, port)

    with receiver([500, 200]) as hook:
        await register(gateway, org, hook.url.replace("127.0.0.1", "localhost"))
        await publish(gateway, org, completed())
        send = sender(gateway, resolve=counting)
        start = datetime.now(UTC)
        await send.send_due(start)
        await send.send_due(start + RETRY.schedule[0] + timedelta(seconds=1))
    assert asked == ["localhost", "localhost"]
    assert len(hook.received) == 2
