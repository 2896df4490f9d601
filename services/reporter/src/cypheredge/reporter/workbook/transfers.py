"""Transfers between the batch's own accounts, as the domain found them, with their other leg."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cypheredge.reporter.domain.model import Enriched
from cypheredge.reporter.workbook.context import Derived


@dataclass(frozen=True)
class OwnTransfer:
    row: Enriched
    evidence: str  # "matched leg" | "own account name"
    other_account: str | None = None
    other_date: date | None = None


def own_transfers(derived: Derived) -> list[OwnTransfer]:
    """Transfer rows that move money between accounts of this batch, in date order."""
    links = derived.report.own_transfers
    by_id = {e.txn.id: e for e in derived.report.transactions}
    found = []
    for e in derived.unique():
        if e.txn.id not in links:
            continue
        other = by_id.get(links[e.txn.id] or "")
        if other is None:
            found.append(OwnTransfer(e, "own account name"))
        else:
            found.append(OwnTransfer(e, "matched leg", other.txn.account, other.txn.date))
    return sorted(found, key=lambda t: (t.row.txn.date, t.row.txn.account))
