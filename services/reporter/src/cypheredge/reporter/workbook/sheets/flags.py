"""Flags: everything an analyst should check by hand, statement-level first, then rows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cypheredge.reporter.domain.model import Enriched
from cypheredge.reporter.workbook.cells import (
    Cell,
    Column,
    Table,
    page_setup,
    plural,
    write_title,
)
from cypheredge.reporter.workbook.context import DUPLICATE, LARGE, LOW_CONFIDENCE, SheetContext

COLUMNS = (
    Column("Flag", 24),
    Column("Statement", 30),
    Column("Account", 18),
    Column("Date", 11, "date"),
    Column("Page", 6, "int"),
    Column("Transaction ID", 26),
    Column("Detail", 70),
)
FLAGGED_METHODS = frozenset({"none", "flagged"})
# Checked below, or shown on a sheet of their own (Large transactions).
CHECKED = frozenset({DUPLICATE, LOW_CONFIDENCE, LARGE})
# Flag names for the warnings the pipeline knows; others show their code.
WARNING_FLAGS = {
    "repaired_pdf": "damaged file repaired",
    "password_not_needed": "password not needed",
    "pdf_javascript": "JavaScript in file",
    "pdf_launch_action": "Launch action in file",
    "pdf_embedded_files": "attachments in file",
}

Row = list[Cell]


def write_flags(ws: Any, ctx: SheetContext) -> None:
    statement_rows = list(_statement_flags(ctx))
    row_count = sum(len(_row_flags(ctx, e)) for e in ctx.report.transactions)
    write_title(
        ws,
        ctx.fmt,
        "Flags for review",
        f"{plural(len(statement_rows), 'statement-level flag')} (rejected or failed files, "
        "warnings such as repaired files or scripts in a file, unreconciled statements, "
        f"flagged pages, gaps) and {plural(row_count, 'row-level flag')}.",
    )
    page_setup(ws)
    table = Table(ws, ctx.fmt, COLUMNS)
    for row in statement_rows:
        table.add(row)
    for e in ctx.report.transactions:
        for row in _row_flags(ctx, e):
            table.add(row)
    table.close("Nothing flagged.")


def _statement_flags(ctx: SheetContext) -> Iterator[Row]:
    for doc in ctx.report.statements:
        if doc.status in ("rejected", "failed"):
            yield [f"{doc.status} statement", doc.filename, None, None, None, None, doc.error]
    for doc in ctx.report.statements:
        for w in doc.warnings:
            flag = WARNING_FLAGS.get(w.code, w.code.replace("_", " "))
            yield [flag, doc.filename, w.account, None, w.page, None, w.message]
    for doc in ctx.report.statements:
        breaks = ctx.derived.breaks_by_statement[doc.statement_id]
        if breaks:
            accounts = ", ".join(dict.fromkeys(a.account for a in doc.accounts))
            detail = f"{plural(breaks, 'balance break')} (see Balance validation)"
            yield ["unreconciled statement", doc.filename, accounts, None, None, None, detail]
    for doc in ctx.report.statements:
        for page in doc.pages:
            if page.method in FLAGGED_METHODS:
                detail = (
                    f"extraction method '{page.method}': {page.rows} rows read, "
                    f"confidence {page.confidence:.2f}; check this page by hand"
                )
                yield ["page flagged", doc.filename, None, None, page.number, None, detail]
    for g in ctx.report.gaps:
        days = (g.end - g.start).days + 1
        detail = f"{days} days ({g.start:%Y-%m-%d} to {g.end:%Y-%m-%d}) covered by no statement"
        statements = f"after {g.after_statement}, before {g.before_statement}"
        yield ["gap between statements", statements, g.account, g.start, None, None, detail]


def _row_flags(ctx: SheetContext, e: Enriched) -> list[Row]:
    txn = e.txn
    found: list[tuple[str, str]] = []
    if ctx.derived.is_low_confidence(e):
        found.append(("low confidence", f"confidence {txn.confidence:.2f} ({txn.method})"))
    if e.duplicate_of:
        found.append(("duplicate", f"repeats {e.duplicate_of} from an overlapping statement"))
    found += [(flag.replace("_", " "), "") for flag in e.flags if flag not in CHECKED]
    return [
        [
            flag,
            txn.statement_name,
            txn.account,
            txn.date,
            txn.page,
            txn.id,
            f"{detail}: {txn.description}" if detail else txn.description,
        ]
        for flag, detail in found
    ]
