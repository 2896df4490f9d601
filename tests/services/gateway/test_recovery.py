"""The gateway's sweeper: idle batches are re-driven, late ones fail with a reason.

Nothing but the sweeper may move these batches, even when a pipeline runs in the same test
session: the test org's unsent gateway events are parked (a trigger keeps every relay from
claiming them), so no consumer ever sees its batches. Idleness and lateness are made with
explicit timestamps (the batch is back-dated), never by waiting.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
from sqlalchemy import text

from cetest.pdfs import DIGITAL, DIGITAL_NZ, sample
from cetest.pipeline import free_port
from cetest.tenants import Tenant
from cypheredge.contracts import Envelope, Event
from cypheredge.contracts.catalogue import EXTRACTOR, REPORTER
from cypheredge.contracts.events.batch import (
    BatchCompleted,
    BatchRedriveRequested,
    StatementOutcome,
)
from cypheredge.contracts.events.statement import StatementExtracted, StatementQueuedForOcr
from cypheredge.gateway.infra.models import inbox
from cypheredge.gateway.recovery_settings import RecoverySettings
from cypheredge.gateway.relay import recovery
from cypheredge.gateway.service.accounts import create_org
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.service.projection import Projector
from cypheredge.gateway.service.recovery import Recovery
from cypheredge.kit.db import Database
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.settings import InfraSettings

pytestmark = pytest.mark.integration
SETTINGS = RecoverySettings(redrive_after_seconds=300, batch_deadline_seconds=3600)
SUBMITTED = "com.cypheredge.batch.submitted.v1"


@pytest.fixture(scope="module")
async def admin(infra: InfraSettings) -> AsyncIterator[Database]:
    """The owner's connection: sees every org, and can back-date rows."""
    db = Database(infra.database_url)
    yield db
    await db.dispose()


@pytest.fixture
def sweeper(gateway: Container) -> Recovery:
    return recovery(gateway.db, SETTINGS)


@asynccontextmanager
async def parked(admin: Database, org_id: str) -> AsyncIterator[None]:
    """While open, no relay claims the org's unsent gateway events (claimed for ever)."""
    name = f"gateway.park_{secrets.token_hex(4)}"
    async with admin.system() as session:
        await session.execute(
            text(
                f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "IF NEW.sent_at IS NULL THEN NEW.claimed_until := 'infinity'; END IF; "
                "RETURN NEW; END $$"
            )
        )
        await session.execute(
            text(
                f"CREATE TRIGGER {name.split('.')[1]} BEFORE INSERT OR UPDATE ON gateway.outbox "
                f"FOR EACH ROW WHEN (NEW.org_id = '{UUID(org_id)}'::uuid) "
                f"EXECUTE FUNCTION {name}()"
            )
        )
    try:
        yield
    finally:
        async with admin.system() as session:
            await session.execute(text(f"DROP TRIGGER {name.split('.')[1]} ON gateway.outbox"))
            await session.execute(text(f"DROP FUNCTION {name}()"))


async def _org(gateway: Container, name: str) -> Tenant:
    created = await create_org(gateway.db, name)
    return Tenant(str(created.org_id), created.api_key)


@pytest.fixture(scope="module")
async def org(gateway: Container, admin: Database) -> AsyncIterator[Tenant]:
    """An org whose batches only the sweeper moves."""
    tenant = await _org(gateway, "Recovery Org")
    async with parked(admin, tenant.org_id):
        yield tenant


async def _submit(api: httpx.AsyncClient, tenant: Tenant, name: str = DIGITAL) -> str:
    files = [("files", (name, sample(name), "application/pdf"))]
    response = await api.post("/v1/batches", headers=tenant.auth, files=files)
    assert response.status_code == 202, response.text
    batch_id: str = response.json()["id"]
    return batch_id


async def _age(admin: Database, batch_id: str, *, idle: timedelta, old: timedelta) -> None:
    """Make the batch look ``old`` since upload and ``idle`` since it last changed.

    Old enough to be among the first the sweeper looks at (oldest first, a page at a time),
    whatever else the session left open; under the deadline unless a test wants it past.
    """
    params = {"b": batch_id, "idle": idle, "old": old}
    async with admin.system() as session:
        await session.execute(
            text(
                "UPDATE gateway.batches SET created_at = now() - :old, "
                "updated_at = now() - :idle, redriven_at = redriven_at - :idle WHERE id = :b"
            ),
            params,
        )
        await session.execute(
            text("UPDATE gateway.statements SET updated_at = now() - :idle WHERE batch_id = :b"),
            params,
        )


async def _outbox(admin: Database, batch_id: str) -> list[Any]:
    async with admin.system() as session:
        result = await session.execute(
            text(
                "SELECT event_type, sent_at, payload FROM gateway.outbox "
                "WHERE batch_id = :b ORDER BY seq"
            ),
            {"b": batch_id},
        )
        return list(result.all())


