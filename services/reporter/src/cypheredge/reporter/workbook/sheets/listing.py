"""Sheets that list transactions: a tuple of fields (column + value) and a row filter."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from cypheredge.reporter.domain.model import Enriched
from cypheredge.reporter.workbook.cells import Cell, Column, Table, page_setup, write_title
from cypheredge.reporter.workbook.context import SheetContext


@dataclass(frozen=True)
class Field:
    column: Column
    value: Callable[[Enriched], Cell]
    style: Callable[[Enriched], str | None] | None = None  # names a Formats attribute


def _direction(e: Enriched) -> str:
    return "credit" if e.txn.amount > 0 else "debit"


DATE = Field(Column("Date", 11, "date"), lambda e: e.txn.date)
ACCOUNT = Field(Column("Account", 16), lambda e: e.txn.account)
DESCRIPTION = Field(Column("Description", 46), lambda e: e.txn.description)
CATEGORY = Field(Column("Category", 20), lambda e: e.category)
COUNTERPARTY = Field(Column("Counterparty", 24), lambda e: e.counterparty)
DEBIT = Field(Column("Debit", 13, "money"), lambda e: e.txn.debit)
CREDIT = Field(Column("Credit", 13, "money"), lambda e: e.txn.credit)
AMOUNT = Field(Column("Amount", 13, "money"), lambda e: abs(e.txn.amount))
DIRECTION = Field(Column("Direction", 9), _direction)
BALANCE = Field(
    Column("Balance", 14, "money"),
    lambda e: e.txn.balance,
    lambda e: "negative" if e.txn.balance is not None and e.txn.balance < 0 else None,
)
STATEMENT = Field(Column("Statement", 26), lambda e: e.txn.statement_name)
PAGE = Field(Column("Page", 6, "int"), lambda e: e.txn.page)
METHOD = Field(Column("Method", 9), lambda e: e.txn.method)
TXN_ID = Field(Column("Transaction ID", 26), lambda e: e.txn.id)

STANDARD = (DATE, ACCOUNT, DESCRIPTION, CATEGORY, DEBIT, CREDIT, BALANCE, COUNTERPARTY)
SOURCE = (STATEMENT, PAGE, TXN_ID)


def write_listing(
    ws: Any,
    ctx: SheetContext,
    title: str,
    note: str,
    fields: Sequence[Field],
    rows: Iterable[Enriched],
    empty: str,
) -> Table:
    """Title, note, then one row per transaction in ``rows``."""
    write_title(ws, ctx.fmt, title, note)
    page_setup(ws)
    table = Table(ws, ctx.fmt, [f.column for f in fields])
    styled = [(i, f.style) for i, f in enumerate(fields) if f.style is not None]
    for e in rows:
        styles: dict[int, Any] = {}
        for i, style in styled:
            name = style(e)
            if name:
                styles[i] = getattr(ctx.fmt, name)
        table.add([f.value(e) for f in fields], styles)
    table.close(empty)
    return table
