"""A second view of the same activity: rows a statement prints again, already counted.

Statements often list their activity twice: a transaction history in date order and then the
same transactions again by type (deposits, then withdrawals, each with a total), or the checks
again in a summary of checks written; some print the view by type first. Both views are
tables of dates and amounts, so the parser reads both. One of them is found as a listing that
starts over in time (its first date goes back) and whose every row repeats a row of the other
(same date, same amount), never one row of the other twice; what the balance chain then says
decides whether it is left out (see ``document.settle_account``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cypheredge.extractor.domain.draft import Draft

# A single repeated row is no evidence of a second view: two equal payments on a day are.
MIN_ROWS = 2


@dataclass(frozen=True, slots=True)
class SecondView:
    """`kept` is the listing that counts; `relisted` repeats rows of it."""

    kept: list[Draft]
    relisted: list[Draft]


def second_view(drafts: Sequence[Draft]) -> SecondView | None:
    """The listing that only repeats rows of the rest, printed after them (the largest such
    tail) or before them (the largest such head); None when there is none."""
    restarts = [c for c in range(1, len(drafts)) if drafts[c].date < drafts[c - 1].date]
    for cut in restarts:
        head, tail = list(drafts[:cut]), list(drafts[cut:])
        if len(tail) >= MIN_ROWS and _repeats(tail, head):
            return _richer(head, tail)
    for cut in reversed(restarts):
        head, tail = list(drafts[:cut]), list(drafts[cut:])
        if len(head) >= MIN_ROWS and _repeats(head, tail):
            return _richer(tail, head)
    return None


def _richer(kept: list[Draft], relisted: list[Draft]) -> SecondView:
    """Two views of all the same rows keep the one that prints more balances (a history with
    its running balance over a list by type): the chain can then check every row."""
    if _repeats(kept, relisted) and _balances(relisted) > _balances(kept):
        return SecondView(relisted, kept)
    return SecondView(kept, relisted)


def _balances(drafts: Sequence[Draft]) -> int:
    return sum(1 for d in drafts if d.balance is not None)


def _repeats(again: Sequence[Draft], listed: Sequence[Draft]) -> bool:
    """Whether every row of `again` matches its own row of `listed` by date and amount (the
    second view may print no direction, so only the magnitude counts)."""
    left: Counter[tuple[date, Decimal]] = Counter((d.date, d.magnitude) for d in listed)
    for d in again:
        key = (d.date, d.magnitude)
        if not left[key]:
            return False
        left[key] -= 1
    return True
