"""The ledger behind a synthetic statement and the ground truth derived from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from cypheredge.synth.formats import NumberStyle, places, plain

Truth = dict[str, Any]


@dataclass(frozen=True)
class Txn:
    """One posted transaction; `amount` is signed (credit > 0), `balance` is the running balance."""

    day: date
    description: str
    amount: Decimal
    balance: Decimal
    value_day: date
    reference: str
    kind: str

    @property
    def debit(self) -> Decimal | None:
        return -self.amount if self.amount < 0 else None

    @property
    def credit(self) -> Decimal | None:
        return self.amount if self.amount >= 0 else None


@dataclass(frozen=True)
class Account:
    """One account printed in the statement, with its transactions in posting order.

    A bundle of statements in one PDF has one Account per (statement, account): `statement`
    numbers the statements from 0 and `start`/`end` give that statement's own period (None: the
    Statement's). Balances are signed from the holder's side: a loan's or a card's balance is
    what is owed, so it is negative. `valued` is the closing value of an account printed without
    a transaction list (an investment valuation), which moves with prices, not with rows.

    The truth gives balances as printed: an `owed` account's balances are what is owed
    (positive; a card in credit is negative), flagged `balance_owed` in its entry."""

    name: str
    masked: str
    currency: str
    opening: Decimal
    txns: tuple[Txn, ...]
    start: date | None = None
    end: date | None = None
    statement: int = 0
    valued: Decimal | None = None
    owed: bool = False  # a card or a loan: printed (and so in the truth) as what is owed

    @property
    def closing(self) -> Decimal:
        if self.valued is not None:
            return self.valued
        return self.txns[-1].balance if self.txns else self.opening

    @property
    def total_credits(self) -> Decimal:
        return sum((t.amount for t in self.txns if t.amount >= 0), Decimal(0))

    @property
    def total_debits(self) -> Decimal:
        return sum((-t.amount for t in self.txns if t.amount < 0), Decimal(0))


@dataclass(frozen=True)
class Party:
    """A bank or an account holder: a name and the address lines printed under it."""

    name: str
    address: tuple[str, ...]


@dataclass(frozen=True)
class Statement:
    """Everything a layout prints, before it decides how."""

    bank: Party
    holder: Party
    start: date
    end: date
    accounts: tuple[Account, ...]


@dataclass
class TruthLog:
    """Truth rows in document order; the renderer fills in the printed description and page."""

    rows: list[Truth] = field(default_factory=list)

    def row(self, txn: Txn, account: int, currency: str, *, balance: bool = True) -> Truth:
        """Register `txn`; `balance=False` where the layout prints no balance on this row."""
        decimals = places(currency)
        entry: Truth = {
            "date": txn.day.isoformat(),
            "description": txn.description,
            "debit": plain(txn.debit, decimals),
            "credit": plain(txn.credit, decimals),
            "balance": plain(txn.balance, decimals) if balance else None,
            "currency": currency,
            "account": account,
            "page": None,
        }
        self.rows.append(entry)
        return entry


def _account_entry(acc: Account, statement: Statement) -> Truth:
    sign, decimals = -1 if acc.owed else 1, places(acc.currency)
    entry: Truth = {
        "account_hint": acc.masked,
        "currency": acc.currency,
        "opening_balance": plain(acc.opening * sign, decimals),
        "closing_balance": plain(acc.closing * sign, decimals),
        "statement": acc.statement,
        "period_start": (acc.start or statement.start).isoformat(),
        "period_end": (acc.end or statement.end).isoformat(),
    }
    if acc.owed:
        entry["balance_owed"] = True
    return entry


def _as_printed(row: Truth) -> Truth:
    balance = row["balance"]
    spelled = None if balance is None else plain(-Decimal(balance), places(row["currency"]))
    return {**row, "balance": spelled}


def build_truth(statement: Statement, log: TruthLog) -> Truth:
    """The expected extraction, in the extractor CLI's JSON shape; the hint is the masked number.

    One account entry per (statement, account) in document order, each with its statement's
    index and period; the top-level statement has the first account's balances and the period
    of the whole document (a bundle's first start to its last end)."""
    accounts = [_account_entry(acc, statement) for acc in statement.accounts]
    owed = {i for i, acc in enumerate(statement.accounts) if acc.owed}
    rows = [_as_printed(row) if row["account"] in owed else row for row in log.rows]
    first = accounts[0]
    return {
        "statement": {
            "opening_balance": first["opening_balance"],
            "closing_balance": first["closing_balance"],
            "currency": first["currency"],
            "period_start": statement.start.isoformat(),
            "period_end": statement.end.isoformat(),
        },
        "accounts": accounts,
        "transactions": rows,
    }


@dataclass(frozen=True)
class SyntheticStatement:
    """A generated PDF, its ground truth, and how its numbers were printed."""

    pdf: bytes
    truth: Truth
    layout: str
    seed: int
    numbers: NumberStyle
    password: str | None = None
