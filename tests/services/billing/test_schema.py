"""Billing's migrated schema matches its models, with its outbox and its tenant tables under RLS."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from cypheredge.billing.infra.models import SCHEMA, TENANT_TABLES, metadata
from cypheredge.kit.db import Database
from cypheredge.kit.settings import InfraSettings

pytestmark = pytest.mark.integration


async def test_the_migrated_billing_schema_has_the_models_tables_and_an_outbox(
    infra: InfraSettings,
) -> None:
    db = Database(infra.database_url)
    try:
        async with db.system() as session:
            rows = await session.execute(
                text("SELECT tablename, rowsecurity FROM pg_tables WHERE schemaname = :schema"),
                {"schema": SCHEMA},
            )
            tables = {row[0]: row[1] for row in rows}
            columns = await session.execute(
                text(
                    "SELECT table_name, column_name FROM information_schema.columns "
                    "WHERE table_schema = :schema"
                ),
                {"schema": SCHEMA},
            )
            migrated = {(row[0], row[1]) for row in columns}
    finally:
        await db.dispose()
    tables.pop("alembic_version")
    assert set(tables) == {table.name for table in metadata.sorted_tables}
    assert "outbox" in tables
    assert {name for name, secured in tables.items() if secured} == set(TENANT_TABLES)
    modelled = {(t.name, c.name) for t in metadata.sorted_tables for c in t.columns}
    assert {c for c in migrated if c[0] != "alembic_version"} == modelled
