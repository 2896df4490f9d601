"""Seeded transaction histories whose running balance always reconciles (Decimal only)."""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import CENT, MONTHS
from cypheredge.synth.model import Account, Txn
from cypheredge.synth.regions import Region

# kind -> (direction, low, high) in USD-sized units before the region's scale
KINDS: dict[str, tuple[int, int, int]] = {
    "salary": (1, 2200, 4800),
    "rent": (-1, 700, 1900),
    "utility": (-1, 30, 240),
    "grocery": (-1, 6, 190),
    "card": (-1, 4, 420),
    "transfer_out": (-1, 40, 1500),
    "transfer_in": (1, 40, 2200),
    "atm": (-1, 2, 40),  # tens: ATMs dispense round sums
    "fee": (-1, 2, 30),
    "interest": (1, 0, 20),
    "refund": (1, 5, 220),
    "loan": (-1, 250, 1200),
    "cheque_in": (1, 150, 2600),
    "check": (-1, 40, 1600),
    "cheque_fee": (-1, 10, 35),
}
OVERDRAFT_LIMIT = 1500  # USD-sized, before the region's scale
EVERYDAY = ("grocery", "card", "card", "transfer_out", "transfer_in", "atm", "refund", "utility")
CHEQUE_CHAIN = ("cheque_in", "cheque_return", "cheque_fee")


@dataclass(frozen=True)
class Plan:
    """How one account's history should look."""

    name: str
    count: int
    opening: tuple[int, int]  # USD-sized range before scale
    overdraft: bool = False  # may the balance dip below zero
    mandatory: tuple[str, ...] = ("salary", "rent", "utility", "fee")
    optional: tuple[str, ...] = ("loan", "interest")  # each appears with probability 0.6
    pool: tuple[str, ...] = EVERYDAY  # fills the rest; repeat a kind to weight it
    cheques: bool = True  # may a deposited cheque bounce
    mask: str = "****{last4}"  # how the account number is printed


def make_account(rng: Random, region: Region, start: date, end: date, plan: Plan) -> Account:
    """An account whose transactions fall inside [start, end] and chain from its opening balance."""
    opening = _money(rng, *plan.opening, region.scale)
    kinds = _kinds(rng, plan)
    days = _days(rng, start, end, len(kinds))
    ctx = _Context(rng, region, f"{rng.randrange(10000):04d}", start)
    balance, txns = opening, []
    for day, kind in zip(days, kinds, strict=True):
        amount, kind = _amount(rng, region, kind, ctx, balance, plan.overdraft)
        balance += amount
        txns.append(
            Txn(
                day=day,
                description=ctx.describe(kind),
                amount=amount,
                balance=balance,
                value_day=day + timedelta(days=rng.choice((0, 0, 0, 1, 2))),
                reference=ctx.reference(),
                kind=kind,
            )
        )
    masked = plan.mask.replace("{last4}", f"{rng.randrange(10000):04d}")
    return Account(plan.name, masked, region.currency, opening, tuple(txns))


def _days(rng: Random, start: date, end: date, count: int) -> list[date]:
    """Posting days spread over the whole period (one per equal slice), so both ends are used."""
    span = (end - start).days + 1
    out = []
    for i in range(count):
        low, high = i * span // count, (i + 1) * span // count
        out.append(start + timedelta(days=low + rng.randrange(max(high - low, 1))))
    return out


def _kinds(rng: Random, plan: Plan) -> list[str]:
    """Mandatory monthly items plus everyday ones; a returned cheque follows its deposit."""
    kinds = list(plan.mandatory)
    kinds += [k for k in plan.optional if rng.random() < 0.6]
    chain = plan.cheques and rng.random() < 0.5 and plan.count >= 10
    while len(kinds) < plan.count - (3 if chain else 0):
        kinds.append(rng.choice(plan.pool))
    kinds = kinds[: plan.count - (3 if chain else 0)]
    rng.shuffle(kinds)
    if chain:
        slots = sorted(rng.sample(range(len(kinds) + 3), 3))
        for slot, kind in zip(slots, CHEQUE_CHAIN, strict=True):
            kinds.insert(slot, kind)
    return kinds


class _Context:
    """Per-account state: the card, the cheque book and the pending returned cheque."""

    def __init__(self, rng: Random, region: Region, last4: str, start: date) -> None:
        self.rng, self.region = rng, region
        self.card = region.card.replace("{last4}", last4)
        self.cheque = rng.randrange(100, 990) * 10
        self.period = f"{MONTHS[start.month - 1].upper()} {start.year}"
        self.returned: Decimal = Decimal(0)
        self.returned_chq = self.cheque

    def reference(self) -> str:
        alphabet = string.ascii_uppercase + string.digits
        return "".join(self.rng.choice(alphabet) for _ in range(self.rng.choice((8, 10, 12))))

    def describe(self, kind: str) -> str:
        pick = self.rng.choice
        region = self.region
        if kind in ("check", "cheque_in"):
            self.cheque += 1
        if kind == "cheque_in":
            self.returned_chq = self.cheque
        chq = self.returned_chq if kind in CHEQUE_CHAIN[1:] else self.cheque
        text = pick(region.templates_for(kind)).format(
            merchant=pick(region.merchants),
            city=pick(region.cities),
            card=self.card,
            ref=f"{self.rng.randrange(10**9):09d}",
            employer=pick(region.employers),
            period=self.period,
            utility=pick(region.utilities),
            person=pick(region.people),
            lender=pick(region.lenders),
            loan=f"LN{self.rng.randrange(10**7):07d}",
            chq=f"{chq:06d}",
            bank=pick(region.banks),
        )
        return " ".join(text.split())


def _amount(
    rng: Random, region: Region, kind: str, ctx: _Context, balance: Decimal, overdraft: bool
) -> tuple[Decimal, str]:
    """The signed amount; a debit that would break the overdraft limit becomes a transfer in."""
    if kind == "cheque_return":
        return -ctx.returned, kind
    sign, low, high = KINDS[kind]
    if kind == "atm":
        amount = (rng.randint(low, high) * 10 * region.scale.quantize(Decimal(1))).quantize(CENT)
    else:
        amount = _money(rng, low, high, region.scale)
    if kind == "cheque_in":
        ctx.returned = amount
    floor = -OVERDRAFT_LIMIT * region.scale if overdraft else Decimal(0)
    if sign < 0 and balance - amount < floor and kind not in CHEQUE_CHAIN:
        return _money(rng, 800, 2500, region.scale), "transfer_in"
    return sign * amount, kind


def _money(rng: Random, low: int, high: int, scale: Decimal) -> Decimal:
    cents = rng.randint(max(low * 100, 1), high * 100)
    return (Decimal(cents) / 100 * scale).quantize(CENT)
