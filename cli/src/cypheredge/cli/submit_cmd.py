"""``cypheredge submit``: upload statements, follow the batch, download workbook and exports.

Progress and the human summary go to stderr; stdout carries data only: the batch as JSON when
not waiting, or with ``--json``. Exit codes follow ``exits.py``: a batch that failed or partly
failed is 1.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn

from cypheredge.cli import options
from cypheredge.cli.client import FINAL, Client, api_url
from cypheredge.cli.exits import failed, unavailable, usage
from cypheredge.cli.localdata import DEFAULT_DATA_DIR
from cypheredge.contracts.artefacts import EXPORT_FORMATS

console = Console(stderr=True)
DONE_STATUSES = {"reported", "rejected", "failed"}


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


def finish(batch: dict[str, Any], as_json: bool) -> None:
    """Print the batch if asked; a batch that failed, even in part, fails the command."""
    if as_json:
        typer.echo(json.dumps(batch))
    if batch.get("status") in ("failed", "partially_failed"):
        raise failed(f"batch {batch['id']} {batch['status']}")


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


def follow(client: Client, batch_id: str, timeout: float) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total} statements"),
    )
    with Progress(*columns, console=console) as progress:
        task = progress.add_task("processing", total=None)
        while True:
            batch = client.batch(batch_id)
            statements = batch["statements"]
            done = sum(s["status"] in DONE_STATUSES for s in statements)
            progress.update(
                task, total=len(statements), completed=done, description=f"{batch['status']}"
            )
            if batch["status"] in FINAL:
                return batch
            if time.monotonic() > deadline:
                raise unavailable(f"batch {batch_id} still {batch['status']} after {timeout:.0f}s")
            time.sleep(1)


def show(batch: dict[str, Any]) -> None:
    console.print(f"batch {batch['id']}: [bold]{batch['status']}[/]")
    for s in batch["statements"]:
        extra = f" - {s['error']}" if s.get("error") else ""
        rows = f", {s['transactions']} transactions" if s.get("transactions") is not None else ""
        console.print(f"  {s['filename']}: {s['status']}{rows}{extra}")


def download_results(client: Client, batch: dict[str, Any], out: Path) -> None:
    report = batch.get("report")
    if not report:
        console.print("no report to download")
        return
    out.mkdir(parents=True, exist_ok=True)
    targets = {"workbook.xlsx": report["workbook"]}
    for name, path in report["exports"].items():
        extension = EXPORT_FORMATS[name][1]
        targets[
            f"transactions.{extension}" if extension == name else f"transactions.{name}.{extension}"
        ] = path
    for filename, path in targets.items():
        client.download(path, out / filename)
    console.print(f"downloaded {len(targets)} file(s) to {out}")
