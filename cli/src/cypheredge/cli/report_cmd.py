"""``cypheredge report``: the batch workbook built offline from ``cypheredge extract`` output.

Same domain code as the reporter service (``from_extraction`` -> ``build_report`` ->
``write_workbook``); only the transport differs.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from cypheredge.reporter.domain.model import ReportParams, StatementDoc, from_extraction
from cypheredge.reporter.domain.report import build_report
from cypheredge.reporter.workbook import write_workbook

console = Console(stderr=True)


def report(
    files: Annotated[list[Path], typer.Argument(help="Extraction JSON files", exists=True)],
    out: Annotated[Path, typer.Option("-o", "--out", help="Workbook to write (.xlsx)")],
    params: Annotated[str | None, typer.Option(help="Report params as a JSON object")] = None,
) -> None:
    """Build the analysis workbook from extraction JSON documents."""
    try:
        documents = [(path, json.loads(path.read_text("utf-8"))) for path in files]
        options = ReportParams.from_json(json.loads(params) if params else {})
    except (OSError, ValueError) as exc:
        console.print(f"error: {exc}", markup=False)
        raise typer.Exit(1) from None
    docs = [_statement(path, document) for path, document in documents]
    batch_id = hashlib.sha256("".join(d.statement_id for d in docs).encode()).hexdigest()[:16]
    built = build_report(f"offline-{batch_id}", docs, options)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_workbook(built, out)
    console.print(
        f"{out}: {len(built.transactions)} transactions from {len(docs)} statement(s), "
        f"{len(built.breaks)} balance break(s)"
    )


def _statement(path: Path, document: dict[str, Any]) -> StatementDoc:
    statement_id = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:32]
    filename = path.with_suffix(".pdf").name
    if document.get("error"):
        return StatementDoc(statement_id, filename, "rejected", error=str(document["error"]))
    return from_extraction(statement_id, filename, document)
