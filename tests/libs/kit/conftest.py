"""A throwaway ``kittest`` schema with the kit's outbox and inbox tables, and fresh topics."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from cetest.kittables import metadata
from cypheredge.kit.db import Database
from cypheredge.kit.kafka import provision_topics
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.tables import notify_trigger_statements


@pytest.fixture(scope="session")
async def kit_db(infra: InfraSettings) -> AsyncIterator[Database]:
    engine = create_async_engine(infra.database_url)
    async with engine.begin() as conn:
        await conn.execute(text("CREATE SCHEMA IF NOT EXISTS kittest"))
        await conn.run_sync(metadata.create_all)
        for statement in notify_trigger_statements("kittest"):
            await conn.execute(text(statement))
    await engine.dispose()
    db = Database(infra.database_url)
    yield db
    await db.dispose()


@pytest.fixture
async def fresh_topic(topics: str) -> str:
    """A new topic (3 partitions) and its DLQ for one test."""
    name = f"kittest.{secrets.token_hex(4)}"
    await provision_topics(topics, {name: 3, name + ".dlq": 3})
    return name


@pytest.fixture
async def clean_outbox(kit_db: Database) -> None:
    async with kit_db.system() as session:
        await session.execute(text("DELETE FROM kittest.outbox"))
