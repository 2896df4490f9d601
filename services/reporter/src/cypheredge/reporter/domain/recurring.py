"""Recurring payments: the same counterparty, a similar amount, at a regular interval.

Thresholds, chosen to find rent, salaries, subscriptions and loan instalments without calling
every favourite café a series:

- grouping: same account, same counterparty, same direction; duplicate copies are ignored;
- amount: each occurrence within 10% of the previous one, or within 2.00 for small amounts, so a
  rent that rises a little each year or a salary with overtime stays one series;
- interval between consecutive occurrences: weekly 6-8 days, fortnightly 12-16, monthly 25-35
  (month lengths plus weekend and holiday shifts either side), quarterly 85-97, yearly 355-376;
  every interval of a series must fit the same cadence;
- occurrences: at least 3, except yearly which needs 2 (statements rarely span three years).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from cypheredge.reporter.domain.categories import direction_of
from cypheredge.reporter.domain.model import Enriched, RecurringSeries

RELATIVE_TOLERANCE = Decimal("0.10")
ABSOLUTE_TOLERANCE = Decimal("2.00")


@dataclass(frozen=True)
class Cadence:
    name: str
    min_days: int
    max_days: int
    min_occurrences: int


CADENCES = (
    Cadence("weekly", 6, 8, 3),
    Cadence("fortnightly", 12, 16, 3),
    Cadence("monthly", 25, 35, 3),
    Cadence("quarterly", 85, 97, 3),
    Cadence("yearly", 355, 376, 2),
)


def cadence_of(days: int) -> Cadence | None:
    return next((c for c in CADENCES if c.min_days <= days <= c.max_days), None)


def similar_amount(a: Decimal, b: Decimal) -> bool:
    a, b = abs(a), abs(b)
    return abs(a - b) <= max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * max(a, b))


@dataclass
class _Chain:
    entries: list[Enriched]
    cadence: Cadence | None = field(default=None)

    def fit(self, entry: Enriched) -> Cadence | None:
        """The cadence this chain would have with ``entry`` appended, if it can take it."""
        last = self.entries[-1]
        if not similar_amount(last.txn.amount, entry.txn.amount):
            return None
        cadence = cadence_of((entry.txn.date - last.txn.date).days)
        if cadence is None or (self.cadence is not None and cadence != self.cadence):
            return None
        return cadence

    def gap(self, entry: Enriched) -> Decimal:
        return abs(abs(self.entries[-1].txn.amount) - abs(entry.txn.amount))


def find_recurring(entries: Sequence[Enriched]) -> tuple[RecurringSeries, ...]:
    groups: dict[tuple[str, str, str], list[Enriched]] = defaultdict(list)
    for entry in entries:
        if entry.counterparty and entry.duplicate_of is None:
            key = (entry.txn.account, entry.counterparty, direction_of(entry.txn))
            groups[key].append(entry)
    series = []
    for key in sorted(groups):
        members = sorted(groups[key], key=lambda e: (e.txn.date, e.txn.index))
        for chain in _chains(members):
            if _regular(chain, members):
                assert chain.cadence is not None  # _regular checked it
                series.append(_series(key, chain.cadence, chain.entries))
    return tuple(series)


def _chains(members: Sequence[Enriched]) -> list[_Chain]:
    """Greedy: each occurrence joins the open chain it fits with the closest amount, else
    starts a new one; interleaved series from one counterparty separate by amount."""
    chains: list[_Chain] = []
    for entry in members:
        fitting = [(chain.gap(entry), at) for at, chain in enumerate(chains) if chain.fit(entry)]
        if not fitting:
            chains.append(_Chain([entry]))
            continue
        chain = chains[min(fitting)[1]]
        chain.cadence = chain.fit(entry)
        chain.entries.append(entry)
    return chains


def _regular(chain: _Chain, members: Sequence[Enriched]) -> bool:
    """Enough occurrences, and not merely a lucky path through a busy payee: a payee seen
    often at similar amounts (a supermarket, a payroll with varying pay) yields chains by
    chance, so similar-amount payments outside the chain must be under a third of it."""
    if chain.cadence is None or len(chain.entries) < chain.cadence.min_occurrences:
        return False
    first, last = chain.entries[0].txn.date, chain.entries[-1].txn.date
    typical = _median([abs(e.txn.amount) for e in chain.entries])
    inside = {id(e) for e in chain.entries}
    strays = sum(
        1
        for e in members
        if id(e) not in inside
        and first <= e.txn.date <= last
        and similar_amount(e.txn.amount, typical)
    )
    return strays * 3 < len(chain.entries)


def _series(
    key: tuple[str, str, str], cadence: Cadence, entries: Sequence[Enriched]
) -> RecurringSeries:
    account, counterparty, direction = key
    seed = f"{account}:{counterparty}:{direction}:{entries[0].txn.id}"
    category = Counter(e.category for e in entries).most_common(1)[0][0]
    return RecurringSeries(
        id="rec_" + hashlib.sha256(seed.encode()).hexdigest()[:16],
        counterparty=counterparty,
        category=category,
        direction=direction,
        cadence=cadence.name,
        typical_amount=_median([abs(e.txn.amount) for e in entries]),
        transaction_ids=tuple(e.txn.id for e in entries),
    )


def _median(values: Sequence[Decimal]) -> Decimal:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    # Kept to the statement's own precision: a typical rent of 650.005 would look invented.
    exponent = min(int(v.as_tuple().exponent) for v in ordered)
    return ((ordered[middle - 1] + ordered[middle]) / 2).quantize(Decimal(1).scaleb(exponent))
