"""The ledger of a North American credit card: payments, refunds, charges per card member, fees
and interest, with the balance seen from the holder's side.

Card truth convention: a charge, fee or interest is a debit, a payment or refund a credit, and
balances are signed from the holder's side, so what is owed is negative (a printed New Balance
of $4,194.34 is -4194.34 in the truth) and opening + credits - debits = closing holds. A credit
balance (overpaid card, printed `$47.24 CR` or `-$47.24`) is positive.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import CENT
from cypheredge.synth.model import Account, Txn


@dataclass(frozen=True)
class Merchant:
    """What a card issuer prints for a merchant: name, place and a second line (phone, web
    address or merchant category)."""

    name: str
    city: str
    state: str
    extra: str


US_MERCHANTS = (
    Merchant("WHOLEFDS MKT 10234", "AUSTIN", "TX", "512-555-0143"),
    Merchant("AMAZON MARKETPLACE NA PA", "AMZN.COM/BILL", "WA", "MERCHANDISE"),
    Merchant("STARBUCKS STORE 08712", "SEATTLE", "WA", "800-782-7282"),
    Merchant("TST* BLUE BOTTLE COFFEE", "OAKLAND", "CA", "RESTAURANT"),
    Merchant("UBER *TRIP", "HELP.UBER.COM", "CA", "+18005928996"),
    Merchant("SHELL OIL 57444", "DENVER", "CO", "GAS STATION"),
    Merchant("TARGET 00014233", "CHICAGO", "IL", "612-304-6073"),
    Merchant("DELTA AIR LINES", "ATLANTA", "GA", "PASSENGER TICKET 0062"),
    Merchant("NETFLIX.COM", "LOS GATOS", "CA", "CABLE & PAY TV"),
    Merchant("SQ *GREEN ACRES FARM", "BOSTON", "MA", "squareup.com/receipts"),
    Merchant("COSTCO WHSE #0112", "ISSAQUAH", "WA", "WAREHOUSE CLUB"),
    Merchant("HILTON GARDEN INN", "NASHVILLE", "TN", "LODGING"),
    Merchant("CVS/PHARMACY #04471", "MIAMI", "FL", "800-746-7287"),
    Merchant("APPLE.COM/BILL", "CUPERTINO", "CA", "866-712-7753"),
    Merchant("DD *DOORDASH CHIPOTLE", "SAN FRANCISCO", "CA", "855-973-1040"),
    Merchant("THE HOME DEPOT #6512", "PHOENIX", "AZ", "HARDWARE STORE"),
    Merchant("AplPay TRADER JOE S #552", "PORTLAND", "OR", "503-222-1844"),
    Merchant("SPOTIFY USA", "NEW YORK", "NY", "877-778-1161"),
)
CA_MERCHANTS = (
    Merchant("TIM HORTONS #2451", "TORONTO", "ON", ""),
    Merchant("PRESTO", "TORONTO", "ON", ""),
    Merchant("UBER CANADA/UBERTRIP", "TORONTO", "ON", ""),
    Merchant("AMAZON.CA", "AMAZON.CA", "ON", ""),
    Merchant("SHOPPERS DRUG MART #08", "VANCOUVER", "BC", ""),
    Merchant("LOBLAWS 1032", "OTTAWA", "ON", ""),
    Merchant("COSTCO WHOLESALE W535", "CALGARY", "AB", ""),
    Merchant("ESSO CIRCLE K", "MONTREAL", "QC", ""),
    Merchant("FREEDOM MOBILE INC", "877-946-3184", "ON", ""),
    Merchant("CINEPLEX #3112", "HALIFAX", "NS", ""),
)
# Merchants that bill a Canadian card in US dollars (the FOREIGN CURRENCY sub-line).
USD_MERCHANTS = (
    Merchant("GITHUB.COM 3NF1", "4154486673", "CA", ""),
    Merchant("MCMASTER-CARR", "630-834-9600", "IL", ""),
    Merchant("AMAZON WEB SERVICES", "AWS.AMAZON.CO", "WA", ""),
    Merchant("MAILCHIMP *MONTHLY", "MAILCHIMP.COM", "GA", ""),
    Merchant("DIGITALOCEAN.COM", "DIGITALOCEAN.", "NY", ""),
)


@dataclass(frozen=True)
class CardLine:
    """One posted card transaction and what a card statement prints beside it."""

    txn: Txn
    section: str  # "payment", "credit", "charge", "fee" or "interest"
    member: int  # index into the card members
    merchant: Merchant | None
    posted: date
    fx: tuple[Decimal, Decimal] | None = None  # amount in US dollars, exchange rate


@dataclass(frozen=True)
class CardPlan:
    """How one card's month looks."""

    members: int
    charges: tuple[int, int]  # charges per card member
    merchants: tuple[Merchant, ...]
    scale: Decimal = Decimal(1)
    foreign: tuple[Merchant, ...] = ()  # merchants billing in another currency
    fees: tuple[tuple[str, float, float], ...] = ()  # (name, low, high): one may be charged
    revolving: float = 0.4  # chance that last month was paid only in part (interest accrues)


