"""The reporter's model: extracted statements in, one batch report out.

Everything here is plain data (no I/O, no framework). The service layer turns the extraction
document contract into ``StatementDoc`` (``service/extraction.py``); ``BatchReport`` is what the
workbook and every export are built from.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class Transaction:
    id: str  # stable: the same statement and row give the same id on every rebuild
    statement_id: str
    statement_name: str
    account: str  # identity of the account across statements (see ``account_key``)
    index: int  # position within its statement
    date: date
    description: str
    debit: Decimal | None
    credit: Decimal | None
    balance: Decimal | None
    currency: str | None
    page: int
    method: str
    confidence: float

    @property
    def amount(self) -> Decimal:
        """Signed: credits positive, debits negative."""
        return (self.credit or Decimal(0)) - (self.debit or Decimal(0))


@dataclass(frozen=True)
class PageInfo:
    number: int
    method: str
    rows: int
    confidence: float


@dataclass(frozen=True)
class AccountPeriod:
    """One account's section of one statement."""

    statement_id: str
    statement_name: str
    account: str
    account_hint: str | None
    currency: str | None
    opening_balance: Decimal | None
    closing_balance: Decimal | None
    period_start: date | None
    period_end: date | None
    transactions: tuple[Transaction, ...]


@dataclass(frozen=True)
class StatementWarning:
    """What the extractor (or ingestion) says a reader must know, e.g. a repaired file.

    ``account`` is set when it is about one account of the statement."""

    code: str
    message: str
    page: int | None = None
    account: str | None = None


@dataclass(frozen=True)
class StatementDoc:
    statement_id: str
    filename: str
    status: str  # "extracted" | "rejected" | "failed"
    error: str | None = None
    sha256: str | None = None
    pages: tuple[PageInfo, ...] = ()
    accounts: tuple[AccountPeriod, ...] = ()
    warnings: tuple[StatementWarning, ...] = ()

    @property
    def transactions(self) -> tuple[Transaction, ...]:
        return tuple(t for a in self.accounts for t in a.transactions)


@dataclass(frozen=True)
class Enriched:
    """A transaction after cleaning and categorisation."""

    txn: Transaction
    category: str
    counterparty: str | None = None
    recurring_id: str | None = None
    duplicate_of: str | None = None  # id of the earlier copy from an overlapping statement
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class BalanceBreak:
    statement_id: str
    statement_name: str
    account: str
    kind: str  # "row" | "closing" | "between_statements"
    date: date | None
    transaction_id: str | None
    expected: Decimal
    found: Decimal

    @property
    def difference(self) -> Decimal:
        return self.found - self.expected


@dataclass(frozen=True)
class Gap:
    """Days not covered between two consecutive statements of one account."""

    account: str
    after_statement: str
    before_statement: str
    start: date
    end: date


@dataclass(frozen=True)
class RecurringSeries:
    id: str
    counterparty: str
    category: str
    direction: str  # "credit" | "debit"
    cadence: str  # "weekly" | "fortnightly" | "monthly" | "quarterly" | "yearly"
    typical_amount: Decimal
    transaction_ids: tuple[str, ...]


@dataclass(frozen=True)
class ReportParams:
    large_transaction_threshold: Decimal = Decimal("10000")
    low_confidence_threshold: float = 0.8
    own_account_names: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, params: dict[str, Any]) -> ReportParams:
        """Batch ``params`` as uploaded; unknown keys are ignored, bad values fall back."""
        default = cls()
        try:
            large = Decimal(
                str(params.get("large_transaction_threshold", default.large_transaction_threshold))
            )
        except ArithmeticError:
            large = default.large_transaction_threshold
        names = params.get("own_account_names", ())
        return cls(
            large_transaction_threshold=large,
            low_confidence_threshold=float(
                params.get("low_confidence_threshold", default.low_confidence_threshold)
            ),
            own_account_names=tuple(str(n) for n in names) if isinstance(names, list) else (),
        )


@dataclass(frozen=True)
class BatchReport:
    batch_id: str
    generated_at: datetime
    params: ReportParams
    statements: tuple[StatementDoc, ...]
    transactions: tuple[Enriched, ...]  # every row, ordered by account, date, statement, index
    breaks: tuple[BalanceBreak, ...] = ()
    gaps: tuple[Gap, ...] = ()
    recurring: tuple[RecurringSeries, ...] = ()
    versions: dict[str, str] = field(default_factory=dict)
    # Transfers between own accounts: transaction id -> id of the other leg (None when the
    # evidence is the description naming an own account).
    own_transfers: dict[str, str | None] = field(default_factory=dict)


def transaction_id(statement_id: str, index: int) -> str:
    digest = hashlib.sha256(f"{statement_id}:{index}".encode()).hexdigest()
    return f"txn_{digest[:20]}"


def account_key(filename: str, hint: str | None, position: int) -> str:
    """Accounts are matched across statements by their hint (masked number); without one, a
    statement's accounts are its own."""
    if hint:
        return hint.strip()
    return f"{filename}#{position + 1}"
