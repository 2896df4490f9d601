"""One summary per account across a batch's statements, for the accounting formats.

OFX, QIF and camt.053 describe an account's ledger, so rows that ``duplicate_of`` marks as a
repeat from an overlapping statement are left out there (importing them twice would double
count); CSV and JSON keep every row and show the mark instead.

Balances: the opening balance is the earliest statement's, the closing balance the latest's.
Where a statement gave none they are taken from the rows' running balances; where nothing
gives either the ledger is shown from zero, so that the entries still reconcile.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cypheredge.reporter.domain.model import AccountPeriod, BatchReport, Enriched

NO_CURRENCY = "XXX"  # ISO 4217's code for "no currency", valid wherever a code is required


@dataclass(frozen=True)
class AccountSummary:
    account: str
    currency: str
    opening: Decimal
    closing: Decimal
    start: date
    end: date
    entries: tuple[Enriched, ...]  # booked rows in report order, repeats left out


def summarise(report: BatchReport) -> tuple[AccountSummary, ...]:
    """Accounts in the order their statements list them."""
    periods: dict[str, list[AccountPeriod]] = {}
    for statement in report.statements:
        for period in statement.accounts:
            periods.setdefault(period.account, []).append(period)
    rows: dict[str, list[Enriched]] = {}
    for row in report.transactions:
        rows.setdefault(row.txn.account, []).append(row)
    keys = dict.fromkeys([*periods, *rows])
    fallback = report.generated_at.date()
    return tuple(
        _summary(key, _ordered(periods.get(key, [])), rows.get(key, []), fallback) for key in keys
    )


def _ordered(periods: list[AccountPeriod]) -> list[AccountPeriod]:
    def start(period: AccountPeriod) -> date:
        dates = [period.period_start, *(t.date for t in period.transactions)]
        return min((d for d in dates if d is not None), default=date.max)

    return sorted(periods, key=start)


def _summary(
    key: str, periods: Sequence[AccountPeriod], rows: Sequence[Enriched], fallback: date
) -> AccountSummary:
    entries = tuple(row for row in rows if row.duplicate_of is None)
    opening, closing = _balances(periods, entries)
    starts = [p.period_start for p in periods] + [e.txn.date for e in entries]
    ends = [p.period_end for p in periods] + [e.txn.date for e in entries]
    return AccountSummary(
        account=key,
        currency=_currency(periods, rows),
        opening=opening,
        closing=closing,
        start=min((d for d in starts if d is not None), default=fallback),
        end=max((d for d in ends if d is not None), default=fallback),
        entries=entries,
    )


def _balances(
    periods: Sequence[AccountPeriod], entries: Sequence[Enriched]
) -> tuple[Decimal, Decimal]:
    net = sum((e.txn.amount for e in entries), Decimal(0))
    opening = periods[0].opening_balance if periods else None
    closing = periods[-1].closing_balance if periods else None
    if opening is None and entries and entries[0].txn.balance is not None:
        opening = entries[0].txn.balance - entries[0].txn.amount
    if closing is None and entries:
        closing = entries[-1].txn.balance
    if opening is None:
        opening = Decimal(0) if closing is None else closing - net
    return opening, opening + net if closing is None else closing


def _currency(periods: Iterable[AccountPeriod], rows: Iterable[Enriched]) -> str:
    """The first ISO 4217 code found: OFX and camt.053 accept nothing else (not ``₹``)."""
    found = [p.currency for p in periods] + [r.txn.currency for r in rows]
    codes = (c.strip().upper() for c in found if c)
    return next((c for c in codes if len(c) == 3 and c.isascii() and c.isalpha()), NO_CURRENCY)
