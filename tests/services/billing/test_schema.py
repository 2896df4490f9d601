"""Billing publishes nothing, so its schema has no outbox: migrated tables match the models."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from cypheredge.billing.infra.models import SCHEMA, metadata
from cypheredge.kit.db import Database
from cypheredge.kit.settings import InfraSettings

pytestmark = pytest.mark.integration


async def test_the_migrated_billing_schema_has_the_models_tables_and_no_outbox(
    infra: InfraSettings,
) -> None:
    db = Database(infra.database_url)
    try:
        async with db.system() as session:
            rows = await session.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = :schema"),
                {"schema": SCHEMA},
            )
            tables = {row[0] for row in rows} - {"alembic_version"}
    finally:
        await db.dispose()
    assert tables == {table.name for table in metadata.sorted_tables}
    assert "outbox" not in tables
