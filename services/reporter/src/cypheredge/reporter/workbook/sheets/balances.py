"""Daily balances (with a line chart) and Balance validation (every break found)."""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from cypheredge.reporter.workbook.aggregates import DayBalance, daily_balances
from cypheredge.reporter.workbook.cells import (
    Column,
    Table,
    excel_serial,
    page_setup,
    plural,
    write_title,
)
from cypheredge.reporter.workbook.context import SheetContext

DAILY = (
    Column("Account", 18),
    Column("Date", 11, "date"),
    Column("End-of-day balance", 16, "money"),
    Column("Credits", 14, "money"),
    Column("Debits", 14, "money"),
    Column("Transactions", 12, "int"),
    Column("Note", 30),
)
BREAKS = (
    Column("Statement", 28),
    Column("Account", 18),
    Column("Kind", 20),
    Column("Date", 11, "date"),
    Column("Transaction ID", 26),
    Column("Expected", 15, "money"),
    Column("Found", 15, "money"),
    Column("Difference", 15, "money"),
)
KINDS = {
    "row": "running balance",
    "closing": "closing balance",
    "between_statements": "between statements",
}
MAX_CHART_ACCOUNTS = 8


class Span(NamedTuple):
    """One account's rows on the sheet, for its chart series."""

    account: str
    first_row: int
    last_row: int
    first_day: date
    last_day: date


def _note(day: DayBalance) -> str:
    if day.in_gap:
        return "no statement covers this day"
    return "" if day.count else "no transactions: carried forward"


def write_daily(ws: Any, ctx: SheetContext) -> None:
    write_title(
        ws,
        ctx.fmt,
        "Daily balances",
        "End-of-day balance for every day of each account's period; days without rows carry "
        "the last known balance forward. Negative days are shaded.",
    )
    page_setup(ws)
    table = Table(ws, ctx.fmt, DAILY)
    spans: list[Span] = []
    for account, days in ctx.derived.memo(daily_balances).items():
        first = table.next_row
        for d in days:
            negative = d.balance is not None and d.balance < 0
            table.add(
                [account, d.day, d.balance, d.credits, d.debits, d.count, _note(d)],
                {2: ctx.fmt.negative} if negative else None,
            )
        if days:
            spans.append(Span(account, first, table.next_row - 1, days[0].day, days[-1].day))
    table.close("No balances.")
    if spans:
        _chart(ctx, ws, spans[:MAX_CHART_ACCOUNTS])


def _chart(ctx: SheetContext, ws: Any, spans: list[Span]) -> None:
    name = ws.get_name()
    chart = ctx.workbook.add_chart({"type": "scatter", "subtype": "straight"})
    for s in spans:
        chart.add_series(
            {
                "name": s.account,
                "categories": [name, s.first_row, 1, s.last_row, 1],
                "values": [name, s.first_row, 2, s.last_row, 2],
                "line": {"width": 1.75},
            }
        )
    chart.set_title({"name": "End-of-day balance"})
    chart.set_x_axis(
        {
            "num_format": "dd mmm yy",
            "min": excel_serial(min(s.first_day for s in spans)),
            "max": excel_serial(max(s.last_day for s in spans)),
            "major_gridlines": {"visible": False},
        }
    )
    chart.set_y_axis({"num_format": "#,##0", "major_gridlines": {"visible": True}})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 820, "height": 400})
    ws.insert_chart(3, len(DAILY) + 1, chart)


def write_validation(ws: Any, ctx: SheetContext) -> None:
    breaks = ctx.report.breaks
    statements = len({b.statement_id for b in breaks})
    write_title(
        ws,
        ctx.fmt,
        "Balance validation",
        f"{plural(len(breaks), 'balance break')} in {plural(statements, 'statement')}. "
        "Difference = found - expected."
        if breaks
        else "Every running, closing and between-statement balance reconciles.",
    )
    page_setup(ws)
    table = Table(ws, ctx.fmt, BREAKS)
    for b in breaks:
        table.add(
            [
                b.statement_name,
                b.account,
                KINDS.get(b.kind, b.kind),
                b.date,
                b.transaction_id,
                b.expected,
                b.found,
                b.difference,
            ]
        )
    table.close("No breaks: every balance reconciles.")
