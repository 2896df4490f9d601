"""Recurring payments, Income (salary and regular credits) and Loans and EMIs."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from cypheredge.reporter.domain.model import Enriched, RecurringSeries
from cypheredge.reporter.workbook.categories import DEBT_SERVICING, INCOME
from cypheredge.reporter.workbook.cells import (
    Cell,
    Column,
    Table,
    page_setup,
    plural,
    write_title,
)
from cypheredge.reporter.workbook.context import SheetContext
from cypheredge.reporter.workbook.sheets.listing import (
    ACCOUNT,
    AMOUNT,
    CATEGORY,
    COUNTERPARTY,
    CREDIT,
    DATE,
    DEBIT,
    DESCRIPTION,
    SOURCE,
    Field,
    write_listing,
)

SERIES = (
    Column("Counterparty", 28),
    Column("Category", 20),
    Column("Direction", 9),
    Column("Cadence", 11),
    Column("Typical amount", 14, "money"),
    Column("Occurrences", 11, "int"),
    Column("Total", 15, "money"),
    Column("First date", 11, "date"),
    Column("Last date", 11, "date"),
    Column("Accounts", 20),
    Column("Series ID", 22),
)


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def write_recurring(ws: Any, ctx: SheetContext) -> None:
    series = sorted(ctx.report.recurring, key=lambda s: (s.direction, s.counterparty.casefold()))
    write_title(
        ws,
        ctx.fmt,
        "Recurring payments",
        f"{plural(len(series), 'series', 'series')} found: regular credits and debits to the "
        "same counterparty.",
    )
    page_setup(ws)
    table = Table(ws, ctx.fmt, SERIES)
    wanted = {i for s in series for i in s.transaction_ids}
    rows = {e.txn.id: e for e in ctx.report.transactions if e.txn.id in wanted}
    for s in series:
        table.add(_series_row(s, [rows[i] for i in s.transaction_ids if i in rows]))
    table.close("No recurring payments found.")


def _series_row(s: RecurringSeries, rows: list[Enriched]) -> list[Cell]:
    dates = sorted(e.txn.date for e in rows)
    return [
        s.counterparty,
        s.category,
        s.direction,
        s.cadence,
        s.typical_amount,
        len(s.transaction_ids),
        sum((abs(e.txn.amount) for e in rows), Decimal(0)),
        dates[0] if dates else None,
        dates[-1] if dates else None,
        ", ".join(dict.fromkeys(e.txn.account for e in rows)),
        s.id,
    ]


def _total(rows: Iterable[Enriched]) -> Decimal:
    return sum((abs(e.txn.amount) for e in rows), Decimal(0))


def write_income(ws: Any, ctx: SheetContext) -> None:
    regular = {s.id: s.cadence for s in ctx.report.recurring if s.direction == "credit"}

    def source(e: Enriched) -> str | None:
        if e.category in INCOME:
            return "salary"
        cadence = regular.get(e.recurring_id or "")
        return f"regular credit ({cadence})" if cadence else None

    rows = [e for e in ctx.derived.unique() if e.txn.credit and source(e)]
    salary = _total(e for e in rows if e.category in INCOME)
    other = _total(rows) - salary
    months = max(ctx.derived.months_covered, 1)
    note = (
        f"Salary {_money(salary)} (average {_money(salary / months)} a month over "
        f"{plural(months, 'month')}); other regular credits {_money(other)}."
    )
    fields = (DATE, ACCOUNT, DESCRIPTION, AMOUNT, Field(Column("Source", 24), source))
    write_listing(
        ws,
        ctx,
        "Income: salary and other regular credits",
        note,
        (*fields, CATEGORY, COUNTERPARTY, *SOURCE),
        rows,
        "No salary or regular credits found.",
    )


def write_loans(ws: Any, ctx: SheetContext) -> None:
    rows = [e for e in ctx.derived.unique() if e.category in DEBT_SERVICING]
    paid = _total(e for e in rows if e.txn.debit)
    months = max(ctx.derived.months_covered, 1)
    note = (
        f"Loan/EMI and credit card repayments: {plural(len(rows), 'row')}, {_money(paid)} paid "
        f"(average {_money(paid / months)} a month over {plural(months, 'month')})."
    )
    cadence = Field(
        Column("Recurring", 11), lambda e: ctx.derived.cadence.get(e.recurring_id or "")
    )
    fields = (DATE, ACCOUNT, DESCRIPTION, CATEGORY, DEBIT, CREDIT, COUNTERPARTY, cadence)
    write_listing(
        ws,
        ctx,
        "Loans, EMIs and credit card payments",
        note,
        (*fields, *SOURCE),
        rows,
        "No loan, EMI or credit card payments found.",
    )
