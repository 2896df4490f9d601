"""An org's own categorisation rule wins over the default taxonomy in its reports only."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from cetest.pipeline import Pipeline
from cetest.polling import wait_for_batch
from cetest.tenants import Tenant
from cypheredge.gateway.service.accounts import create_org
from cypheredge.kit.db import Database
from cypheredge.kit.settings import InfraSettings
from cypheredge.reporter.bootstrap import database as reporter_database
from cypheredge.reporter.domain.categories import Rule
from cypheredge.reporter.service.rules import add_rule, list_rules
from cypheredge.synth import generate

pytestmark = pytest.mark.integration
STATEMENT = generate("uk_ruled", 3)
KEYWORD = "TESCO"
CUSTOM = "team lunches"


@pytest.fixture(scope="module")
async def reporter_db(infra: InfraSettings) -> AsyncIterator[Database]:
    db = reporter_database(infra)
    yield db
    await db.dispose()


async def _categories(client: httpx.AsyncClient, tenant: Tenant) -> dict[str, set[str]]:
    files = [("files", ("statement.pdf", STATEMENT.pdf, "application/pdf"))]
    created = await client.post("/v1/batches", headers=tenant.auth, files=files)
    batch = await wait_for_batch(
        client, tenant, created.json()["id"], lambda b: b["status"] == "completed", within=90
    )
    url = f"/v1/batches/{batch['id']}/transactions?format=json&limit=1000"
    rows: list[dict[str, Any]] = (await client.get(url, headers=tenant.auth)).json()["data"]
    found: dict[str, set[str]] = {}
    for row in rows:
        found.setdefault(row["category"], set()).add(row["description"])
    return found


async def test_org_rule_overrides_the_default_for_that_org_only(
    client: httpx.AsyncClient, pipeline: Pipeline, reporter_db: Database
) -> None:
    assert any(KEYWORD in t["description"] for t in STATEMENT.truth["transactions"])
    owner = await create_org(pipeline.gateway.db, "Rule owner")
    other = await create_org(pipeline.gateway.db, "Rule free")
    await add_rule(reporter_db, owner.org_id, Rule(CUSTOM, (KEYWORD,), direction="debit"))
    assert [r.category for r in await list_rules(reporter_db, other.org_id)] == []

    mine = await _categories(client, Tenant(str(owner.org_id), owner.api_key))
    theirs = await _categories(client, Tenant(str(other.org_id), other.api_key))
    assert mine[CUSTOM]
    assert all(KEYWORD in d for d in mine[CUSTOM])
    assert CUSTOM not in theirs
    assert any(KEYWORD in d for d in theirs["groceries"])
