"""The extraction result: one transaction model, statement metadata, per-page provenance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from cypheredge.extractor.domain.words import BBox

CENT = Decimal("0.01")


def money_text(value: Decimal | None) -> str | None:
    """Dot decimal, no grouping, at least two places (three-decimal currencies keep three)."""
    if value is None:
        return None
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -2:
        value = value.quantize(CENT)
    return f"{value:f}"


@dataclass(frozen=True, slots=True)
class Transaction:
    """One transaction: debit and credit are positive magnitudes, at most one of them set."""

    date: date
    description: str
    debit: Decimal | None
    credit: Decimal | None
    balance: Decimal | None
    currency: str | None
    account: int
    page: int
    bbox: BBox
    method: str
    confidence: float
    reference: str | None = None  # reference columns printed beside the description
    code: str | None = None  # the payment type as printed (`DD`, `TFR`, `VIS`)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "date": self.date.isoformat(),
            "description": self.description,
            "debit": money_text(self.debit),
            "credit": money_text(self.credit),
            "balance": money_text(self.balance),
            "currency": self.currency,
            "account": self.account,
            "page": self.page,
            "method": self.method,
            "confidence": self.confidence,
        }
        out["bbox"] = [round(v, 2) for v in self.bbox]
        out["reference"] = self.reference
        out["type"] = self.code
        return out


@dataclass(frozen=True, slots=True)
class PageReport:
    """Which method read a page, how many transactions it gave and how sure it is."""

    number: int
    method: str
    rows: int
    confidence: float

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "method": self.method,
            "rows": self.rows,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the reader of a result must know: a repaired file, a guessed year, ...

    `code` is stable (machine-readable); `message` is for people; `page` where it is local."""

    code: str
    message: str
    page: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "page": self.page}


@dataclass(frozen=True, slots=True)
class ChainBreak:
    """Where the balance chain first fails: the printed balance of transaction `index` (0-based
    within its account) is not the previous balance plus the rows in between."""

    index: int
    page: int
    date: date
    expected: Decimal
    printed: Decimal

    def to_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "page": self.page,
            "date": self.date.isoformat(),
            "expected": money_text(self.expected),
            "printed": money_text(self.printed),
        }


@dataclass(frozen=True, slots=True)
class AccountInfo:
    """One account of one statement. A bundle of monthly statements of one account gives one
    AccountInfo per month (`statement` numbers them from 0), each with its own period and ends.

    `difference` is closing - (opening + credits - debits) when both ends are known; zero when
    the account reconciles."""

    account_hint: str | None
    currency: str | None
    opening_balance: Decimal | None
    closing_balance: Decimal | None
    statement: int = 0
    period_start: date | None = None
    period_end: date | None = None
    reconciled: bool | None = None
    difference: Decimal | None = None
    first_break: ChainBreak | None = None
    warnings: tuple[Notice, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "account_hint": self.account_hint,
            "currency": self.currency,
            "opening_balance": money_text(self.opening_balance),
            "closing_balance": money_text(self.closing_balance),
            "statement": self.statement,
            "period_start": _iso(self.period_start),
            "period_end": _iso(self.period_end),
            "reconciled": self.reconciled,
            "difference": money_text(self.difference),
            "first_break": self.first_break.to_json() if self.first_break else None,
            "warnings": [w.to_json() for w in self.warnings],
        }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


@dataclass(frozen=True, slots=True)
class StatementInfo:
    """Statement-level facts; balances and currency are the first account's."""

    opening_balance: Decimal | None = None
    closing_balance: Decimal | None = None
    currency: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    account_hint: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "opening_balance": money_text(self.opening_balance),
            "closing_balance": money_text(self.closing_balance),
            "currency": self.currency,
            "period_start": self.period_start.isoformat() if self.period_start else None,
            "period_end": self.period_end.isoformat() if self.period_end else None,
        }


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    """Everything read from one statement PDF."""

    statement: StatementInfo
    accounts: tuple[AccountInfo, ...]
    transactions: tuple[Transaction, ...]
    pages: tuple[PageReport, ...]
    reconciled: bool | None = None  # every account's balances add up (None: cannot tell)
    error: str | None = None
    warnings: tuple[Notice, ...] = ()  # about the whole document (repaired file, no year, ...)
    # Pages only OCR could read and no OCR reader ran on, each with why (`it has no text
    # layer`): what sends a statement to the OCR extractor. Each has a `page_not_read` too.
    ocr_pages: tuple[tuple[int, str], ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The CLI's JSON document (flat: accounts and transactions of every statement)."""
        out: dict[str, Any] = {
            "statement": self.statement.to_json(),
            "accounts": [a.to_json() for a in self.accounts],
            "transactions": [t.to_json() for t in self.transactions],
            "pages": [p.to_json() for p in self.pages],
            "reconciled": self.reconciled,
            "warnings": [w.to_json() for w in self.warnings],
        }
        if self.error is not None:
            out["error"] = self.error
        return out

    @classmethod
    def rejected(cls, reason: str) -> ExtractionResult:
        """The result for a file that could not be read at all."""
        return cls(StatementInfo(), (), (), (), None, reason)
