"""Batch reports built by hand, for tests of what is made from a report (exports, workbook).

``build`` turns statement sections into a ``BatchReport`` the way the reporter would
(transaction ids from ``transaction_id``, rows ordered by account, date, statement, index);
``sample_report`` is a small batch with the awkward cases: two accounts in two currencies, an
account over two overlapping statements with a repeated row, an overdraft, a wrapped
description, non-ASCII text (é, ₹), text that looks like a spreadsheet formula and an amount
with many digits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from cypheredge.reporter.domain.model import (
    AccountPeriod,
    BatchReport,
    Enriched,
    ReportParams,
    StatementDoc,
    Transaction,
    transaction_id,
)

BATCH_ID = "4f9c2a1e-7b3d-4c8e-9a6f-0d1e2f3a4b5c"
GENERATED_AT = datetime(2024, 3, 1, 9, 30, tzinfo=UTC)


@dataclass(frozen=True)
class Line:
    day: str
    description: str
    debit: str | None = None
    credit: str | None = None
    balance: str | None = None
    category: str = "Uncategorised"
    counterparty: str | None = None
    flags: tuple[str, ...] = ()
    duplicate_of: str | None = None
    page: int = 1
    confidence: float = 0.97


@dataclass(frozen=True)
class Section:
    """One account's part of one statement."""

    statement_id: str
    filename: str
    account: str
    currency: str | None
    opening: str | None
    closing: str | None
    start: str | None
    end: str | None
    lines: tuple[Line, ...]


def build(
    sections: Sequence[Section], batch_id: str = BATCH_ID, generated_at: datetime = GENERATED_AT
) -> BatchReport:
    counters: dict[str, int] = {}
    periods: dict[str, list[AccountPeriod]] = {}
    rows: list[tuple[int, Enriched]] = []
    for section in sections:
        enriched = [_enriched(section, line, counters) for line in section.lines]
        order = list(dict.fromkeys(s.statement_id for s in sections)).index(section.statement_id)
        rows += [(order, e) for e in enriched]
        periods.setdefault(section.statement_id, []).append(_period(section, enriched))
    statements = tuple(
        StatementDoc(sid, accounts[0].statement_name, "extracted", accounts=tuple(accounts))
        for sid, accounts in periods.items()
    )
    rows.sort(key=lambda r: (r[1].txn.account, r[1].txn.date, r[0], r[1].txn.index))
    return BatchReport(
        batch_id=batch_id,
        generated_at=generated_at,
        params=ReportParams(),
        statements=statements,
        transactions=tuple(e for _, e in rows),
    )


def _enriched(section: Section, line: Line, counters: dict[str, int]) -> Enriched:
    index = counters.get(section.statement_id, 0)
    counters[section.statement_id] = index + 1
    txn = Transaction(
        id=transaction_id(section.statement_id, index),
        statement_id=section.statement_id,
        statement_name=section.filename,
        account=section.account,
        index=index,
        date=date.fromisoformat(line.day),
        description=line.description,
        debit=_decimal(line.debit),
        credit=_decimal(line.credit),
        balance=_decimal(line.balance),
        currency=section.currency,
        page=line.page,
        method="words",
        confidence=line.confidence,
    )
    return Enriched(
        txn=txn,
        category=line.category,
        counterparty=line.counterparty,
        duplicate_of=line.duplicate_of,
        flags=line.flags,
    )


def _period(section: Section, rows: Sequence[Enriched]) -> AccountPeriod:
    return AccountPeriod(
        statement_id=section.statement_id,
        statement_name=section.filename,
        account=section.account,
        account_hint=section.account,
        currency=section.currency,
        opening_balance=_decimal(section.opening),
        closing_balance=_decimal(section.closing),
        period_start=None if section.start is None else date.fromisoformat(section.start),
        period_end=None if section.end is None else date.fromisoformat(section.end),
        transactions=tuple(r.txn for r in rows),
    )


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


INR_ACCOUNT = "XXXX1234"
EUR_ACCOUNT = "FR76 3000 6000 0112 3456 7890 189"  # longer than OFX's 22-character ACCTID

WRAPPED = (
    "NEFT TRANSFER TO SELF FOR RENT AND\nMAINTENANCE CHARGES FOR THE MONTH OF "
    '"JANUARY 2024" PAID VIA NET BANKING, REF NO 998877665544 / BRANCH: MUMBAI FORT '
    "(MAIN) & OTHERS"
)

JANUARY = Section(
    "stmt_jan", "jan.pdf", INR_ACCOUNT, "INR", "10000.00", "40749.50",
    "2024-01-01", "2024-01-31",
    (
        Line("2024-01-02", "SALARY ACME CORP PVT LTD", credit="50000.00", balance="60000.00",
             category="Income:Salary", counterparty="ACME Corp"),
        Line("2024-01-05", "UPI/Café Mocha/₹ payment ref 123456", debit="250.50",
             balance="59749.50", category="Food & Dining", counterparty="Café Mocha ₹ Store"),
        Line("2024-01-20", WRAPPED, debit="18000.00", balance="41749.50",
             category="Housing/Rent [Home]", page=2),
        Line("2024-01-30", "@SUM(1+1) ATM WDL", debit="1000.00", balance="40749.50",
             category="Cash", flags=("large_transaction",), page=2),
    ),
)  # fmt: skip

FEBRUARY = Section(
    "stmt_feb", "feb.pdf", INR_ACCOUNT, "INR", "41749.50", "40462.84",
    "2024-01-30", "2024-02-29",
    (
        Line("2024-01-30", "@SUM(1+1) ATM WDL", debit="1000.00", balance="40749.50",
             category="Cash", duplicate_of=transaction_id("stmt_jan", 3)),
        Line("2024-02-03", "INTEREST CREDIT", credit="12.34", balance="40761.84",
             category="Income:Interest"),
        Line("2024-02-15", "+91 MOBILE RECHARGE", debit="299.00", balance="40462.84",
             category="Utilities", counterparty="Jio"),
    ),
)  # fmt: skip

EUROS = Section(
    "stmt_eur", "relevé-février.pdf", EUR_ACCOUNT, "EUR", "-1500.00", "98765430486.42",
    "2024-02-01", "2024-02-29",
    (
        Line("2024-02-01", "Virement reçu — Société Générale", credit="98765432109.87",
             balance="98765430609.87", category="Income:Transfer",
             counterparty="Société Générale SA"),
        Line("2024-02-10", "-CB CARREFOUR & CIE <PARIS>", debit="123.45",
             balance="98765430486.42", category="Groceries",
             flags=("low_confidence", "large_transaction"), page=2, confidence=0.61),
    ),
)  # fmt: skip


def sample_report(generated_at: datetime = GENERATED_AT) -> BatchReport:
    return build([JANUARY, FEBRUARY, EUROS], generated_at=generated_at)


def single_account_report() -> BatchReport:
    return build([EUROS])
