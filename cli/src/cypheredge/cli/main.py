"""The ``cypheredge`` command: one entry point for operators and clients.

Each sub-command lives in its own module; this file only mounts them. The root command is a
:class:`~cypheredge.cli.exits.CliApp`, so every command follows one exit-code convention
(``exits.py``): data goes to stdout, progress and errors to stderr.

Startup stays short (``cypheredge --help`` in well under a second): a command module declares
its options with nothing heavier than typer at module level and imports the services, drivers
and clients it uses when it runs. ``tests/cli/test_startup.py`` holds that line.
"""

from __future__ import annotations

from typing import Annotated

import typer

from cypheredge.cli.admin_cmd import admin
from cypheredge.cli.exits import CliApp
from cypheredge.cli.extract_cmd import extract
from cypheredge.cli.ops_cmd import db, kafka
from cypheredge.cli.report_cmd import report
from cypheredge.cli.status_cmd import status
from cypheredge.cli.submit_cmd import submit
from cypheredge.cli.up_cmd import up

DISTRIBUTION = "cypheredge-cli"

app = CliApp(
    name="cypheredge",
    help=(
        "CypherEdge: bank-statement extraction platform. Exit codes: 0 done, 1 the job failed "
        "(a batch failed, a statement was rejected), 2 bad usage or input, 3 a service, the "
        "database or the broker cannot be reached or did not finish in time, 70 internal "
        "error, 130 interrupted."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.command("up")(up)
app.command("extract")(extract)
app.command("submit")(submit)
app.command("status")(status)
app.command("report")(report)
app.add_typer(admin, name="admin")
app.add_typer(db, name="db")
app.add_typer(kafka, name="kafka")


def _show_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"cypheredge {version(DISTRIBUTION)}")
        raise typer.Exit()


@app.callback()
def _root(
    _version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_show_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """CypherEdge command line."""
