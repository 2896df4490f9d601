"""``cypheredge report``: the batch workbook built offline from ``cypheredge extract`` output.

Same code as the reporter service, imported when the command runs (``offline_report.py``).
Every input must be an extraction result: anything else (``{"foo": 1}``, a batch status, a
truncated file) stops the command with exit code 2 and names what is wrong, before a workbook
is written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer


def report(
    files: Annotated[list[Path], typer.Argument(help="Extraction JSON files", exists=True)],
    out: Annotated[Path, typer.Option("-o", "--out", help="Workbook to write (.xlsx)")],
    params: Annotated[str | None, typer.Option(help="Report params as a JSON object")] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print what was written as JSON on stdout")
    ] = False,
) -> None:
    """Build the analysis workbook from extraction JSON documents."""
    from cypheredge.cli.offline_report import write_report

    summary = write_report(files, out, params)
    if as_json:
        typer.echo(json.dumps(summary))
