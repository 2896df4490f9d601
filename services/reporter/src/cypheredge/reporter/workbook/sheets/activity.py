"""Bank charges and interest, Returned and bounced payments (NSF), Cash."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from cypheredge.reporter.domain.model import Enriched
from cypheredge.reporter.workbook.categories import (
    BANK_CHARGES,
    CASH,
    CASH_WITHDRAWALS,
    CHARGES_AND_INTEREST,
    INTEREST,
    RETURNED_PAYMENTS,
)
from cypheredge.reporter.workbook.cells import Column, plural
from cypheredge.reporter.workbook.context import SheetContext
from cypheredge.reporter.workbook.sheets.listing import (
    ACCOUNT,
    AMOUNT,
    BALANCE,
    CATEGORY,
    COUNTERPARTY,
    CREDIT,
    DATE,
    DEBIT,
    DESCRIPTION,
    SOURCE,
    STANDARD,
    Field,
    write_listing,
)


def _sum(values: Iterable[Decimal | None]) -> str:
    return f"{sum((v for v in values if v), Decimal(0)):,.2f}"


def _in(ctx: SheetContext, categories: frozenset[str]) -> list[Enriched]:
    return [e for e in ctx.derived.unique() if e.category in categories]


def write_charges(ws: Any, ctx: SheetContext) -> None:
    rows = _in(ctx, CHARGES_AND_INTEREST)
    fees = [e for e in rows if e.category == BANK_CHARGES]
    interest = [e for e in rows if e.category == INTEREST]
    note = (
        f"Fees and charges paid {_sum(e.txn.debit for e in fees)} (refunded "
        f"{_sum(e.txn.credit for e in fees)}); interest received "
        f"{_sum(e.txn.credit for e in interest)}, paid {_sum(e.txn.debit for e in interest)}."
    )
    write_listing(
        ws,
        ctx,
        "Bank charges and interest",
        note,
        (*STANDARD, *SOURCE),
        rows,
        "No bank charges or interest found.",
    )


def write_returned(ws: Any, ctx: SheetContext) -> None:
    rows = _in(ctx, RETURNED_PAYMENTS)
    months = len({(e.txn.date.year, e.txn.date.month) for e in rows})
    note = (
        f"{plural(len(rows), 'returned or bounced payment')} in {plural(months, 'month')}: debits "
        f"{_sum(e.txn.debit for e in rows)}, credits {_sum(e.txn.credit for e in rows)}. "
        "Bounces and NSF charges weigh on creditworthiness."
    )
    write_listing(
        ws,
        ctx,
        "Returned and bounced payments (NSF)",
        note,
        (DATE, ACCOUNT, DESCRIPTION, DEBIT, CREDIT, COUNTERPARTY, CATEGORY, *SOURCE),
        rows,
        "No returned or bounced payments found.",
    )


def write_cash(ws: Any, ctx: SheetContext) -> None:
    rows = _in(ctx, CASH)
    out = [e for e in rows if e.category == CASH_WITHDRAWALS]
    note = (
        f"ATM and branch cash: {plural(len(out), 'withdrawal')} totalling "
        f"{_sum(abs(e.txn.amount) for e in out)}; {plural(len(rows) - len(out), 'deposit')} "
        "totalling "
        f"{_sum(abs(e.txn.amount) for e in rows if e.category != CASH_WITHDRAWALS)}."
    )
    kind = Field(
        Column("Type", 11),
        lambda e: "withdrawal" if e.category == CASH_WITHDRAWALS else "deposit",
    )
    write_listing(
        ws,
        ctx,
        "Cash withdrawals and deposits",
        note,
        (DATE, ACCOUNT, DESCRIPTION, kind, AMOUNT, BALANCE, *SOURCE),
        rows,
        "No cash withdrawals or deposits found.",
    )
