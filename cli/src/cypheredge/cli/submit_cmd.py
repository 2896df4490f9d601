"""``cypheredge submit``: upload statements, follow the batch, download workbook and exports.

Progress and the human summary go to stderr; stdout carries data only: the batch as JSON when
not waiting, or with ``--json``. Exit codes follow ``exits.py``: a batch that failed or partly
failed is 1. The HTTP client and the progress display are imported when the command runs
(``batches.py``), not with the CLI.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from cypheredge.cli import options
from cypheredge.cli.exits import usage
from cypheredge.cli.localdata import DEFAULT_DATA_DIR


def submit(
    files: Annotated[list[Path], typer.Argument(help="PDF files to upload", exists=True)],
    password: Annotated[
        list[str] | None, typer.Option(help="FILE=PASSWORD for an encrypted file (repeatable)")
    ] = None,
    params: Annotated[str | None, typer.Option(help="Batch params as a JSON object")] = None,
    wait: options.Wait = False,
    out: options.Out = None,
    api: options.Api = None,
    api_key: options.ApiKey = "",
    data_dir: options.DataDir = DEFAULT_DATA_DIR,
    timeout: options.Timeout = 600,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the batch as JSON on stdout (final if waiting)")
    ] = False,
) -> None:
    """Upload a batch of statements; with --wait or --out, follow it and fetch the results."""
    from cypheredge.cli.batches import console, download_results, finish, follow, show
    from cypheredge.cli.client import Client, api_url

    if not api_key:
        raise usage("an API key is needed: --api-key or CYPHEREDGE_API_KEY")
    passwords = _passwords(password or [], files)
    extra = _params(params)
    with Client(api_url(api, data_dir), api_key) as client:
        with console.status(f"uploading {len(files)} file(s)"):
            batch = client.submit(list(files), passwords, extra)
        console.print(f"batch [bold]{batch['id']}[/] queued with {len(files)} statement(s)")
        if not (wait or out is not None):
            typer.echo(json.dumps(batch))  # data on stdout, as with --json
            return
        batch = follow(client, batch["id"], timeout)
        show(batch)
        if out is not None:
            download_results(client, batch, out)
    finish(batch, as_json)


def _passwords(pairs: list[str], files: list[Path]) -> dict[str, str]:
    names = {f.name for f in files}
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, secret = pair.partition("=")
        name = Path(name).name
        if not sep or name not in names:
            raise usage(f"--password expects FILE=PASSWORD for an uploaded file: {pair!r}")
        out[name] = secret
    return out


def _params(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise usage(f"--params is not JSON: {exc}") from None
    if not isinstance(value, dict):
        raise usage("--params must be a JSON object")
    return value
