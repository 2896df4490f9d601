"""Transactions (every row), Credits, Debits and Large transactions."""

from __future__ import annotations

from typing import Any

from cypheredge.reporter.domain.model import Enriched
from cypheredge.reporter.workbook.cells import Column
from cypheredge.reporter.workbook.context import (
    DUPLICATE,
    LARGE,
    LOW_CONFIDENCE,
    Derived,
    SheetContext,
)
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
    DIRECTION,
    METHOD,
    PAGE,
    SOURCE,
    STATEMENT,
    TXN_ID,
    Field,
    write_listing,
)

NO_DUPLICATES = "Copies repeated by overlapping statements are left out (see Flags)."


def row_flags(e: Enriched, derived: Derived) -> str:
    """The row's own flags plus what the workbook checks itself (named as the reporter does)."""
    flags = list(e.flags)
    if e.duplicate_of:
        flags.append(DUPLICATE)
    if derived.is_low_confidence(e):
        flags.append(LOW_CONFIDENCE)
    if derived.is_large(e):
        flags.append(LARGE)
    return ", ".join(dict.fromkeys(flags))


def _all_fields(derived: Derived) -> tuple[Field, ...]:
    return (
        DATE,
        ACCOUNT,
        DESCRIPTION,
        DEBIT,
        CREDIT,
        BALANCE,
        Field(Column("Currency", 9), derived.currency_of),
        CATEGORY,
        COUNTERPARTY,
        STATEMENT,
        PAGE,
        METHOD,
        Field(
            Column("Confidence", 11, "conf"),
            lambda e: e.txn.confidence,
            lambda e: "low" if derived.is_low_confidence(e) else None,
        ),
        Field(
            Column("Recurring", 11),
            lambda e: derived.cadence.get(e.recurring_id or "", e.recurring_id),
        ),
        Field(Column("Flags", 24), lambda e: row_flags(e, derived)),
        Field(Column("Duplicate of", 26), lambda e: e.duplicate_of),
        TXN_ID,
    )


def write_transactions(ws: Any, ctx: SheetContext) -> None:
    report = ctx.report
    note = (
        f"Every extracted row ({len(report.transactions):,}), by account and date. Confidence "
        f"below {report.params.low_confidence_threshold:.2f} is shaded; duplicates are kept "
        "here and flagged."
    )
    write_listing(
        ws,
        ctx,
        "Transactions",
        note,
        _all_fields(ctx.derived),
        report.transactions,
        "No transactions were extracted.",
    )


def write_credits(ws: Any, ctx: SheetContext) -> None:
    fields = (DATE, ACCOUNT, DESCRIPTION, AMOUNT, BALANCE, CATEGORY, COUNTERPARTY, *SOURCE)
    rows = (e for e in ctx.derived.unique() if e.txn.credit)
    write_listing(ws, ctx, "Credits (money in)", NO_DUPLICATES, fields, rows, "No credits.")


def write_debits(ws: Any, ctx: SheetContext) -> None:
    fields = (DATE, ACCOUNT, DESCRIPTION, AMOUNT, BALANCE, CATEGORY, COUNTERPARTY, *SOURCE)
    rows = (e for e in ctx.derived.unique() if e.txn.debit)
    write_listing(ws, ctx, "Debits (money out)", NO_DUPLICATES, fields, rows, "No debits.")


def write_large(ws: Any, ctx: SheetContext) -> None:
    fields = (DATE, ACCOUNT, DESCRIPTION, DIRECTION, AMOUNT, BALANCE, CATEGORY, COUNTERPARTY)
    note = f"Credits and debits of {ctx.threshold:,.2f} or more. {NO_DUPLICATES}"
    rows = (e for e in ctx.derived.unique() if ctx.derived.is_large(e))
    write_listing(
        ws,
        ctx,
        "Large transactions",
        note,
        (*fields, STATEMENT, PAGE, TXN_ID),
        rows,
        f"No transaction of {ctx.threshold:,.2f} or more.",
    )
