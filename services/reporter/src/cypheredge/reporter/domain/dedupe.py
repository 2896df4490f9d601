"""Cleaning across statements: order each account's statements, find gaps and duplicates.

Duplicates are only ever flagged: the report keeps every row a statement printed, and points
the later copy at the earlier one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from difflib import SequenceMatcher

from cypheredge.reporter.domain.model import AccountPeriod, Gap, StatementDoc, Transaction

# Two copies of one row may be read slightly differently (OCR, wrapped lines), so
# descriptions need only be this similar once case, spacing and punctuation are ignored.
DESCRIPTION_SIMILARITY = 0.9
_NOT_ALNUM = re.compile(r"[^A-Z0-9]+")


def span(period: AccountPeriod) -> tuple[date, date] | None:
    """The days a period covers: its printed period, else its first and last transaction."""
    dates = [t.date for t in period.transactions]
    start = period.period_start or (min(dates) if dates else None)
    end = period.period_end or (max(dates) if dates else None)
    if start is None or end is None:
        return None
    return (start, end) if start <= end else (end, start)


def periods_by_account(statements: Sequence[StatementDoc]) -> dict[str, list[AccountPeriod]]:
    """Each account's periods from the extracted statements, ordered by when they start;
    periods without any date keep their upload order, after the dated ones."""
    found: dict[str, list[tuple[date, int, AccountPeriod]]] = defaultdict(list)
    position = 0
    for statement in statements:
        if statement.status != "extracted":
            continue
        for period in statement.accounts:
            covered = span(period)
            found[period.account].append((covered[0] if covered else date.max, position, period))
            position += 1
    return {
        account: [p for _, _, p in sorted(items, key=lambda item: item[:2])]
        for account, items in found.items()
    }


def find_gaps(periods: Sequence[AccountPeriod]) -> list[Gap]:
    """Missing day ranges between consecutive periods of one account (ordered)."""
    gaps = []
    previous: tuple[AccountPeriod, date] | None = None
    for period in periods:
        covered = span(period)
        if covered is None:
            continue
        if previous is not None and covered[0] > previous[1] + timedelta(days=1):
            gaps.append(
                Gap(
                    account=period.account,
                    after_statement=previous[0].statement_name,
                    before_statement=period.statement_name,
                    start=previous[1] + timedelta(days=1),
                    end=covered[0] - timedelta(days=1),
                )
            )
        if previous is None or covered[1] >= previous[1]:
            previous = (period, covered[1])
    return gaps


def find_duplicates(periods: Sequence[AccountPeriod]) -> dict[str, str]:
    """Later copy's id -> earliest copy's id, for rows repeated by overlapping statements of
    one account (ordered). Each earlier row absorbs at most one copy per statement, so two
    genuinely identical payments on one day stay two when both statements print both."""
    duplicates: dict[str, str] = {}
    for later_at, later in enumerate(periods):
        for earlier in periods[:later_at]:
            if earlier.statement_id == later.statement_id or not _overlap(earlier, later):
                continue
            _match_copies(earlier.transactions, later.transactions, duplicates)
    return duplicates


def _overlap(a: AccountPeriod, b: AccountPeriod) -> bool:
    span_a, span_b = span(a), span(b)
    if span_a is None or span_b is None:
        return False
    return span_a[0] <= span_b[1] and span_b[0] <= span_a[1]


def _match_copies(
    originals: Sequence[Transaction], copies: Sequence[Transaction], duplicates: dict[str, str]
) -> None:
    by_key: dict[tuple[object, ...], list[Transaction]] = defaultdict(list)
    for original in originals:
        by_key[_key(original)].append(original)
    for copy in copies:
        if copy.id in duplicates:
            continue
        candidates = by_key.get(_key(copy), [])
        for at, original in enumerate(candidates):
            if same_description(original.description, copy.description):
                # A copy of a copy points at the first statement that printed the row.
                duplicates[copy.id] = duplicates.get(original.id, original.id)
                del candidates[at]
                break


def _key(txn: Transaction) -> tuple[object, ...]:
    return (txn.date, txn.amount, txn.balance)


def same_description(a: str, b: str) -> bool:
    left, right = _NOT_ALNUM.sub("", a.upper()), _NOT_ALNUM.sub("", b.upper())
    if left == right:
        return True
    return SequenceMatcher(None, left, right).ratio() >= DESCRIPTION_SIMILARITY
