"""What ``cypheredge admin`` runs, on the local platform's database (imported when it runs).

Each job starts the embedded PostgreSQL of the data dir unless DATABASE_URL is set, migrates
every schema to head, and calls one service's use case.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from uuid import UUID

from cypheredge.cli.localdata import database_url
from cypheredge.cli.stack.embedded import EmbeddedPostgres
from cypheredge.cli.stack.provision import migrate_all
from cypheredge.gateway.bootstrap import database
from cypheredge.gateway.recovery_settings import RecoverySettings
from cypheredge.gateway.relay import recovery
from cypheredge.gateway.service.accounts import create_org as create_org_use_case
from cypheredge.kit.settings import InfraSettings
from cypheredge.reporter.bootstrap import database as reporter_database
from cypheredge.reporter.domain.categories import Rule
from cypheredge.reporter.service.rules import add_rule as add_rule_use_case

__all__ = ["Rule", "add_rule", "create_org", "redrive"]


def create_org(data_dir: Path, name: str) -> tuple[str, str]:
    """A new org and its first API key: ``(org_id, api_key)``."""
    with local_platform(data_dir) as infra:
        return asyncio.run(_create(infra, name))


def add_rule(data_dir: Path, org_id: UUID, rule: Rule) -> UUID:
    """The id of ``rule``, added to the org's categorisation rules."""
    with local_platform(data_dir) as infra:
        return asyncio.run(_add_rule(infra, org_id, rule))


def redrive(data_dir: Path, batch_id: UUID | None) -> list[UUID]:
    """The batches whose events were published again (``batch_id`` alone, if given and known)."""
    with local_platform(data_dir) as infra:
        return asyncio.run(_redrive(infra, batch_id))


@contextmanager
def local_platform(data_dir: Path) -> Iterator[InfraSettings]:
    with EmbeddedPostgres(data_dir / "postgres") as embedded:
        infra = InfraSettings(database_url=database_url(data_dir, embedded))
        migrate_all(infra)
        yield infra


async def _create(infra: InfraSettings, name: str) -> tuple[str, str]:
    db = database(infra)
    try:
        created = await create_org_use_case(db, name)
    finally:
        await db.dispose()
    return str(created.org_id), created.api_key


async def _add_rule(infra: InfraSettings, org_id: UUID, rule: Rule) -> UUID:
    db = reporter_database(infra)
    try:
        return await add_rule_use_case(db, org_id, rule)
    finally:
        await db.dispose()


async def _redrive(infra: InfraSettings, batch_id: UUID | None) -> list[UUID]:
    db = database(infra)
    try:
        recover = recovery(db, RecoverySettings())
        if batch_id is not None:
            return [batch_id] if await recover.redrive(batch_id) else []
        return (await recover.sweep(expire=False)).redriven
    finally:
        await db.dispose()
