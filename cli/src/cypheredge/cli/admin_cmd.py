"""``cypheredge admin``: organisation and key management.

The jobs (``admin_jobs.py``: the services' use cases, the database and its drivers) are
imported when a command runs, not with this module: ``cypheredge --help`` must not pay for them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated
from uuid import UUID

import typer

from cypheredge.cli import billing_cmd
from cypheredge.cli.exits import usage
from cypheredge.cli.localdata import DEFAULT_DATA_DIR

admin = typer.Typer(
    help="Manage organisations, API keys, plans, Stripe and stalled batches.",
    no_args_is_help=True,
)


@admin.command("create-org")
def create_org(
    name: Annotated[str, typer.Argument(help="Display name of the organisation")],
    data_dir: Annotated[
        Path, typer.Option(help="Data dir of the local platform")
    ] = DEFAULT_DATA_DIR,
) -> None:
    """Create an org and its first API key; prints {"org_id", "api_key"} as JSON."""
    from cypheredge.cli import admin_jobs

    created = admin_jobs.create_org(data_dir, name)
    typer.echo(json.dumps({"org_id": str(created[0]), "api_key": created[1]}))


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
    from cypheredge.cli import admin_jobs

    try:
        rule = admin_jobs.Rule(category, tuple(keyword or ()), pattern, direction, priority)
        org = UUID(org_id)
    except ValueError as exc:
        raise usage(str(exc)) from None
    rule_id = admin_jobs.add_rule(data_dir, org, rule)
    typer.echo(json.dumps({"rule_id": str(rule_id)}))


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
    from cypheredge.cli import admin_jobs

    try:
        batch_id = UUID(batch) if batch is not None else None
    except ValueError as exc:
        raise usage(f"--batch: {exc}") from None
    redriven = admin_jobs.redrive(data_dir, batch_id)
    if batch_id is not None and not redriven:
        raise usage(f"no batch {batch_id}")
    typer.echo(json.dumps({"redriven": [str(b) for b in redriven]}))


billing_cmd.register(admin)
