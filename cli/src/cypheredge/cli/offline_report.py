"""The batch workbook built offline, for ``cypheredge report`` (imported when it runs).

Same code as the reporter service (the extraction document contract, read by
``statement_doc`` -> ``build_report`` -> ``write_workbook``); only the transport differs.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from rich.console import Console

from cypheredge.cli.exits import usage
from cypheredge.contracts.extraction import EXTRACTION_FORMAT, ExtractionDocument
from cypheredge.reporter.domain.model import ReportParams, StatementDoc
from cypheredge.reporter.domain.report import build_report
from cypheredge.reporter.service.extraction import statement_doc
from cypheredge.reporter.workbook import write_workbook

console = Console(stderr=True)
_SHOWN_PROBLEMS = 3


def write_report(files: list[Path], out: Path, params: str | None) -> dict[str, Any]:
    """Every file read and checked first, then the workbook written; what was written."""
    documents = [(path, read_extraction(path)) for path in files]
    options = _params(params)
    docs = [_statement(path, document) for path, document in documents]
    batch_id = hashlib.sha256("".join(d.statement_id for d in docs).encode()).hexdigest()[:16]
    built = build_report(f"offline-{batch_id}", docs, options)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_workbook(built, out)
    console.print(
        f"{out}: {len(built.transactions)} transactions from {len(docs)} statement(s), "
        f"{len(built.breaks)} balance break(s)",
        markup=False,
        highlight=False,
    )
    return {
        "workbook": str(out),
        "statements": len(docs),
        "transactions": len(built.transactions),
        "balance_breaks": len(built.breaks),
    }


def read_extraction(path: Path) -> ExtractionDocument:
    """``path`` as an extraction result; raises a usage error that names what is wrong."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise usage(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        return ExtractionDocument.model_validate_json(data)
    except ValidationError as exc:
        raise usage(
            f"{path} is not an extraction result ({EXTRACTION_FORMAT}, as written by "
            f"`cypheredge extract`): {describe(exc)}"
        ) from None


def describe(exc: ValidationError) -> str:
    """A validation failure in one line: missing fields together, then the first problems."""
    errors = exc.errors(include_url=False, include_input=False)
    missing = [_where(e["loc"]) for e in errors if e["type"] == "missing"]
    others = [f"{_where(e['loc'])}: {e['msg']}" for e in errors if e["type"] != "missing"]
    parts = [f"missing {', '.join(missing)}"] if missing else []
    parts += others[:_SHOWN_PROBLEMS]
    if len(others) > _SHOWN_PROBLEMS:
        parts.append(f"and {len(others) - _SHOWN_PROBLEMS} more problem(s)")
    return "; ".join(parts)


def _where(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "document"


def _params(text: str | None) -> ReportParams:
    try:
        value: Any = json.loads(text) if text else {}
        if not isinstance(value, dict):
            raise ValueError("expected a JSON object")
        return ReportParams.from_json(value)
    except (ValueError, TypeError) as exc:  # float(None) is a TypeError
        raise usage(f"--params: {exc}") from None


def _statement(path: Path, document: ExtractionDocument) -> StatementDoc:
    statement_id = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:32]
    filename = path.with_suffix(".pdf").name
    return statement_doc(statement_id, filename, document, unreadable="rejected")
