"""The outbox is the source of truth: events the broker acknowledged and then lost are
re-published by a re-drive, and a re-drive of a finished batch changes nothing.

Loss is made real: a trigger marks the ingest service's outbox rows of one org as sent the
moment they are written, exactly what a relay does after the broker acknowledged them, and the
broker never has them. Idleness is made by back-dating the batch, never by waiting.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import sys
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx
import pytest
from sqlalchemy import text

from cetest.lag import wait_caught_up
from cetest.pdfs import DIGITAL, sample
from cetest.pipeline import Pipeline, free_port
from cetest.polling import wait_for_batch
from cetest.tenants import Tenant
from cypheredge.billing.bootstrap import BillingSettings
from cypheredge.billing.bootstrap import build as build_billing
from cypheredge.contracts.catalogue import BILLING, EXTRACTOR, GATEWAY, INGEST, REPORTER
from cypheredge.contracts.events.batch import BatchRedriveRequested
from cypheredge.gateway.recovery_settings import RecoverySettings
from cypheredge.gateway.relay import recovery
from cypheredge.gateway.service.accounts import create_org
from cypheredge.kit.db import Database
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.stream import Worker

pytestmark = pytest.mark.integration
CLI = str(Path(sys.executable).with_name("cypheredge"))
REDRIVE = BatchRedriveRequested.type_name()
# The services with an outbox (billing publishes nothing, so it has none).
SCHEMAS = ("gateway", "ingest", "extractor", "reporter")
CONSUMERS = [GATEWAY, INGEST, EXTRACTOR, REPORTER, BILLING]


@pytest.fixture(scope="module")
async def admin(infra: InfraSettings) -> AsyncIterator[Database]:
    db = Database(infra.database_url)
    yield db
    await db.dispose()


@pytest.fixture(scope="module")
async def billing(pipeline: Pipeline, infra: InfraSettings) -> AsyncIterator[Worker]:
    """Billing too, so that a duplicated usage event would show as a second usage row."""
    host = build_billing(infra, BillingSettings(health_port=free_port()))
    task = asyncio.create_task(host.run())
    try:
        await _eventually(lambda: _ready(host, task), "billing never joined its group", 60)
        yield host
    finally:
        host.stop.set()
        await asyncio.gather(task, return_exceptions=True)


async def _ready(host: Worker, task: asyncio.Task[None]) -> bool:
    if task.done():
        task.result()
    return host.ready()


async def _eventually(check: Callable[[], Awaitable[bool]], why: str, within: float) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        if await check():
            return
        if loop.time() > deadline:
            raise AssertionError(why)
        await asyncio.sleep(0.2)


@asynccontextmanager
async def broker_loses(admin: Database, schema: str, org_id: str) -> AsyncIterator[None]:
    """While open, every event ``schema`` writes for the org is "sent" and never published."""
    name = f"{schema}.lose_{secrets.token_hex(4)}"
    async with admin.system() as session:
        await session.execute(
            text(
                f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN NEW.sent_at := now(); RETURN NEW; END $$"
            )
        )
        await session.execute(
            text(
                f"CREATE TRIGGER lose BEFORE INSERT ON {schema}.outbox FOR EACH ROW "
                f"WHEN (NEW.org_id = '{UUID(org_id)}'::uuid) EXECUTE FUNCTION {name}()"
            )
        )
    try:
        yield
    finally:
        async with admin.system() as session:
            await session.execute(text(f"DROP TRIGGER lose ON {schema}.outbox"))
            await session.execute(text(f"DROP FUNCTION {name}()"))


async def _rows(admin: Database, sql: str, batch_id: str) -> list[tuple[Any, ...]]:
    async with admin.system() as session:
        return [tuple(r) for r in await session.execute(text(sql), {"b": batch_id})]


async def _outbox_types(admin: Database, schema: str, batch_id: str) -> Counter[str]:
    rows = await _rows(
        admin, f"SELECT event_type FROM {schema}.outbox WHERE batch_id = :b", batch_id
    )
    return Counter(r[0] for r in rows if r[0] != REDRIVE)


async def _effects(admin: Database, batch_id: str) -> dict[str, Any]:
    """Everything a second application of an event could change, per service."""
    queries = {
        "batch": "SELECT status, error, summary, updated_at FROM gateway.batches WHERE id = :b",
        "statements": "SELECT id, status, transactions, updated_at FROM gateway.statements "
        "WHERE batch_id = :b ORDER BY id",
        "ingested": "SELECT statement_id, status, created_at FROM ingest.ingested_files "
        "WHERE batch_id = :b ORDER BY statement_id",
        "extracted": "SELECT statement_id, status, transactions, created_at "
        "FROM extractor.extractions WHERE batch_id = :b ORDER BY statement_id",
        "report": "SELECT status, report_id, finished_at FROM reporter.report_batches "
        "WHERE batch_id = :b",
        "outcomes": "SELECT statement_id, status, updated_at FROM reporter.statement_outcomes "
        "WHERE batch_id = :b ORDER BY statement_id",
        "usage": "SELECT id, metric, quantity FROM billing.usage_events WHERE batch_id = :b "
        "ORDER BY id",
    }
    found: dict[str, Any] = {k: await _rows(admin, q, batch_id) for k, q in queries.items()}
    for schema in SCHEMAS:
        found[f"{schema}.outbox"] = await _outbox_types(admin, schema, batch_id)
    return found


async def _age(admin: Database, batch_id: str) -> None:
    """Idle for longer than REDRIVE_AFTER_SECONDS (its default), inside the deadline, and
    old enough to be among the first the sweeper looks at (oldest first, a page at a time)."""
    async with admin.system() as session:
        await session.execute(
            text(
                "UPDATE gateway.batches SET updated_at = updated_at - interval '10 minutes', "
                "created_at = created_at - interval '50 minutes' WHERE id = :b"
            ),
            {"b": batch_id},
        )
        await session.execute(
            text(
                "UPDATE gateway.statements SET updated_at = updated_at - interval '10 minutes' "
                "WHERE batch_id = :b"
            ),
            {"b": batch_id},
        )


async def _submit(client: httpx.AsyncClient, tenant: Tenant) -> str:
    files = [("files", (DIGITAL, sample(DIGITAL), "application/pdf"))]
    response = await client.post("/v1/batches", headers=tenant.auth, files=files)
    assert response.status_code == 202, response.text
    batch_id: str = response.json()["id"]
    return batch_id


async def _redriven_everywhere(admin: Database, batch_id: str, bootstrap: str) -> None:
    """The latest request was applied by every service and every requeued row went out;
    then every consumer has read everything (so any duplicate has been delivered)."""
    request = (
        await _rows(
            admin,
            "SELECT id FROM gateway.outbox WHERE batch_id = :b AND event_type = "
            f"'{REDRIVE}' ORDER BY seq DESC LIMIT 1",
            batch_id,
        )
    )[0][0]

    async def applied() -> bool:
        for schema in ("ingest", "extractor", "reporter"):
            seen = await _rows(
                admin, f"SELECT 1 FROM {schema}.inbox WHERE event_id = '{request}'", batch_id
            )
            if not seen:
                return False
        for schema in SCHEMAS:
            unsent = await _rows(
                admin,
                f"SELECT 1 FROM {schema}.outbox WHERE batch_id = :b AND sent_at IS NULL",
                batch_id,
            )
            if unsent:
                return False
        return True

    await _eventually(applied, "the re-drive did not reach every service", 60)
    await wait_caught_up(bootstrap, CONSUMERS)


@pytest.fixture(scope="module")
async def redrive_org(pipeline: Pipeline) -> Tenant:
    created = await create_org(pipeline.gateway.db, "Re-drive Org")
    return Tenant(str(created.org_id), created.api_key)


async def test_a_batch_whose_events_the_broker_lost_is_redriven_and_completes(
    pipeline: Pipeline,
    client: httpx.AsyncClient,
    redrive_org: Tenant,
    admin: Database,
    billing: Worker,
    infra: InfraSettings,
) -> None:
    async with broker_loses(admin, "ingest", redrive_org.org_id):
        batch_id = await _submit(client, redrive_org)

        async def ingested() -> bool:
            return bool(await _outbox_types(admin, "ingest", batch_id))

        await _eventually(ingested, "ingest never processed the batch", 60)
    lost = await _rows(admin, "SELECT sent_at FROM ingest.outbox WHERE batch_id = :b", batch_id)
    assert lost
    assert all(sent_at is not None for (sent_at,) in lost), "sent, as far as it knows"
    view = (await client.get(f"/v1/batches/{batch_id}", headers=redrive_org.auth)).json()
    assert [s["status"] for s in view["statements"]] == ["uploaded"], "and nothing arrived"

    await _age(admin, batch_id)
    report = await recovery(pipeline.gateway.db, RecoverySettings()).sweep(expire=False)
    assert UUID(batch_id) in report.redriven

    done = await wait_for_batch(
        client, redrive_org, batch_id, lambda b: b["status"] == "completed", within=180
    )
    assert [s["status"] for s in done["statements"]] == ["reported"]
    assert done["statements"][0]["transactions"] > 0
    await _redriven_everywhere(admin, batch_id, infra.kafka_bootstrap_servers)
    effects = await _effects(admin, batch_id)
    assert effects["ingest.outbox"]["com.cypheredge.statement.ingested.v1"] == 1
    metered = sum(effects[f"{s}.outbox"]["com.cypheredge.usage.recorded.v1"] for s in SCHEMAS)
    assert metered > 0
    assert len(effects["usage"]) == metered, "one usage row per usage event, none twice"


async def test_a_redrive_of_a_completed_batch_by_the_cli_has_no_second_effect(
    pipeline: Pipeline,
    client: httpx.AsyncClient,
    redrive_org: Tenant,
    admin: Database,
    billing: Worker,
    infra: InfraSettings,
) -> None:
    batch_id = await _submit(client, redrive_org)
    await wait_for_batch(
        client, redrive_org, batch_id, lambda b: b["status"] == "completed", within=180
    )
    await wait_caught_up(infra.kafka_bootstrap_servers, CONSUMERS)
    before = await _effects(admin, batch_id)
    sends = await _rows(
        admin, "SELECT sum(attempts) FROM ingest.outbox WHERE batch_id = :b", batch_id
    )

    process = await asyncio.create_subprocess_exec(
        CLI,
        "admin",
        "redrive",
        "--batch",
        batch_id,
        env=dict(os.environ, DATABASE_URL=infra.database_url),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), 120)
    assert process.returncode == 0, stderr.decode()
    assert stdout.decode().strip() == f'{{"redriven": ["{batch_id}"]}}'

    await _redriven_everywhere(admin, batch_id, infra.kafka_bootstrap_servers)
    resent = await _rows(
        admin, "SELECT sum(attempts) FROM ingest.outbox WHERE batch_id = :b", batch_id
    )
    assert resent[0][0] > sends[0][0], "ingest's events really went out again"
    assert await _effects(admin, batch_id) == before


async def test_the_cli_says_when_there_is_no_such_batch(infra: InfraSettings) -> None:
    process = await asyncio.create_subprocess_exec(
        CLI,
        "admin",
        "redrive",
        "--batch",
        "00000000-0000-4000-8000-000000000000",
        env=dict(os.environ, DATABASE_URL=infra.database_url),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await asyncio.wait_for(process.communicate(), 120)
    assert process.returncode == 2  # a batch that does not exist is bad input
    assert "no batch" in stderr.decode()


async def test_the_cli_without_a_batch_redrives_every_idle_one(
    client: httpx.AsyncClient, redrive_org: Tenant, admin: Database, infra: InfraSettings
) -> None:
    async with broker_loses(admin, "gateway", redrive_org.org_id):
        batch_id = await _submit(client, redrive_org)  # batch.submitted "sent", never delivered
    await _age(admin, batch_id)
    process = await asyncio.create_subprocess_exec(
        CLI,
        "admin",
        "redrive",
        env=dict(os.environ, DATABASE_URL=infra.database_url),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), 120)
    assert process.returncode == 0, stderr.decode()
    assert batch_id in json.loads(stdout)["redriven"]
    await wait_for_batch(
        client, redrive_org, batch_id, lambda b: b["status"] == "completed", within=180
    )
