"""Metadata: the batch, its parameters, versions, and every file with its hash and status."""

from __future__ import annotations

from typing import Any

from cypheredge.reporter.domain.model import StatementDoc
from cypheredge.reporter.workbook.cells import (
    Cell,
    Column,
    Table,
    excel_datetime,
    write_cell,
    write_title,
)
from cypheredge.reporter.workbook.context import SheetContext

STATEMENTS = (
    Column("Statement ID", 30),
    Column("File", 34),
    Column("Status", 10),
    Column("SHA-256", 66),
    Column("Pages", 7, "int"),
    Column("Accounts", 24),
    Column("Transactions", 12, "int"),
    Column("Period start", 12, "date"),
    Column("Period end", 12, "date"),
    Column("Error", 50),
)


def _facts(ctx: SheetContext) -> list[tuple[str, Cell, str]]:
    """(label, value, format name) for the key-value block."""
    report, params = ctx.report, ctx.report.params
    facts: list[tuple[str, Cell, str]] = [
        ("Batch ID", report.batch_id, "text"),
        ("Generated at (UTC)", excel_datetime(report.generated_at), "datetime"),
        ("Statements", len(report.statements), "int"),
        ("Transactions (rows)", len(report.transactions), "int"),
        ("Large-transaction threshold", params.large_transaction_threshold, "money"),
        ("Low-confidence threshold", params.low_confidence_threshold, "conf"),
        ("Own account names", ", ".join(params.own_account_names) or "(none given)", "text"),
    ]
    facts += [(f"Version: {name}", value, "text") for name, value in report.versions.items()]
    return facts


def write_metadata(ws: Any, ctx: SheetContext) -> None:
    write_title(ws, ctx.fmt, "Metadata", "What this workbook was built from.")
    row = 3
    for label, value, fmt in _facts(ctx):
        ws.write_string(row, 0, label, ctx.fmt.section)
        write_cell(ws, row, 1, value, getattr(ctx.fmt, fmt))
        row += 1
    ws.write_string(row + 1, 0, "Statements", ctx.fmt.section)
    table = Table(ws, ctx.fmt, STATEMENTS, row=row + 2, freeze=False)
    for doc in ctx.report.statements:
        table.add(_statement_row(doc))
    table.close("No statements.")


def _statement_row(doc: StatementDoc) -> list[Cell]:
    starts = [a.period_start for a in doc.accounts if a.period_start]
    ends = [a.period_end for a in doc.accounts if a.period_end]
    return [
        doc.statement_id,
        doc.filename,
        doc.status,
        doc.sha256,
        len(doc.pages),
        ", ".join(dict.fromkeys(a.account for a in doc.accounts)),
        len(doc.transactions),
        min(starts) if starts else None,
        max(ends) if ends else None,
        doc.error,
    ]
