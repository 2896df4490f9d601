"""``cypheredge db`` and ``cypheredge kafka``: the deployment jobs (migrations, topics).

Progress goes to stderr. A database or broker that cannot be reached ends the job with exit
code 3 (``exits.py``), so a deployment can tell "retry later" from a broken job. The
provisioning code and its drivers are imported when a job runs (``main.py``).
"""

from __future__ import annotations

import json
from typing import Annotated

import typer

db = typer.Typer(help="Database jobs.", no_args_is_help=True)
kafka = typer.Typer(help="Kafka jobs.", no_args_is_help=True)


@db.command("migrate")
def migrate() -> None:
    """Upgrade every service's schema to head and grant each service its role (idempotent)."""
    from cypheredge.cli.stack.provision import migrate_all
    from cypheredge.kit.settings import InfraSettings

    migrate_all(InfraSettings(), progress=lambda step: typer.echo(step, err=True))
    typer.echo("migrations: done", err=True)


@kafka.command("provision")
def provision_topics(
    as_json: Annotated[
        bool, typer.Option("--json", help='Print {"created": [topics]} on stdout')
    ] = False,
) -> None:
    """Create every topic and dead-letter topic with its partition count (idempotent)."""
    from cypheredge.cli.stack.provision import provision
    from cypheredge.kit.settings import InfraSettings

    infra = InfraSettings()
    created = provision(infra.kafka_bootstrap_servers, infra.kafka_security)
    typer.echo(f"topics created: {len(created)}", err=True)
    if as_json:
        typer.echo(json.dumps({"created": created}))
