"""Totals the summary sheets are built from: plain Decimal arithmetic, no workbook."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TypeVar

from cypheredge.reporter.domain.model import Enriched, Transaction
from cypheredge.reporter.workbook.context import Derived, month_of

K = TypeVar("K", bound=Hashable)
ZERO = Decimal(0)


@dataclass
class Totals:
    credits: Decimal = ZERO
    debits: Decimal = ZERO
    credit_count: int = 0
    debit_count: int = 0

    def add(self, txn: Transaction) -> None:
        if txn.credit:
            self.credits += txn.credit
            self.credit_count += 1
        if txn.debit:
            self.debits += txn.debit
            self.debit_count += 1

    @property
    def net(self) -> Decimal:
        return self.credits - self.debits

    @property
    def count(self) -> int:
        return self.credit_count + self.debit_count


def totals_by(rows: Iterable[Enriched], key: Callable[[Enriched], K | None]) -> dict[K, Totals]:
    """Totals per key (rows whose key is None are left out), in first-seen order."""
    out: dict[K, Totals] = defaultdict(Totals)
    for e in rows:
        k = key(e)
        if k is not None:
            out[k].add(e.txn)
    return dict(out)


def monthly(derived: Derived) -> dict[tuple[str, date], Totals]:
    """Per account and month, sorted by account (first-seen order) then month."""
    totals = totals_by(derived.unique(), lambda e: (e.txn.account, month_of(e.txn.date)))
    order = {a: i for i, a in enumerate(derived.accounts)}
    return dict(sorted(totals.items(), key=lambda kv: (order[kv[0][0]], kv[0][1])))


def cash_flow(derived: Derived) -> dict[tuple[str, date], Totals]:
    """Per currency and month across accounts, sorted by currency then month."""
    totals = totals_by(derived.unique(), lambda e: (derived.currency_of(e), month_of(e.txn.date)))
    return dict(sorted(totals.items()))


@dataclass(frozen=True)
class DayBalance:
    account: str
    day: date
    balance: Decimal | None  # end of day; carried forward over days without rows
    credits: Decimal
    debits: Decimal
    count: int
    in_gap: bool  # no statement covers the day


def daily_balances(derived: Derived) -> dict[str, list[DayBalance]]:
    """End-of-day balance per account for every day from its first to its last covered day."""
    rows: dict[str, list[Transaction]] = defaultdict(list)
    for e in derived.unique():
        rows[e.txn.account].append(e.txn)
    return {a: _account_days(derived, a, rows.get(a, [])) for a in derived.accounts}


def _account_days(derived: Derived, account: str, txns: list[Transaction]) -> list[DayBalance]:
    txns = sorted(txns, key=lambda t: t.date)  # stable: statement order within a day
    periods = derived.periods.get(account, [])
    bounds = [t.date for t in txns[:1] + txns[-1:]]
    bounds += [d for p in periods for d in (p.period_start, p.period_end) if d]
    if not bounds:
        return []
    openings = {
        p.period_start: p.opening_balance
        for p in periods
        if p.period_start and p.opening_balance is not None
    }
    gaps = [(g.start, g.end) for g in derived.report.gaps if g.account == account]
    running = periods[0].opening_balance if periods else None
    out: list[DayBalance] = []
    i, day, last = 0, min(bounds), max(bounds)
    while day <= last:
        running = openings.get(day, running)
        credits, debits, count = ZERO, ZERO, 0
        while i < len(txns) and txns[i].date == day:
            t = txns[i]
            credits += t.credit or ZERO
            debits += t.debit or ZERO
            count += 1
            running = _after(running, t)
            i += 1
        in_gap = any(start <= day <= end for start, end in gaps)
        out.append(DayBalance(account, day, running, credits, debits, count, in_gap))
        day += timedelta(days=1)
    return out


def _after(running: Decimal | None, txn: Transaction) -> Decimal | None:
    if txn.balance is not None:
        return txn.balance
    return None if running is None else running + txn.amount


def month_end_balances(days: dict[str, list[DayBalance]]) -> dict[tuple[str, date], Decimal]:
    """The last known end-of-day balance of each account's months."""
    out: dict[tuple[str, date], Decimal] = {}
    for account, series in days.items():
        for d in series:
            if d.balance is not None:
                out[(account, month_of(d.day))] = d.balance
    return out
