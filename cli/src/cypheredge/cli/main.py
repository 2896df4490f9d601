"""The ``cypheredge`` command: one entry point for operators and clients.

Each sub-command lives in its own module; this file only mounts them.
"""

from __future__ import annotations

import typer

from cypheredge.cli.admin_cmd import admin
from cypheredge.cli.extract_cmd import extract
from cypheredge.cli.ops_cmd import db, kafka
from cypheredge.cli.report_cmd import report
from cypheredge.cli.submit_cmd import submit
from cypheredge.cli.up_cmd import up

app = typer.Typer(
    name="cypheredge",
    help="CypherEdge: bank-statement extraction platform.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.command("up")(up)
app.command("extract")(extract)
app.command("submit")(submit)
app.command("report")(report)
app.add_typer(admin, name="admin")
app.add_typer(db, name="db")
app.add_typer(kafka, name="kafka")


@app.callback()
def _root() -> None:
    """CypherEdge command line."""
