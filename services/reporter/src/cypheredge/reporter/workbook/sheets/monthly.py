"""Monthly summary (per account and month) and Cash flow (per month, with a chart)."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

from cypheredge.reporter.workbook.aggregates import (
    cash_flow,
    daily_balances,
    month_end_balances,
    monthly,
)
from cypheredge.reporter.workbook.cells import Column, Table, page_setup, write_title
from cypheredge.reporter.workbook.context import SheetContext

MONTHLY = (
    Column("Account", 18),
    Column("Currency", 9),
    Column("Month", 10, "month"),
    Column("Credits", 15, "money"),
    Column("Debits", 15, "money"),
    Column("Net", 15, "money"),
    Column("Credit count", 9, "int"),
    Column("Debit count", 9, "int"),
    Column("Transactions", 12, "int"),
    Column("Closing balance", 15, "money"),
)
CASH_FLOW = (
    Column("Currency", 9),
    Column("Month", 10, "month"),
    Column("Money in", 15, "money"),
    Column("Money out", 15, "money"),
    Column("Net", 15, "money"),
    Column("Cumulative net", 15, "money"),
    Column("Transactions", 12, "int"),
)
NOTE = "Rows repeated by overlapping statements are left out."


def write_monthly(ws: Any, ctx: SheetContext) -> None:
    write_title(ws, ctx.fmt, "Monthly summary by account", NOTE)
    page_setup(ws)
    table = Table(ws, ctx.fmt, MONTHLY)
    closing = month_end_balances(ctx.derived.memo(daily_balances))
    for (account, month), t in monthly(ctx.derived).items():
        balance = closing.get((account, month))
        negative = balance is not None and balance < 0
        table.add(
            [
                account,
                ctx.derived.currency.get(account, ""),
                month,
                t.credits,
                t.debits,
                t.net,
                t.credit_count,
                t.debit_count,
                t.count,
                balance,
            ],
            {9: ctx.fmt.negative} if negative else None,
        )
    table.close("No transactions.")


def write_cash_flow(ws: Any, ctx: SheetContext) -> None:
    write_title(
        ws,
        ctx.fmt,
        "Cash flow by month",
        f"All accounts together, per currency. {NOTE} Transfers between own accounts count "
        "both ways (see that sheet).",
    )
    page_setup(ws)
    table = Table(ws, ctx.fmt, CASH_FLOW)
    flows = cash_flow(ctx.derived)
    main = Counter({cur: t.count for (cur, _), t in flows.items()}).most_common(1)
    span: list[int] = []
    cumulative: dict[str, Decimal] = {}
    for (currency, month), t in flows.items():
        cumulative[currency] = cumulative.get(currency, Decimal(0)) + t.net
        row = table.add(
            [currency, month, t.credits, t.debits, t.net, cumulative[currency], t.count]
        )
        if main and currency == main[0][0]:
            span.append(row)
    table.close("No transactions.")
    if span:
        _chart(ctx, ws, span[0], span[-1], main[0][0])


def _chart(ctx: SheetContext, ws: Any, first: int, last: int, currency: str) -> None:
    name = ws.get_name()
    bars = ctx.workbook.add_chart({"type": "column"})
    months = [name, first, 1, last, 1]
    for col, label, colour in ((2, "Money in", "#70AD47"), (3, "Money out", "#C00000")):
        bars.add_series(
            {
                "name": label,
                "categories": months,
                "values": [name, first, col, last, col],
                "fill": {"color": colour},
                "gap": 60,
            }
        )
    net = ctx.workbook.add_chart({"type": "line"})
    net.add_series(
        {
            "name": "Net",
            "categories": months,
            "values": [name, first, 4, last, 4],
            "line": {"color": "#1F3864", "width": 2.25},
            "marker": {"type": "circle", "size": 5},
        }
    )
    bars.combine(net)
    bars.set_title({"name": f"Monthly cash flow ({currency or 'all'})"})
    bars.set_x_axis({"num_format": "mmm yy", "date_axis": False})
    bars.set_y_axis({"num_format": "#,##0", "major_gridlines": {"visible": True}})
    bars.set_legend({"position": "bottom"})
    bars.set_size({"width": 760, "height": 380})
    ws.insert_chart(3, len(CASH_FLOW) + 1, bars)
