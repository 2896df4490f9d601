"""Transfers between the customer's own accounts.

Two kinds of evidence: a debit in one account met by a credit of the same amount in another
account of the batch within a few days, or a description naming one of the customer's own
accounts (``ReportParams.own_account_names``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from cypheredge.reporter.domain.categories import TRANSFER_IN, TRANSFER_OUT, direction_of
from cypheredge.reporter.domain.model import Transaction

# Interbank transfers can take a couple of business days across a weekend.
MAX_DAYS_APART = 3
_NOT_ALNUM = re.compile(r"[^A-Z0-9]+")


def find_transfers(
    txns: Sequence[Transaction], own_account_names: Sequence[str] = ()
) -> dict[str, str]:
    """Transaction id -> "transfer_in" / "transfer_out" for every own-account transfer."""
    found = _matched_pairs(txns)
    names = [n for n in (_normalise(name) for name in own_account_names) if n]
    for txn in txns:
        if txn.id not in found and _names_own_account(txn.description, names):
            found[txn.id] = TRANSFER_IN if direction_of(txn) == "credit" else TRANSFER_OUT
    return found


def transfer_legs(txns: Sequence[Transaction]) -> dict[str, str]:
    """Transaction id -> id of its other leg, both ways, for every matched debit/credit pair."""
    credits: dict[Decimal, list[Transaction]] = defaultdict(list)
    for txn in txns:
        if txn.amount > 0:
            credits[txn.amount].append(txn)
    legs: dict[str, str] = {}
    for debit in sorted((t for t in txns if t.amount < 0), key=lambda t: (t.date, t.index)):
        candidates = [
            c
            for c in credits.get(-debit.amount, [])
            if c.account != debit.account
            and c.id not in legs
            and abs((c.date - debit.date).days) <= MAX_DAYS_APART
        ]
        if candidates:
            # The closest in time is the likeliest other half.
            credit = min(candidates, key=lambda c: (abs((c.date - debit.date).days), c.date))
            legs[debit.id] = credit.id
            legs[credit.id] = debit.id
    return legs


def _matched_pairs(txns: Sequence[Transaction]) -> dict[str, str]:
    by_id = {t.id: t for t in txns}
    return {
        tid: TRANSFER_IN if by_id[tid].amount > 0 else TRANSFER_OUT for tid in transfer_legs(txns)
    }


def _names_own_account(description: str, names: Sequence[str]) -> bool:
    text = f" {_normalise(description)} "
    return any(f" {name} " in text for name in names)


def _normalise(text: str) -> str:
    return _NOT_ALNUM.sub(" ", text.upper()).strip()
