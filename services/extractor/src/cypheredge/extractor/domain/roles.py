"""What a column holds: the roles header titles name."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """What a column holds."""

    DATE = "date"
    VALUE_DATE = "value_date"
    DESCRIPTION = "description"
    REFERENCE = "reference"
    DEBIT = "debit"
    CREDIT = "credit"
    AMOUNT = "amount"
    BALANCE = "balance"
    MARKER = "marker"
    OTHER = "other"


MONEY_ROLES = frozenset({Role.DEBIT, Role.CREDIT, Role.AMOUNT, Role.BALANCE})
MOVEMENT_ROLES = frozenset({Role.DEBIT, Role.CREDIT, Role.AMOUNT})
DATE_ROLES = frozenset({Role.DATE, Role.VALUE_DATE})
