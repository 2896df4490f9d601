"""Transfers between the batch's own accounts: both legs matched, or a known own name."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cypheredge.reporter.domain.model import Enriched
from cypheredge.reporter.workbook.categories import TRANSFERS
from cypheredge.reporter.workbook.context import Derived

MATCH_DAYS = 3  # the two legs of one transfer may post up to this many days apart


@dataclass(frozen=True)
class OwnTransfer:
    row: Enriched
    evidence: str  # "matched in <account>" | "own account name"
    other_account: str | None = None
    other_date: date | None = None


def own_transfers(derived: Derived) -> list[OwnTransfer]:
    """Transfer rows that move money between accounts of this batch, in date order."""
    rows = [e for e in derived.unique() if e.category in TRANSFERS]
    found = {id(t.row): t for t in _matched_legs(rows)}
    names = _own_names(derived)
    for e in rows:
        if id(e) not in found and _names_own_account(e, names):
            found[id(e)] = OwnTransfer(e, "own account name")
    return sorted(found.values(), key=lambda t: (t.row.txn.date, t.row.txn.account))


def _matched_legs(rows: Sequence[Enriched]) -> list[OwnTransfer]:
    """Pairs a debit in one account with an equal credit in another within MATCH_DAYS."""
    credits: dict[Decimal, list[Enriched]] = defaultdict(list)
    for e in rows:
        if e.txn.credit:
            credits[e.txn.credit].append(e)
    used: set[int] = set()
    out: list[OwnTransfer] = []
    for e in rows:
        if not e.txn.debit:
            continue
        leg = next((c for c in credits.get(e.txn.debit, []) if _pairs(e, c, used)), None)
        if leg is None:
            continue
        used.add(id(leg))
        out.append(OwnTransfer(e, "matched leg", leg.txn.account, leg.txn.date))
        out.append(OwnTransfer(leg, "matched leg", e.txn.account, e.txn.date))
    return out


def _pairs(debit: Enriched, credit: Enriched, used: set[int]) -> bool:
    return (
        id(credit) not in used
        and credit.txn.account != debit.txn.account
        and abs((credit.txn.date - debit.txn.date).days) <= MATCH_DAYS
    )


def _own_names(derived: Derived) -> tuple[str, ...]:
    names = [*derived.report.params.own_account_names, *derived.accounts]
    return tuple(n.casefold() for n in names if len(n.strip()) >= 4 and "#" not in n)


def _names_own_account(e: Enriched, names: tuple[str, ...]) -> bool:
    """The row names an own account other than its own (or the holder's own name)."""
    text = f"{e.counterparty or ''} {e.txn.description}".casefold()
    own = e.txn.account.casefold()
    return any(name in text for name in names if name != own)
