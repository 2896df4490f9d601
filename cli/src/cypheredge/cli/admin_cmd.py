"""``cypheredge admin``: organisation and key management."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Annotated
from uuid import UUID

import typer

from cypheredge.cli.exits import usage
from cypheredge.cli.localdata import DEFAULT_DATA_DIR, database_url
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

admin = typer.Typer(
    help="Manage organisations, API keys and stalled batches.", no_args_is_help=True
)


@admin.command("create-org")
def create_org(
    name: Annotated[str, typer.Argument(help="Display name of the organisation")],
    data_dir: Annotated[
        Path, typer.Option(help="Data dir of the local platform")
    ] = DEFAULT_DATA_DIR,
) -> None:
    """Create an org and its first API key; prints {"org_id", "api_key"} as JSON."""
    with EmbeddedPostgres(data_dir / "postgres") as embedded:
        infra = InfraSettings(database_url=database_url(data_dir, embedded))
        migrate_all(infra)
        created = asyncio.run(_create(infra, name))
    typer.echo(json.dumps({"org_id": str(created[0]), "api_key": created[1]}))


async def _create(infra: InfraSettings, name: str) -> tuple[str, str]:
    db = database(infra)
    try:
        created = await create_org_use_case(db, name)
    finally:
        await db.dispose()
    return str(created.org_id), created.api_key


@admin.command("add-rule")
def add_rule(
    org_id: Annotated[str, typer.Argument(help="The org the rule belongs to")],
    category: Annotated[str, typer.Argument(help="Category to assign, e.g. 'rent'")],
    keyword: Annotated[
        list[str] | None, typer.Option(help="Whole word or phrase to match (repeatable)")
    ] = None,
    pattern: Annotated[str | None, typer.Option(help="Regular expression to match")] = None,
    direction: Annotated[str, typer.Option(help="credit, debit or any")] = "any",
    priority: Annotated[int, typer.Option(help="Higher wins among the org's rules")] = 100,
    data_dir: Annotated[
        Path, typer.Option(help="Data dir of the local platform")
    ] = DEFAULT_DATA_DIR,
) -> None:
    """Add a categorisation rule for an org; it takes precedence over the defaults."""
    try:
        rule = Rule(category, tuple(keyword or ()), pattern, direction, priority)
        org = UUID(org_id)
    except ValueError as exc:
        raise usage(str(exc)) from None
    with EmbeddedPostgres(data_dir / "postgres") as embedded:
        infra = InfraSettings(database_url=database_url(data_dir, embedded))
        migrate_all(infra)
        rule_id = asyncio.run(_add_rule(infra, org, rule))
    typer.echo(json.dumps({"rule_id": str(rule_id)}))


async def _add_rule(infra: InfraSettings, org_id: UUID, rule: Rule) -> UUID:
    db = reporter_database(infra)
    try:
        return await add_rule_use_case(db, org_id, rule)
    finally:
        await db.dispose()


@admin.command("redrive")
def redrive(
    batch: Annotated[
        str | None, typer.Option(help="Re-drive this batch, whatever its state or age")
    ] = None,
    data_dir: Annotated[
        Path, typer.Option(help="Data dir of the local platform")
    ] = DEFAULT_DATA_DIR,
) -> None:
    """Re-publish the events of stalled batches (or of --batch); prints {"redriven": [ids]}.

    Without --batch: every open batch idle for REDRIVE_AFTER_SECONDS, as the sweeper would
    (deadlines are left to the sweeper). Consumers are idempotent: a re-drive of a batch that
    was not stuck changes nothing. The gateway relay publishes the request.
    """
    try:
        batch_id = UUID(batch) if batch is not None else None
    except ValueError as exc:
        raise usage(f"--batch: {exc}") from None
    with EmbeddedPostgres(data_dir / "postgres") as embedded:
        infra = InfraSettings(database_url=database_url(data_dir, embedded))
        migrate_all(infra)
        redriven = asyncio.run(_redrive(infra, batch_id))
    if batch_id is not None and not redriven:
        raise usage(f"no batch {batch_id}")
    typer.echo(json.dumps({"redriven": [str(b) for b in redriven]}))


async def _redrive(infra: InfraSettings, batch_id: UUID | None) -> list[UUID]:
    db = database(infra)
    try:
        recover = recovery(db, RecoverySettings())
        if batch_id is not None:
            return [batch_id] if await recover.redrive(batch_id) else []
        return (await recover.sweep(expire=False)).redriven
    finally:
        await db.dispose()