async def _publish_all(admin: Database, batch_id: str) -> None:
    """What a relay would have done before the broker lost the events."""
    async with admin.system() as session:
        await session.execute(
            text("UPDATE gateway.outbox SET sent_at = now() WHERE batch_id = :b"), {"b": batch_id}
        )


async def _view(api: httpx.AsyncClient, tenant: Tenant, batch_id: str) -> dict[str, Any]:
    response = await api.get(f"/v1/batches/{batch_id}", headers=tenant.auth)
    assert response.status_code == 200
    view: dict[str, Any] = response.json()
    return view


async def test_an_idle_batch_is_redriven_once_per_idle_spell(
    api: httpx.AsyncClient, org: Tenant, admin: Database, sweeper: Recovery
) -> None:
    batch_id = await _submit(api, org)
    await _publish_all(admin, batch_id)
    assert UUID(batch_id) not in (await sweeper.sweep(expire=False)).redriven, "not idle yet"

    await _age(admin, batch_id, idle=timedelta(minutes=6), old=timedelta(minutes=50))
    report = await sweeper.sweep(expire=False)
    assert UUID(batch_id) in report.redriven
    rows = await _outbox(admin, batch_id)
    assert [(r.event_type, r.sent_at is None) for r in rows] == [
        (SUBMITTED, True),  # the gateway's own event, back in line
        (BatchRedriveRequested.type_name(), True),  # and the request to every other service
    ]
    assert rows[1].payload["data"] == {"batch_id": batch_id, "reason": "stalled"}

    again = await sweeper.sweep(expire=False)
    assert UUID(batch_id) not in again.redriven, "a re-drive counts as activity"
    await _age(admin, batch_id, idle=timedelta(minutes=6), old=timedelta(minutes=55))
    assert UUID(batch_id) in (await sweeper.sweep(expire=False)).redriven
    async with admin.system() as session:
        redrives = await session.scalar(
            text("SELECT redrives FROM gateway.batches WHERE id = :b"), {"b": batch_id}
        )
    assert redrives == 2
    assert (await _view(api, org, batch_id))["status"] == "queued"


async def test_concurrent_sweepers_redrive_a_batch_once(
    api: httpx.AsyncClient, org: Tenant, admin: Database, gateway: Container
) -> None:
    batch_id = await _submit(api, org)
    await _age(admin, batch_id, idle=timedelta(minutes=6), old=timedelta(minutes=50))
    reports = await asyncio.gather(
        *(recovery(gateway.db, SETTINGS).sweep(expire=False) for _ in range(3))
    )
    assert sum(r.redriven.count(UUID(batch_id)) for r in reports) == 1
    requests = [r for r in await _outbox(admin, batch_id) if r.event_type != SUBMITTED]
    assert len(requests) == 1


async def test_finished_batches_are_not_swept(
    api: httpx.AsyncClient, org: Tenant, admin: Database, sweeper: Recovery
) -> None:
    batch_id = await _submit(api, org)
    async with admin.system() as session:
        await session.execute(
            text("UPDATE gateway.batches SET status = 'completed' WHERE id = :b"), {"b": batch_id}
        )
    await _age(admin, batch_id, idle=timedelta(hours=3), old=timedelta(hours=3))
    report = await sweeper.sweep()
    assert UUID(batch_id) not in report.redriven + report.expired


async def test_an_operator_redrive_names_one_batch_whatever_its_state(
    api: httpx.AsyncClient, org: Tenant, admin: Database, sweeper: Recovery
) -> None:
    batch_id = await _submit(api, org)
    await _publish_all(admin, batch_id)
    assert await sweeper.redrive(UUID(batch_id))
    rows = await _outbox(admin, batch_id)
    assert rows[0].sent_at is None
    assert rows[-1].payload["data"]["reason"] == "operator"
    assert not await sweeper.redrive(uuid4()), "no such batch"


async def test_a_batch_past_its_deadline_fails_with_the_reason(
    api: httpx.AsyncClient, org: Tenant, admin: Database, sweeper: Recovery
) -> None:
    batch_id = await _submit(api, org, DIGITAL_NZ)
    await _age(admin, batch_id, idle=timedelta(minutes=1), old=timedelta(hours=2))
    report = await sweeper.sweep()
    assert UUID(batch_id) in report.expired
    assert UUID(batch_id) not in report.redriven

    view = await _view(api, org, batch_id)
    assert view["status"] == "failed"
    assert view["error"] == "deadline_exceeded"
    assert [(s["status"], s["error"]) for s in view["statements"]] == [
        ("failed", "deadline_exceeded")
    ]
    listed = (await api.get("/v1/batches?limit=100", headers=org.auth)).json()["data"]
    assert next(b for b in listed if b["id"] == batch_id)["status"] == "failed"


