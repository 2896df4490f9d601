"""Category summary: spend and income per category, with a bar chart of spend."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cypheredge.reporter.workbook.aggregates import Totals, totals_by
from cypheredge.reporter.workbook.categories import taxonomy_order
from cypheredge.reporter.workbook.cells import Cell, Column, Table, page_setup, write_title
from cypheredge.reporter.workbook.context import SheetContext

COLUMNS = (
    Column("Category", 26),
    Column("Spend (debits)", 15, "money"),
    Column("Debit count", 9, "int"),
    Column("Share of spend", 10, "pct"),
    Column("Income (credits)", 15, "money"),
    Column("Credit count", 9, "int"),
    Column("Share of income", 10, "pct"),
    Column("Net", 15, "money"),
)


def _share(part: Decimal, whole: Decimal) -> Decimal | None:
    return part / whole if whole else None


def write_categories(ws: Any, ctx: SheetContext) -> None:
    currencies = sorted({c for c in ctx.derived.currency.values() if c})
    mixed = f" Amounts mix currencies: {', '.join(currencies)}." if len(currencies) > 1 else ""
    write_title(
        ws,
        ctx.fmt,
        "Spend and income by category",
        f"All accounts; rows repeated by overlapping statements are left out.{mixed}",
    )
    page_setup(ws)
    table = Table(ws, ctx.fmt, COLUMNS)
    totals = totals_by(ctx.derived.unique(), lambda e: e.category)
    spend = sum((t.debits for t in totals.values()), Decimal(0))
    income = sum((t.credits for t in totals.values()), Decimal(0))
    ordered = sorted(
        totals.items(), key=lambda kv: (-kv[1].debits, -kv[1].credits, taxonomy_order(kv[0]))
    )
    spending = [table.add(_row(c, t, spend, income)) for c, t in ordered if t.debits > 0]
    for c, t in ordered:
        if not t.debits > 0:
            table.add(_row(c, t, spend, income))
    table.close("No transactions.")  # the filter stops above the total row
    if ordered:
        credit_count = sum(t.credit_count for t in totals.values())
        debit_count = sum(t.debit_count for t in totals.values())
        total = Totals(income, spend, credit_count, debit_count)
        bold = ctx.fmt.money_bold
        table.add(_row("Total", total, spend, income), {0: ctx.fmt.section, 1: bold, 4: bold})
    if spending:
        _chart(ctx, ws, spending[0], spending[-1])


def _row(category: str, t: Totals, spend: Decimal, income: Decimal) -> list[Cell]:
    return [
        category,
        t.debits,
        t.debit_count,
        _share(t.debits, spend),
        t.credits,
        t.credit_count,
        _share(t.credits, income),
        t.net,
    ]


def _chart(ctx: SheetContext, ws: Any, first: int, last: int) -> None:
    name = ws.get_name()
    chart = ctx.workbook.add_chart({"type": "bar"})
    chart.add_series(
        {
            "name": "Spend",
            "categories": [name, first, 0, last, 0],
            "values": [name, first, 1, last, 1],
            "fill": {"color": "#2F5597"},
            "data_labels": {"value": True, "num_format": "#,##0"},
            "gap": 40,
        }
    )
    chart.set_title({"name": "Spend by category"})
    chart.set_x_axis({"num_format": "#,##0", "major_gridlines": {"visible": True}})
    chart.set_y_axis({"reverse": True, "interval_unit": 1, "num_font": {"size": 8}})
    chart.set_legend({"none": True})
    chart.set_size({"width": 720, "height": max(300, 26 * (last - first + 1) + 90)})
    ws.insert_chart(3, len(COLUMNS) + 1, chart)
