"""``cypheredge report``: the batch workbook built offline from ``cypheredge extract`` output.

Same code as the reporter service (the extraction document contract, read by
``statement_doc`` -> ``build_report`` -> ``write_workbook``); only the transport differs.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from cypheredge.contracts.extraction import ExtractionDocument
from cypheredge.reporter.domain.model import ReportParams, StatementDoc
from cypheredge.reporter.domain.report import build_report
from cypheredge.reporter.service.extraction import InvalidArtefact, parse_document, statement_doc
from cypheredge.reporter.workbook import write_workbook

console = Console(stderr=True)


def report(
    files: Annotated[list[Path], typer.Argument(help="Extraction JSON files", exists=True)],
    out: Annotated[Path, typer.Option("-o", "--out", help="Workbook to write (.xlsx)")],
    params: Annotated[str | None, typer.Option(help="Report params as a JSON object")] = None,
) -> None:
    """Build the analysis workbook from extraction JSON documents."""
    try:
        documents = [(path, _read(path)) for path in files]
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


def _read(path: Path) -> ExtractionDocument:
    try:
        return parse_document(path.read_bytes())
    except InvalidArtefact as exc:
        raise ValueError(f"{path}: {exc} (written by `cypheredge extract`?)") from None


def _statement(path: Path, document: ExtractionDocument) -> StatementDoc:
    statement_id = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:32]
    filename = path.with_suffix(".pdf").name
    return statement_doc(statement_id, filename, document, unreadable="rejected")
