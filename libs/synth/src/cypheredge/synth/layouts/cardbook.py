"""A credit card's month: previous balance, payments, purchases by principal and supplementary
cards, foreign-currency charges, refunds, fees and rebates.

Balances are signed from the holder's side (model.Account): what is owed is negative, so the
opening is minus the printed previous balance and every charge is a debit. Each transaction's
posting date is `Txn.day` and its transaction date `Txn.value_day` (never after it, never before
the period), so a layout prints either or both.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import CENT
from cypheredge.synth.model import Account, Txn


@dataclass(frozen=True)
class Vocab:
    """What one country's card statements say: merchants as printed (with town and country),
    foreign merchants with the currency line the bank prints under them, and bank texts."""

    currency: str
    scale: Decimal  # turns a USD-sized amount into a local one
    merchants: tuple[str, ...]
    foreign: tuple[tuple[str, str, Decimal], ...]  # merchant, currency words, rate to local
    payments: tuple[str, ...]
    fees: tuple[str, ...]
    rebates: tuple[str, ...]
    refund: str  # "{merchant}" is the refunded purchase's merchant


@dataclass(frozen=True)
class CardMonth:
    account: Account
    owners: tuple[int, ...]  # per transaction: which card (0 = principal)
    previous: Decimal  # the previous balance as printed (owed > 0)


@dataclass(frozen=True)
class _Event:
    day: date
    text: str
    amount: Decimal
    kind: str
    owner: int


def _money(rng: Random, low: float, high: float, scale: Decimal) -> Decimal:
    return (Decimal(rng.randint(int(low * 100), int(high * 100))) / 100 * scale).quantize(CENT)


def _reference(rng: Random) -> str:
    return "".join(rng.choice(string.digits) for _ in range(rng.choice((11, 16, 23))))


def _purchase(rng: Random, vocab: Vocab, day: date, owner: int) -> _Event:
    if rng.random() < 0.15:
        merchant, words, rate = rng.choice(vocab.foreign)
        foreign = _money(rng, 4, 300, Decimal(1))
        local = (foreign * rate).quantize(CENT)
        return _Event(day, f"{merchant}\n{words} {foreign:,.2f}", -local, "card", owner)
    amount = _money(rng, 2, 120, vocab.scale)
    return _Event(day, rng.choice(vocab.merchants), -amount, "card", owner)


def _credits(rng: Random, vocab: Vocab, span: tuple[date, date], previous: Decimal) -> list[_Event]:
    """The payment of (part of) the previous balance, and perhaps a rebate."""
    out = []
    if previous > 0:
        paid = previous if rng.random() < 0.6 else (previous * Decimal(rng.uniform(0.2, 0.9)))
        day = span[0] + timedelta(days=rng.randint(1, 12))
        text = rng.choice(vocab.payments)
        if rng.random() < 0.5:
            text += f"\nREF NO: {_reference(rng)}"
        out.append(_Event(day, text, paid.quantize(CENT), "payment", 0))
    if rng.random() < 0.4:
        out.append(
            _Event(span[1], rng.choice(vocab.rebates), _money(rng, 1, 25, vocab.scale), "rebate", 0)
        )
    return out


def card_month(rng: Random, vocab: Vocab, span: tuple[date, date], cards: int = 1) -> CardMonth:
    """One statement period of a card account with `cards` cards on it."""
    start, end = span
    previous = Decimal(0) if rng.random() < 0.1 else _money(rng, 150, 3200, vocab.scale)
    days = (end - start).days
    events = _credits(rng, vocab, span, previous)
    for _ in range(rng.randint(12, 30)):
        day = start + timedelta(days=rng.randint(0, days))
        events.append(_purchase(rng, vocab, day, rng.randrange(cards)))
    bought = [e for e in events if e.kind == "card"]
    if rng.random() < 0.4:
        item = rng.choice(bought)
        text = vocab.refund.format(merchant=item.text.split("\n")[0])
        refund = (-item.amount * Decimal(rng.choice((1, 0.5)))).quantize(CENT)
        events.append(
            _Event(min(item.day + timedelta(days=3), end), text, refund, "refund", item.owner)
        )
    if rng.random() < 0.35:
        fee = _money(rng, 5, 40, vocab.scale)
        events.append(
            _Event(
                start + timedelta(days=rng.randint(0, days)), rng.choice(vocab.fees), -fee, "fee", 0
            )
        )
    events.sort(key=lambda e: e.day)  # stable: a day's events keep the order they were drawn in
    return _book(rng, events, start, previous, vocab.currency)


def _book(
    rng: Random, events: list[_Event], start: date, previous: Decimal, currency: str
) -> CardMonth:
    balance, txns = -previous, []
    for event in events:
        balance += event.amount
        lag = rng.choice((0, 0, 1, 1, 2, 3)) if event.kind in ("card", "refund") else 0
        bought = max(start, event.day - timedelta(days=lag))
        txns.append(
            Txn(event.day, event.text, event.amount, balance, bought, _reference(rng), event.kind)
        )
    account = Account("Card account", "", currency, -previous, tuple(txns), owed=True)
    return CardMonth(account, tuple(e.owner for e in events), previous)


def swap_dates(account: Account) -> Account:
    """The same rows dated by their transaction date, for prints whose first date column is it."""
    return replace(
        account, txns=tuple(replace(t, day=t.value_day, value_day=t.day) for t in account.txns)
    )
