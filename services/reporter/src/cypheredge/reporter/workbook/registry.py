"""The workbook's sheets, in order: name -> writer. Add a sheet by adding a line here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cypheredge.reporter.workbook.context import SheetContext
from cypheredge.reporter.workbook.sheets import (
    activity,
    balances,
    counterparties,
    flags,
    metadata,
    monthly,
    recurring,
    spend,
    summary,
    transactions,
)

SheetWriter = Callable[[Any, SheetContext], None]

SHEETS: dict[str, SheetWriter] = {
    "Summary": summary.write_summary,
    "Transactions": transactions.write_transactions,
    "Monthly summary": monthly.write_monthly,
    "Category summary": spend.write_categories,
    "Credits": transactions.write_credits,
    "Debits": transactions.write_debits,
    "Cash flow": monthly.write_cash_flow,
    "Daily balances": balances.write_daily,
    "Balance validation": balances.write_validation,
    "Recurring payments": recurring.write_recurring,
    "Income": recurring.write_income,
    "Loans and EMIs": recurring.write_loans,
    "Bank charges and interest": activity.write_charges,
    "Returned & bounced (NSF)": activity.write_returned,
    "Large transactions": transactions.write_large,
    "Top counterparties": counterparties.write_counterparties,
    "Cash": activity.write_cash,
    "Transfers between own accounts": counterparties.write_transfers,
    "Flags": flags.write_flags,
    "Metadata": metadata.write_metadata,
}