@dataclass(frozen=True)
class CardWords:
    """The issuer's words for payments, refunds and interest."""

    payments: tuple[str, ...]
    interest: str
    refund: str = "CREDIT"


def cents(rng: Random, low: float, high: float, scale: Decimal = Decimal(1)) -> Decimal:
    value = Decimal(rng.randint(int(low * 100), int(high * 100))) / 100
    return (value * scale).quantize(CENT)


def card_month(
    rng: Random, start: date, end: date, plan: CardPlan, words: CardWords
) -> tuple[Decimal, list[CardLine]]:
    """The opening balance (owed: negative) and the month's lines: payments, credits, charges by
    card member in date order, fees, interest; balances chained in that order."""
    previous = cents(rng, 300, 9000, plan.scale)
    revolving = rng.random() < plan.revolving
    lines = _payments(rng, start, end, previous, revolving, words)
    lines += _refunds(rng, start, end, plan, words)
    for member in range(plan.members):
        lines += _charges(rng, start, end, plan, member)
    if plan.fees and rng.random() < 0.7:
        name, low, high = rng.choice(plan.fees)
        fee = cents(rng, low, high).quantize(Decimal(1) if high - low > 100 else CENT)
        lines.append(_line(end, name, -fee, "fee", end))
    if revolving:
        interest = (previous * Decimal(rng.uniform(0.012, 0.024))).quantize(CENT)
        lines.append(_line(end, words.interest, -interest, "interest", end))
    return -previous, chain(-previous, lines)


def chain(opening: Decimal, lines: Sequence[CardLine]) -> list[CardLine]:
    """`lines` with their running balances recomputed in the order given."""
    balance, out = opening, []
    for line in lines:
        balance += line.txn.amount
        out.append(replace(line, txn=replace(line.txn, balance=balance)))
    return out


def account(
    name: str, masked: str, currency: str, opening: Decimal, lines: Sequence[CardLine]
) -> Account:
    return Account(name, masked, currency, opening, tuple(line.txn for line in lines), owed=True)


def _line(
    day: date,
    text: str,
    amount: Decimal,
    section: str,
    posted: date,
    member: int = 0,
    merchant: Merchant | None = None,
    fx: tuple[Decimal, Decimal] | None = None,
) -> CardLine:
    txn = Txn(day, text, amount, Decimal(0), posted, "", section)
    return CardLine(txn, section, member, merchant, posted, fx)


def _posted(rng: Random, day: date, end: date) -> date:
    return min(day + timedelta(days=rng.choice((0, 1, 1, 2, 3))), end)


def _day(rng: Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def _payments(
    rng: Random, start: date, end: date, previous: Decimal, revolving: bool, words: CardWords
) -> list[CardLine]:
    """A payment in full, or one or two partial payments when the card revolves."""
    if revolving:
        share = Decimal(rng.uniform(0.05, 0.5))
        amounts = [(previous * share).quantize(CENT)]
        if rng.random() < 0.4:
            amounts.append(cents(rng, 25, 300))
    else:
        amounts = [previous]
    days = sorted(_day(rng, start, end) for _ in amounts)
    return [
        _line(day, rng.choice(words.payments), amount, "payment", _posted(rng, day, end))
        for day, amount in zip(days, amounts, strict=True)
    ]


def _refunds(
    rng: Random, start: date, end: date, plan: CardPlan, words: CardWords
) -> list[CardLine]:
    out = []
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        merchant, day = rng.choice(plan.merchants), _day(rng, start, end)
        member = rng.randrange(plan.members)
        amount = cents(rng, 5, 160, plan.scale)
        text = f"{merchant.name} {words.refund}".strip()
        out.append(_line(day, text, amount, "credit", _posted(rng, day, end), member, merchant))
    return sorted(out, key=lambda line: line.txn.day)


def _charges(rng: Random, start: date, end: date, plan: CardPlan, member: int) -> list[CardLine]:
    out = []
    for _ in range(rng.randint(*plan.charges)):
        day = _day(rng, start, end)
        foreign = bool(plan.foreign) and rng.random() < 0.25
        merchant = rng.choice(plan.foreign if foreign else plan.merchants)
        # Most card charges are small: a squared uniform piles them up near the low end.
        high = 420 if rng.random() < 0.9 else 1400
        amount = (Decimal(1 + high * rng.random() ** 2) * plan.scale).quantize(CENT)
        fx = None
        if foreign:
            rate = Decimal(rng.uniform(1.24, 1.39)).quantize(Decimal("0.00001"))
            fx = ((amount / rate).quantize(CENT), rate)
        text = f"{merchant.name} {merchant.city} {merchant.state}"
        posted = _posted(rng, day, end)
        out.append(_line(day, text, -amount, "charge", posted, member, merchant, fx))
    return sorted(out, key=lambda line: line.txn.day)
