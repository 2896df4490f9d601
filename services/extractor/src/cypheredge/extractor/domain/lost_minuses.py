"""Minus signs a copier lost on many rows of a scan without a running balance, told by the
statement's ends.

A faint minus is the first stroke a copier loses: on a statement of one signed amount
column and no balance beside it, half its debits may come back as credits, and nothing on
their rows says which. The printed opening and closing balances do: the rows must add up
to their difference. Turning a credit of `a` into a debit moves the sum by `2a`, so the
debits that lost their sign are the rows whose amounts add up to half of what is missing.
Where exactly one set of the rows that read as credits does (found by meeting in the
middle: two halves of the rows, every sum of each), those rows lost their minus; where
none does, or more than one, nothing is turned.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from cypheredge.extractor.domain.draft import Draft
from cypheredge.extractor.domain.misreads import OCR

MAX_ROWS = 32  # rows read as credits searched: 2^16 sums a half, well under a second
SEEN = 2  # sets kept for each sum of a half: a second one is enough to know it is not one


def lost_minuses_reconcile(
    drafts: Sequence[Draft], opening: Decimal | None, closing: Decimal | None
) -> bool:
    """Whether exactly one set of the rows OCR read as credits from a signed amount column
    without a balance makes the statement add up as debits; if so they are turned, and
    marked mended."""
    if opening is None or closing is None or any(d.sign == 0 for d in drafts):
        return False
    credits = [
        d
        for d in drafts
        if d.method.startswith(OCR) and d.from_amount and d.balance is None and d.sign > 0
    ]
    missing = closing - opening - sum((d.net for d in drafts), Decimal(0))
    if missing >= 0 or not credits or len(credits) > MAX_ROWS:
        return False
    goal = _cents(-missing)
    if goal is None or goal % 2:
        return False
    values = [_cents(d.magnitude) for d in credits]
    if any(v is None for v in values):
        return False
    chosen = _only_subset([v for v in values if v is not None], goal // 2)
    if chosen is None:
        return False
    for k in chosen:
        draft = credits[k]
        draft.sign, draft.mended, draft.guessed = -1, True, False
    return True


def _cents(amount: Decimal) -> int | None:
    cents = amount * 100
    return int(cents) if cents == cents.to_integral_value() else None


def _only_subset(values: Sequence[int], goal: int) -> list[int] | None:
    """The indices of the one set of `values` that adds up to `goal`; None where no set or
    more than one does."""
    half = len(values) // 2
    left, right = _sums(values[:half]), _sums(values[half:])
    found: list[int] | None = None
    for total, masks in right.items():
        for low in left.get(goal - total, ()):
            for high in masks:
                if found is not None:
                    return None
                found = [k for k in range(half) if low >> k & 1]
                found += [half + k for k in range(len(values) - half) if high >> k & 1]
    return found


def _sums(values: Sequence[int]) -> dict[int, list[int]]:
    """Each sum of a subset of `values` -> up to SEEN subsets (as bit masks) giving it."""
    sums: dict[int, list[int]] = {0: [0]}
    for k, value in enumerate(values):
        for total, masks in [(t, list(m)) for t, m in sums.items()]:
            into = sums.setdefault(total + value, [])
            for mask in masks:
                if len(into) < SEEN:
                    into.append(mask | 1 << k)
    return sums
