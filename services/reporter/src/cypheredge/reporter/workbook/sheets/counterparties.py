"""Top counterparties (paid to, received from) and Transfers between own accounts."""

from __future__ import annotations

from decimal import Decimal
from itertools import zip_longest
from typing import Any

from cypheredge.reporter.workbook.aggregates import Totals, totals_by
from cypheredge.reporter.workbook.cells import (
    HEADER_ROW,
    Cell,
    Column,
    Table,
    page_setup,
    plural,
    write_title,
)
from cypheredge.reporter.workbook.context import SheetContext
from cypheredge.reporter.workbook.transfers import OwnTransfer, own_transfers

TOP = 25


def _ranked(label: str) -> tuple[Column, ...]:
    return (
        Column("Rank", 6, "int"),
        Column("Counterparty", 30),
        Column(f"Total {label}", 15, "money"),
        Column("Count", 8, "int"),
        Column("Share", 8, "pct"),
    )


def write_counterparties(ws: Any, ctx: SheetContext) -> None:
    totals = totals_by(ctx.derived.unique(), lambda e: e.counterparty or None)
    write_title(
        ws,
        ctx.fmt,
        "Top counterparties",
        f"The {TOP} largest by money paid to them and by money received from them; rows without "
        "an identified counterparty and duplicates are left out.",
    )
    page_setup(ws)
    right = len(_ranked("")) + 1
    ws.write_string(HEADER_ROW - 1, 0, "Paid to (by total debit)", ctx.fmt.section)
    ws.write_string(HEADER_ROW - 1, right, "Received from (by total credit)", ctx.fmt.section)
    paid = Table(ws, ctx.fmt, _ranked("debit"), autofilter=False)
    received = Table(ws, ctx.fmt, _ranked("credit"), col=right, freeze=False, autofilter=False)
    ws.set_column(right - 1, right - 1, 3)
    left_rows = _top(totals, debit=True)
    right_rows = _top(totals, debit=False)
    for a, b in zip_longest(left_rows, right_rows):
        if a:
            paid.add(a)
        if b:
            received.add(b)
    paid.close("No payments to an identified counterparty.")
    received.close("No receipts from an identified counterparty.")


def _top(totals: dict[str, Totals], *, debit: bool) -> list[list[Cell]]:
    def amount(t: Totals) -> Decimal:
        return t.debits if debit else t.credits

    whole = sum((amount(t) for t in totals.values()), Decimal(0))
    ranked = sorted(
        ((name, t) for name, t in totals.items() if amount(t) > 0),
        key=lambda kv: (-amount(kv[1]), kv[0].casefold()),
    )[:TOP]
    return [
        [
            rank,
            name,
            amount(t),
            t.debit_count if debit else t.credit_count,
            amount(t) / whole if whole else None,
        ]
        for rank, (name, t) in enumerate(ranked, start=1)
    ]


TRANSFERS = (
    Column("Date", 11, "date"),
    Column("Account", 18),
    Column("Description", 44),
    Column("Direction", 9),
    Column("Amount", 14, "money"),
    Column("Counterparty", 22),
    Column("Other account", 18),
    Column("Other leg date", 11, "date"),
    Column("Evidence", 18),
    Column("Statement", 26),
    Column("Transaction ID", 26),
)


def write_transfers(ws: Any, ctx: SheetContext) -> None:
    found = own_transfers(ctx.derived)
    write_title(
        ws,
        ctx.fmt,
        "Transfers between own accounts",
        f"{plural(len(found), 'row')}: a transfer out matched by an equal transfer in on "
        "another account of this batch within 3 days, or naming one of the applicant's own "
        "accounts. Leave them out when reading income and spend.",
    )
    page_setup(ws)
    table = Table(ws, ctx.fmt, TRANSFERS)
    for t in found:
        table.add(_transfer_row(t))
    table.close("No transfers between own accounts found.")


def _transfer_row(t: OwnTransfer) -> list[Cell]:
    txn = t.row.txn
    return [
        txn.date,
        txn.account,
        txn.description,
        "in" if txn.amount > 0 else "out",
        abs(txn.amount),
        t.row.counterparty,
        t.other_account,
        t.other_date,
        t.evidence,
        txn.statement_name,
        txn.id,
    ]
