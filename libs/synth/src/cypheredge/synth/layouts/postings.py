"""Reworking a ledger after the fact: bank charges posted beside their transaction, reworded
narrations and re-chained running balances. Real banks post a transfer's commission, its VAT or a
levy as rows of their own on the same day; these helpers add them without breaking the chain."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal
from random import Random

from cypheredge.synth.model import Account, Party, Statement, Txn

BREAK = " ¶ "  # a hard line break inside a region template; describe() keeps it as a token
Charges = Callable[[Txn], Sequence[tuple[str, Decimal]]]


def lines(text: str) -> str:
    """A template narration with its hard breaks turned into "\\n" for the table."""
    return "\n".join(part.strip() for part in text.split(BREAK.strip()) if part.strip())


def rechain(account: Account, txns: Sequence[Txn]) -> Account:
    """`txns` in posting order with their running balances recomputed from the opening."""
    balance, out = account.opening, []
    for txn in txns:
        balance += txn.amount
        out.append(replace(txn, balance=balance))
    return replace(account, txns=tuple(out))


def reword(account: Account, describe: Callable[[Txn], str]) -> Account:
    """The same postings with new narrations (called in posting order, so seeded and stable)."""
    return replace(account, txns=tuple(replace(t, description=describe(t)) for t in account.txns))


def with_charges(account: Account, charges: Charges, floor: Decimal = Decimal(0)) -> Account:
    """Each posting followed by the charges it attracts (same day, same reference); a charge
    that would take the balance below `floor` is waived, as banks do for empty accounts."""
    balance, out = account.opening, []
    for txn in account.txns:
        balance += txn.amount
        out.append(txn)
        for text, fee in charges(txn):
            if fee <= 0 or balance - fee < floor:
                continue
            balance -= fee
            out.append(replace(txn, description=text, amount=-fee, kind="fee"))
    return rechain(account, out)


def relocate(rng: Random, st: Statement, streets: Sequence[str], towns: Sequence[str]) -> Statement:
    """The statement with local postal addresses; a street's `{n}` is the house number."""

    def address(party: Party) -> Party:
        street = rng.choice(streets).format(n=rng.randint(2, 180))
        return Party(party.name, (street, rng.choice(towns)))

    return replace(st, bank=address(st.bank), holder=address(st.holder))
