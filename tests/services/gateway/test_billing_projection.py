"""The projector keeps each org's plan (newest revision wins) and its usage (each record once),
and learns which org a Stripe customer is."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from sqlalchemy import func, select

from cetest.billing import new_org, pages, project, redeliver, set_plan, subscription, use
from cypheredge.contracts.catalogue import EXTRACTOR
from cypheredge.gateway.infra.models import org_plans, stripe_customers, usage_records
from cypheredge.gateway.service.container import Container

pytestmark = pytest.mark.integration


async def _plan_row(gateway: Container, org_id: str) -> tuple[str, str, int, str]:
    async with gateway.db.tenant(UUID(org_id)) as session:
        row = (await session.execute(select(org_plans))).one()
    return row.plan, row.status, row.revision, row.external_customer_id


async def test_a_newer_revision_replaces_the_plan_and_an_older_one_changes_nothing(
    gateway: Container,
) -> None:
    org = await new_org(gateway)
    since = datetime(2026, 11, 3, tzinfo=UTC)
    await set_plan(gateway, org, subscription("starter", revision=2, customer="cus_a", since=since))
    assert await _plan_row(gateway, org.org_id) == ("starter", "active", 2, "cus_a")

    # Late or redelivered: an older revision, and the same revision again.
    await set_plan(gateway, org, subscription("pro", "canceled", revision=1))
    await set_plan(gateway, org, subscription("pro", "canceled", revision=2))
    assert await _plan_row(gateway, org.org_id) == ("starter", "active", 2, "cus_a")

    await set_plan(gateway, org, subscription("pro", "past_due", revision=5, customer="cus_a"))
    assert await _plan_row(gateway, org.org_id) == ("pro", "past_due", 5, "cus_a")
    # A change that names no plan keeps the one recorded.
    await set_plan(gateway, org, subscription(None, "active", revision=6, customer="cus_a"))
    assert await _plan_row(gateway, org.org_id) == ("pro", "active", 6, "cus_a")


async def test_the_customer_of_the_newest_revision_maps_to_the_org(gateway: Container) -> None:
    org = await new_org(gateway)
    await set_plan(gateway, org, subscription("starter", revision=1, customer="cus_proj_1"))
    await set_plan(gateway, org, subscription("starter", revision=1, customer="cus_stale"))
    async with gateway.db.system() as session:
        rows = (await session.execute(select(stripe_customers))).all()
    mapped = {row.customer_id: row.org_id for row in rows}
    assert mapped["cus_proj_1"] == UUID(org.org_id)
    assert "cus_stale" not in mapped  # from a revision that was not applied


async def test_each_usage_record_counts_once(gateway: Container) -> None:
    org = await new_org(gateway)
    first = pages(7, 2)
    envelope = await project(gateway, org, first, EXTRACTOR.source)
    await redeliver(gateway, envelope, first)  # same envelope: the inbox drops it
    # The same usage id in a new envelope (a re-driven extractor event): the row drops it.
    await project(gateway, org, first, EXTRACTOR.source)
    await use(gateway, org, pages(3, at=datetime.now(UTC) - timedelta(days=40)))
    async with gateway.db.tenant(UUID(org.org_id)) as session:
        count, total = (
            await session.execute(
                select(func.count(), func.sum(usage_records.c.quantity)).select_from(usage_records)
            )
        ).one()
        row = (
            await session.execute(
                select(usage_records).where(usage_records.c.usage_id == first.usage_id)
            )
        ).one()
    assert (count, total) == (2, 10)
    assert (row.org_id, row.batch_id, row.statement_id) == (
        UUID(org.org_id),
        first.batch_id,
        first.statement_id,
    )
    assert (row.metric, row.quantity, row.ocr_pages) == ("pages_processed", 7, 2)
