"""``cypheredge admin``: organisation and key management."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Annotated

import typer

from cypheredge.cli.localdata import DEFAULT_DATA_DIR, database_url
from cypheredge.cli.stack.embedded import EmbeddedPostgres
from cypheredge.cli.stack.provision import migrate_all
from cypheredge.gateway.bootstrap import database
from cypheredge.gateway.service.accounts import create_org as create_org_use_case
from cypheredge.kit.settings import InfraSettings

admin = typer.Typer(help="Manage organisations and API keys.", no_args_is_help=True)


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
