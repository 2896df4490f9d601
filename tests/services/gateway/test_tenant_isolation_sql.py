"""Row-level security as the gateway's own database role: isolation holds below the API."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID, uuid4

import pytest
from sqlalchemy import delete, insert, select, text
from sqlalchemy.exc import DBAPIError

from cetest.tenants import Tenant
from cypheredge.gateway.infra.models import (
    TENANT_TABLES,
    batches,
    org_plans,
    orgs,
    usage_records,
    webhook_deliveries,
    webhook_endpoints,
)
from cypheredge.gateway.service.container import Container
from cypheredge.kit.db import set_org

pytestmark = pytest.mark.integration


async def test_service_role_is_neither_owner_nor_superuser(gateway: Container) -> None:
    async with gateway.db.system() as session:
        row = (
            await session.execute(
                text(
                    "SELECT current_user AS me, r.rolsuper, r.rolbypassrls, t.tableowner "
                    "FROM pg_roles r, pg_tables t WHERE r.rolname = current_user "
                    "AND t.schemaname = 'gateway' AND t.tablename = 'batches'"
                )
            )
        ).one()
    assert row.me == "cypheredge_gateway"
    assert not row.rolsuper
    assert not row.rolbypassrls
    assert row.tableowner != row.me


async def test_each_org_sees_only_its_own_rows(
    gateway: Container, org_a: Tenant, org_b: Tenant
) -> None:
    batch_id = uuid4()
    async with gateway.db.tenant(uuid_of(org_a)) as session:
        await session.execute(
            insert(batches).values(id=batch_id, org_id=uuid_of(org_a), status="queued", params={})
        )
    async with gateway.db.tenant(uuid_of(org_b)) as session:
        assert (
            await session.execute(select(batches).where(batches.c.id == batch_id))
        ).first() is None
        names = (await session.execute(select(orgs.c.name))).scalars().all()
        assert names == ["Org B"]
    async with gateway.db.tenant(uuid_of(org_a)) as session:
        assert (await session.execute(select(batches).where(batches.c.id == batch_id))).first()


async def test_missing_org_fails_closed(gateway: Container, org_a: Tenant) -> None:
    async with gateway.db.system() as session:
        assert (await session.execute(select(batches))).first() is None
        assert (await session.execute(select(orgs))).first() is None
    with pytest.raises(DBAPIError, match="row-level security"):
        async with gateway.db.system() as session:
            await session.execute(
                insert(batches).values(id=uuid4(), org_id=uuid_of(org_a), status="q", params={})
            )


async def test_writing_a_row_for_another_org_is_refused(
    gateway: Container, org_a: Tenant, org_b: Tenant
) -> None:
    with pytest.raises(DBAPIError, match="row-level security"):
        async with gateway.db.tenant(uuid_of(org_b)) as session:
            await session.execute(
                insert(batches).values(id=uuid4(), org_id=uuid_of(org_a), status="q", params={})
            )


async def test_org_setting_does_not_leak_to_the_next_transaction(
    gateway: Container, org_a: Tenant
) -> None:
    async with gateway.db.system() as session:
        await set_org(session, uuid_of(org_a))
        assert (await session.execute(select(orgs))).first() is not None
    # Same pool, new transaction: the transaction-local setting is gone.
    for _ in range(3):
        async with gateway.db.system() as session:
            assert (await session.execute(select(orgs))).first() is None


async def test_every_tenant_table_is_under_forced_rls(gateway: Container) -> None:
    async with gateway.db.system() as session:
        rows = (
            await session.execute(
                text(
                    "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c "
                    "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'gateway' "
                    "AND c.relkind = 'r'"
                )
            )
        ).all()
    forced = {r.relname for r in rows if r.relrowsecurity and r.relforcerowsecurity}
    assert set(TENANT_TABLES) <= forced
    assert {"org_plans", "usage_records", "webhook_endpoints", "webhook_deliveries"} <= forced


async def test_plans_and_usage_of_one_org_are_invisible_and_unwritable_to_another(
    gateway: Container, org_a: Tenant, org_b: Tenant
) -> None:
    usage_id = uuid4()
    async with gateway.db.tenant(uuid_of(org_a)) as session:
        await session.execute(
            insert(usage_records).values(
                usage_id=usage_id,
                org_id=uuid_of(org_a),
                batch_id=uuid4(),
                metric="pages_processed",
                quantity=1,
                occurred_at=datetime.now(UTC),
            )
        )
        await session.execute(
            insert(org_plans).values(org_id=uuid_of(org_a), plan="pro", status="active", revision=1)
        )
    async with gateway.db.tenant(uuid_of(org_b)) as session:
        # Org B may have rows of its own (other tests): none of org A's show.
        a = uuid_of(org_a)
        assert (
            await session.execute(select(usage_records).where(usage_records.c.org_id == a))
        ).first() is None
        assert (
            await session.execute(select(org_plans).where(org_plans.c.org_id == a))
        ).first() is None
    for table, values in (
        (org_plans, {"org_id": uuid_of(org_a), "plan": "pro", "status": "x", "revision": 9}),
        (
            usage_records,
            {
                "usage_id": uuid4(),
                "org_id": uuid_of(org_a),
                "batch_id": uuid4(),
                "metric": "m",
                "quantity": 1,
                "occurred_at": datetime.now(UTC),
            },
        ),
    ):
        with pytest.raises(DBAPIError, match="row-level security"):
            async with gateway.db.tenant(uuid_of(org_b)) as session:
                await session.execute(insert(table).values(**values))
    async with gateway.db.tenant(uuid_of(org_a)) as session:
        await session.execute(org_plans.delete())  # org A's uploads stay on the default plan
        await session.execute(usage_records.delete().where(usage_records.c.usage_id == usage_id))


def uuid_of(tenant: Tenant) -> UUID:
    return UUID(tenant.org_id)


async def test_webhook_endpoints_and_deliveries_of_one_org_are_invisible_to_another(
    gateway: Container, org_a: Tenant, org_b: Tenant
) -> None:
    endpoint_id, delivery_id = uuid4(), uuid4()
    a = uuid_of(org_a)
    endpoint = {
        "id": endpoint_id,
        "org_id": a,
        "url": "https://example.com/hook",
        "event_types": ["batch.completed"],
        "secret_sealed": "sealed",
    }
    delivery = {
        "id": delivery_id,
        "org_id": a,
        "endpoint_id": endpoint_id,
        "event_type": "batch.completed",
        "payload": {},
    }
    async with gateway.db.tenant(a) as session:
        await session.execute(insert(webhook_endpoints).values(**endpoint))
        await session.execute(insert(webhook_deliveries).values(**delivery))
    async with gateway.db.tenant(uuid_of(org_b)) as session:
        for table in (webhook_endpoints, webhook_deliveries):
            assert (await session.execute(select(table).where(table.c.org_id == a))).first() is None
    for table, values in ((webhook_endpoints, endpoint), (webhook_deliveries, delivery)):
        with pytest.raises(DBAPIError, match="row-level security"):
            async with gateway.db.tenant(uuid_of(org_b)) as session:
                await session.execute(insert(table).values({**values, "id": uuid4()}))
    # The sender's definer function hands out ids only, and each is then read in its org.
    async with gateway.db.system() as session:
        due = (
            await session.execute(
                text("SELECT * FROM gateway.webhook_deliveries_due(now(), 1000, 10)")
            )
        ).all()
    assert (delivery_id, a, endpoint_id) in [tuple(row) for row in due]
    assert {"id", "org_id", "endpoint_id"} == set(due[0]._fields)
    async with gateway.db.tenant(a) as session:
        await session.execute(
            delete(webhook_endpoints).where(webhook_endpoints.c.id == endpoint_id)
        )
