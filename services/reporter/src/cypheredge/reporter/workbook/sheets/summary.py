"""Summary: one row per account, the figures an analyst reads first."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from cypheredge.reporter.domain.model import AccountPeriod
from cypheredge.reporter.workbook.aggregates import DayBalance, Totals, daily_balances, totals_by
from cypheredge.reporter.workbook.cells import (
    Cell,
    Column,
    Table,
    page_setup,
    plural,
    write_title,
)
from cypheredge.reporter.workbook.context import SheetContext

COLUMNS = (
    Column("Account", 18),
    Column("Currency", 9),
    Column("Statements", 11, "int"),
    Column("Period start", 12, "date"),
    Column("Period end", 12, "date"),
    Column("Opening balance", 15, "money"),
    Column("Closing balance", 15, "money"),
    Column("Total credits", 15, "money"),
    Column("Total debits", 15, "money"),
    Column("Net flow", 14, "money"),
    Column("Transactions", 12, "int"),
    Column("Reconciled", 11),
    Column("Balance breaks", 10, "int"),
    Column("Gaps", 7, "int"),
    Column("Pages", 7, "int"),
    Column("Extraction methods", 24),
    Column("Statement files", 40),
)


def batch_line(ctx: SheetContext) -> str:
    report = ctx.report
    statuses = Counter(doc.status for doc in report.statements)
    counts = ", ".join(f"{n} {status}" for status, n in sorted(statuses.items()))
    stamp = report.generated_at.strftime("%Y-%m-%d %H:%M %Z").strip()
    return (
        f"Batch {report.batch_id} · generated {stamp} · "
        f"{plural(len(report.statements), 'statement')} ({counts}) · "
        f"{plural(len(report.transactions), 'row')}"
    )


def write_summary(ws: Any, ctx: SheetContext) -> None:
    write_title(
        ws,
        ctx.fmt,
        "Statement analysis: summary by account",
        batch_line(ctx),
        "Totals leave out rows repeated by overlapping statements. Reconciled: every running "
        "and closing balance checks out (see Balance validation).",
    )
    page_setup(ws)
    table = Table(ws, ctx.fmt, COLUMNS)
    totals = totals_by(ctx.derived.unique(), lambda e: e.txn.account)
    days = ctx.derived.memo(daily_balances)
    for account in ctx.derived.accounts:
        periods = ctx.derived.periods.get(account, [])
        row = _account_row(ctx, account, periods, totals.get(account, Totals()), days[account])
        table.add(row, {6: ctx.fmt.negative} if _negative(row[6]) else None)
    table.close("No account was extracted from this batch.")


def _account_row(
    ctx: SheetContext,
    account: str,
    periods: Sequence[AccountPeriod],
    totals: Totals,
    days: Sequence[DayBalance],
) -> list[Cell]:
    docs = [ctx.derived.statement_by_id[i] for i in dict.fromkeys(p.statement_id for p in periods)]
    methods = Counter(page.method for doc in docs for page in doc.pages)
    breaks = ctx.derived.breaks_by_account[account]
    opening = periods[0].opening_balance if periods else None
    closing = periods[-1].closing_balance if periods else None
    if closing is None and days:
        closing = days[-1].balance
    return [
        account,
        ctx.derived.currency.get(account, ""),
        len(docs),
        days[0].day if days else None,
        days[-1].day if days else None,
        opening,
        closing,
        totals.credits,
        totals.debits,
        totals.net,
        totals.count,
        _reconciled(breaks, opening, closing),
        breaks,
        sum(1 for g in ctx.report.gaps if g.account == account),
        sum(len(doc.pages) for doc in docs),
        ", ".join(f"{m or 'unknown'} ({n})" for m, n in methods.most_common()),
        ", ".join(doc.filename for doc in docs),
    ]


def _negative(value: Cell) -> bool:
    return isinstance(value, Decimal) and value < 0


def _reconciled(breaks: int, opening: Decimal | None, closing: Decimal | None) -> str:
    if breaks:
        return "No"
    return "Yes" if opening is not None or closing is not None else "No balances"
