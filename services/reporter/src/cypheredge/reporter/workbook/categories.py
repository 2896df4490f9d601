"""The category names the workbook groups by: the one place to point at the categoriser's.

The strings are the categoriser's taxonomy. The groups below decide which categories feed
which sheet; a category the workbook does not know still appears on Transactions and
Category summary, after the known ones.
"""

from __future__ import annotations

SALARY = "income/salary"
TRANSFERS_IN = "transfers in"
TRANSFERS_OUT = "transfers out"
RENT = "rent"
UTILITIES = "utilities"
GROCERIES = "groceries"
DINING = "dining"
TRAVEL = "travel"
FUEL = "fuel"
SHOPPING = "shopping"
SUBSCRIPTIONS = "subscriptions"
LOAN_REPAYMENTS = "loan/EMI repayments"
CARD_PAYMENTS = "credit card payments"
CASH_WITHDRAWALS = "cash withdrawals"
CASH_DEPOSITS = "cash deposits"
BANK_CHARGES = "bank charges/fees"
INTEREST = "interest"
TAXES = "taxes"
REFUNDS = "refunds"
RETURNED = "returned/bounced payments"
INVESTMENTS = "investments"
INSURANCE = "insurance"
OTHER = "other"

TAXONOMY: tuple[str, ...] = (
    SALARY,
    TRANSFERS_IN,
    TRANSFERS_OUT,
    RENT,
    UTILITIES,
    GROCERIES,
    DINING,
    TRAVEL,
    FUEL,
    SHOPPING,
    SUBSCRIPTIONS,
    LOAN_REPAYMENTS,
    CARD_PAYMENTS,
    CASH_WITHDRAWALS,
    CASH_DEPOSITS,
    BANK_CHARGES,
    INTEREST,
    TAXES,
    REFUNDS,
    RETURNED,
    INVESTMENTS,
    INSURANCE,
    OTHER,
)

# Which categories feed which sheet.
INCOME: frozenset[str] = frozenset({SALARY})
DEBT_SERVICING: frozenset[str] = frozenset({LOAN_REPAYMENTS, CARD_PAYMENTS})
CHARGES_AND_INTEREST: frozenset[str] = frozenset({BANK_CHARGES, INTEREST})
RETURNED_PAYMENTS: frozenset[str] = frozenset({RETURNED})
CASH: frozenset[str] = frozenset({CASH_WITHDRAWALS, CASH_DEPOSITS})
TRANSFERS: frozenset[str] = frozenset({TRANSFERS_IN, TRANSFERS_OUT})


def taxonomy_order(category: str) -> tuple[int, str]:
    """Sort key: the taxonomy's order, unknown categories after it by name."""
    try:
        return (TAXONOMY.index(category), "")
    except ValueError:
        return (len(TAXONOMY), category)
