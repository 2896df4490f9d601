"""A batch on the API, for the commands that follow one: progress, summary, results.

``submit`` and ``status`` import this module when they run; it holds their HTTP client, rich
progress and the export formats' contract, which ``cypheredge --help`` should not load.
Progress and the summary go to stderr, the batch as JSON to stdout.
"""

from __future__ import annotations

import json
import math
import time
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn

from cypheredge.cli.client import FINAL, Client
from cypheredge.cli.exits import failed, unavailable
from cypheredge.contracts.artefacts import EXPORT_FORMATS

console = Console(stderr=True)
DONE_STATUSES = {"reported", "rejected", "failed"}
# Statement statuses as people read them; one this CLI does not know yet is printed as sent.
STATUS_LABELS = {"queued_for_ocr": "queued for OCR"}
# Each status read may wait this long on the server for a change (the gateway caps it too).
LONG_POLL_SECONDS = 30
# Between reads when the server does not honour the wait (an older gateway answers at once).
POLL_SECONDS = 1.0


def finish(batch: dict[str, Any], as_json: bool) -> None:
    """Print the batch if asked; a batch that failed, even in part, fails the command."""
    if as_json:
        typer.echo(json.dumps(batch))
    if batch.get("status") in ("failed", "partially_failed"):
        raise failed(f"batch {batch['id']} {batch['status']}")


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
            # Long-poll: the answer comes when the batch changes, so progress shows at once
            # and an unchanged batch costs one request per wait, not one per second.
            remaining = math.ceil(max(deadline - time.monotonic(), 0))
            batch, waited = client.wait_batch(batch_id, min(LONG_POLL_SECONDS, remaining))
            statements = batch["statements"]
            done = sum(s["status"] in DONE_STATUSES for s in statements)
            progress.update(
                task, total=len(statements), completed=done, description=progress_text(batch)
            )
            if batch["status"] in FINAL:
                return batch
            if time.monotonic() > deadline:
                raise unavailable(f"batch {batch_id} still {batch['status']} after {timeout:.0f}s")
            if not waited:
                time.sleep(POLL_SECONDS)


def label(status: str) -> str:
    """A statement status as the summary and the progress line print it."""
    return STATUS_LABELS.get(status, status)


def progress_text(batch: dict[str, Any]) -> str:
    """The batch status, and how many of its statements wait for OCR: a scan queue can be
    slow, and a user should tell it from a stuck batch."""
    status = str(batch["status"])
    waiting = sum(s["status"] == "queued_for_ocr" for s in batch["statements"])
    return f"{status} ({waiting} {label('queued_for_ocr')})" if waiting else status


def show(batch: dict[str, Any]) -> None:
    console.print(f"batch {batch['id']}: [bold]{batch['status']}[/]")
    for s in batch["statements"]:
        extra = f" - {s['error']}" if s.get("error") else ""
        rows = f", {s['transactions']} transactions" if s.get("transactions") is not None else ""
        console.print(f"  {s['filename']}: {label(s['status'])}{rows}{extra}")


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
