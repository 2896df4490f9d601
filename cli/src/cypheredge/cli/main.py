"""The ``cypheredge`` command: one entry point for operators and clients.

Each sub-command lives in its own module; this file only mounts them.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="cypheredge",
    help="CypherEdge: bank-statement extraction platform.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """CypherEdge command line."""