async def test_a_statement_still_waiting_for_ocr_at_the_deadline_fails_with_it(
    api: httpx.AsyncClient, org: Tenant, admin: Database, sweeper: Recovery, gateway: Container
) -> None:
    batch_id = await _submit(api, org)
    statement_id = UUID((await _view(api, org, batch_id))["statements"][0]["id"])
    handed_over = StatementQueuedForOcr(
        batch_id=UUID(batch_id),
        statement_id=statement_id,
        filename=DIGITAL,
        pages=1,
        text_layer_pages=(),
        storage_key="k",
        sha256="0" * 64,
        ocr_pages=(1,),
        reason="page 1: it has no text layer",
    )
    envelope = Envelope.wrap(handed_over, org_id=UUID(org.org_id), source=EXTRACTOR.source)
    await Projector(gateway.db, Inbox(inbox)).handle(envelope, handed_over)
    assert (await _view(api, org, batch_id))["statements"][0]["status"] == "queued_for_ocr"

    await _age(admin, batch_id, idle=timedelta(minutes=1), old=timedelta(hours=2))
    assert UUID(batch_id) in (await sweeper.sweep()).expired
    view = await _view(api, org, batch_id)
    assert (view["status"], view["error"]) == ("failed", "deadline_exceeded")
    assert [(s["status"], s["error"]) for s in view["statements"]] == [
        ("failed", "deadline_exceeded")
    ]


async def test_late_events_after_the_deadline_land_facts_but_no_status(
    api: httpx.AsyncClient, org: Tenant, admin: Database, sweeper: Recovery, gateway: Container
) -> None:
    batch_id = await _submit(api, org)
    await _age(admin, batch_id, idle=timedelta(minutes=1), old=timedelta(hours=2))
    assert UUID(batch_id) in (await sweeper.sweep()).expired
    statement_id = UUID((await _view(api, org, batch_id))["statements"][0]["id"])
    projector = Projector(gateway.db, Inbox(inbox))

    async def deliver(event: Event) -> None:
        envelope = Envelope.wrap(event, org_id=UUID(org.org_id), source=REPORTER.source)
        await projector.handle(envelope, event)

    await deliver(
        StatementExtracted(
            batch_id=UUID(batch_id),
            statement_id=statement_id,
            artefact_key="late/extraction.json",
            artefact_sha256="0" * 64,
            transactions=12,
            reconciled=True,
            pages=(),
        )
    )
    await deliver(
        BatchCompleted(
            batch_id=UUID(batch_id),
            status="completed",
            statements=(StatementOutcome(statement_id=statement_id, status="reported"),),
        )
    )
    view = await _view(api, org, batch_id)
    assert (view["status"], view["error"]) == ("failed", "deadline_exceeded")
    statement = view["statements"][0]
    assert (statement["status"], statement["error"]) == ("failed", "deadline_exceeded")
    assert statement["transactions"] == 12, "facts still land"


async def test_the_gateway_relay_process_sweeps_and_publishes_the_redrive(
    api: httpx.AsyncClient,
    admin: Database,
    gateway: Container,
    infra: InfraSettings,
    topics: str,
) -> None:
    """``python -m cypheredge.gateway.relay`` as deployed: its sweeper finds the idle batch
    and its relay publishes both the re-queued event and the request."""
    tenant = await _org(gateway, "Relay Process Org")
    async with parked(admin, tenant.org_id):  # sent as far as it knows, never delivered
        batch_id = await _submit(api, tenant)
        await _publish_all(admin, batch_id)
        await _age(admin, batch_id, idle=timedelta(minutes=6), old=timedelta(minutes=50))
    health = free_port()
    env = dict(
        os.environ,
        DATABASE_URL=infra.database_url,
        KAFKA_BOOTSTRAP_SERVERS=topics,
        SWEEP_INTERVAL_SECONDS="0.2",
        LOG_JSON="false",
        GATEWAY_RELAY_HEALTH_PORT=str(health),
    )
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "cypheredge.gateway.relay", env=env
    )
    try:

        async def redriven_and_sent() -> bool:
            rows = await _outbox(admin, batch_id)
            types = [r.event_type for r in rows]
            return BatchRedriveRequested.type_name() in types and all(r.sent_at for r in rows)

        await _eventually(redriven_and_sent, "the relay process never re-drove the batch", 60)
        assert process.returncode is None, "still running"

        async def backlog_exported() -> bool:
            # Sampled by the relay from the outbox, served on its own /metrics.
            async with httpx.AsyncClient() as client:
                metrics = (await client.get(f"http://127.0.0.1:{health}/metrics")).text
            return 'cypheredge_outbox_backlog{schema="gateway"}' in metrics

        await _eventually(backlog_exported, "the relay serves no outbox backlog", 30)
    finally:
        process.terminate()
        assert await asyncio.wait_for(process.wait(), 20) == 0, "stops cleanly on SIGTERM"


async def _eventually(check: Callable[[], Awaitable[bool]], why: str, within: float) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        if await check():
            return
        if loop.time() > deadline:
            raise AssertionError(why)
        await asyncio.sleep(0.2)
