"""Taxes a bank posts as rows of their own right after the posting they fall on.

Saudi banks post 15% VAT on each fee, and Colombian banks post the 4x1000 tax (GMF, 0.4% of each
withdrawal): `levied` inserts such rows and chains the balances again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from cypheredge.synth.formats import CENT
from cypheredge.synth.model import Account, Statement, Txn


def levied(st: Statement, picked: Callable[[Txn], bool], rate: Decimal, text: str) -> Statement:
    """After each picked posting, a levy of `rate` times its amount, described by `text`.

    A levy that would take the balance below zero is left out, so a statement printed without
    signs on its balances never needs one."""
    return replace(st, accounts=tuple(_levied(acc, picked, rate, text) for acc in st.accounts))


def _levied(acc: Account, picked: Callable[[Txn], bool], rate: Decimal, text: str) -> Account:
    balance, txns = acc.opening, []
    for t in acc.txns:
        balance += t.amount
        txns.append(replace(t, balance=balance))
        tax = (abs(t.amount) * rate).quantize(CENT, ROUND_HALF_UP)
        if picked(t) and Decimal(0) < tax <= balance:
            balance -= tax
            # reversed reference: the levy's derived numbers (digits, serial) differ from its base
            txns.append(
                replace(
                    t,
                    description=text,
                    amount=-tax,
                    balance=balance,
                    kind="levy",
                    reference=t.reference[::-1],
                )
            )
    return replace(acc, txns=tuple(txns))
