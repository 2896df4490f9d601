"""Balance validation: every break located (which row or statement, expected vs found).

Three checks: the running balance row by row ("row"), opening + credits - debits = closing per
statement ("closing"), and each statement opening where the previous one of the same account
closed ("between_statements"). Amounts are Decimals, so equality is exact: no tolerance.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from itertools import pairwise

from cypheredge.reporter.domain.dedupe import periods_by_account, span
from cypheredge.reporter.domain.model import (
    AccountPeriod,
    BalanceBreak,
    StatementDoc,
    Transaction,
)


def validate(statements: Sequence[StatementDoc]) -> tuple[BalanceBreak, ...]:
    """Every break in the extracted statements, account by account, in period order."""
    breaks: list[BalanceBreak] = []
    for _, periods in sorted(periods_by_account(statements).items()):
        for period in periods:
            breaks.extend(row_breaks(period))
            breaks.extend(closing_breaks(period))
        breaks.extend(between_breaks(periods))
    return tuple(breaks)


def chronological(period: AccountPeriod) -> tuple[Transaction, ...]:
    """Rows oldest first: some banks print the newest transaction at the top."""
    txns = period.transactions
    if len(txns) > 1 and txns[0].date > txns[-1].date:
        return tuple(reversed(txns))
    return txns


def row_breaks(period: AccountPeriod) -> list[BalanceBreak]:
    """Rows whose printed balance is not the previous balance plus the row's amount. Rows
    without a balance carry the running total on to the next printed one; after a break the
    check restarts from the printed balance, so one bad row is reported once."""
    breaks = []
    previous = period.opening_balance
    for txn in chronological(period):
        expected = None if previous is None else previous + txn.amount
        if txn.balance is None:
            previous = expected
            continue
        if expected is not None and expected != txn.balance:
            breaks.append(_break(period, "row", txn.date, txn.id, expected, txn.balance))
        previous = txn.balance
    return breaks


def closing_breaks(period: AccountPeriod) -> list[BalanceBreak]:
    opening = opening_of(period)
    if opening is None or period.closing_balance is None:
        return []
    expected = opening + sum((t.amount for t in period.transactions), Decimal(0))
    if expected == period.closing_balance:
        return []
    covered = span(period)
    when = covered[1] if covered else None
    return [_break(period, "closing", when, None, expected, period.closing_balance)]


def between_breaks(periods: Sequence[AccountPeriod]) -> list[BalanceBreak]:
    """Consecutive periods of one account (ordered) must chain. Overlapping periods are left
    to duplicate detection: the later one rightly opens before the earlier one closed."""
    breaks = []
    for before, after in pairwise(periods):
        span_before, span_after = span(before), span(after)
        if span_before and span_after and span_after[0] <= span_before[1]:
            continue
        closed, opened = closing_of(before), opening_of(after)
        if closed is None or opened is None or closed == opened:
            continue
        when = span_after[0] if span_after else None
        breaks.append(_break(after, "between_statements", when, None, closed, opened))
    return breaks


def opening_of(period: AccountPeriod) -> Decimal | None:
    """The printed opening balance, else the one the first printed row balance implies."""
    if period.opening_balance is not None:
        return period.opening_balance
    moved = Decimal(0)
    for txn in chronological(period):
        moved += txn.amount
        if txn.balance is not None:
            return txn.balance - moved
    return None


def closing_of(period: AccountPeriod) -> Decimal | None:
    """The printed closing balance, else the one the last printed row balance implies."""
    if period.closing_balance is not None:
        return period.closing_balance
    moved = Decimal(0)
    for txn in reversed(chronological(period)):
        if txn.balance is not None:
            return txn.balance + moved
        moved += txn.amount
    if period.opening_balance is None:
        return None
    return period.opening_balance + moved


def _break(
    period: AccountPeriod,
    kind: str,
    when: date | None,
    transaction_id: str | None,
    expected: Decimal,
    found: Decimal,
) -> BalanceBreak:
    return BalanceBreak(
        statement_id=period.statement_id,
        statement_name=period.statement_name,
        account=period.account,
        kind=kind,
        date=when,
        transaction_id=transaction_id,
        expected=expected,
        found=found,
    )
