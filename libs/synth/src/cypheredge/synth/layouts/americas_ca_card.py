"""ca_card_td: a Canadian credit card statement (TD / RBC / CIBC style), CAD with "$".

Modelled on the TD Emerald Flex Rate Visa statement in the real corpus (27_td_visa_2017_ca):
a narrow activity table on the left of the page with a summary panel beside it on page 1,
TRANSACTION DATE and POSTING DATE columns ("SEP 14  SEP 15"), a PREVIOUS STATEMENT BALANCE row at
the top and NET AMOUNT OF MONTHLY ACTIVITY / TOTAL NEW BALANCE rows at the end, payments as
"-$500.00", the FOREIGN CURRENCY 7.00 USD / @ EXCHANGE RATE 1.26571 sub-lines under the merchant
(on one or two lines), STATEMENT DATE / PREVIOUS STATEMENT / STATEMENT PERIOD in words, "1 OF 4"
page numbers and long print-stream references in the footer; on the RBC Visa/Mastercard prints
(a 23-digit reference line under every transaction, "Foreign Currency-USD 12.00 Exchange
rate-1.36667", "PAYMENT - THANK YOU / PAIEMENT - MERCI"); and on CIBC's (sections "Your payments"
with unsigned payments whose direction comes from the section, "Your new charges and credits"
per card number with "Total for 4500 XXXX XXXX 1234", "Sep 14" dates).

Truth: each transaction in printed order, dated by the TRANSACTION DATE column; the description
is the merchant with its sub-lines (foreign currency, reference) joined by one space, as the
real TD ground truth reads. Balance rows and totals are not transactions. Card sign convention as
in americas_cards.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from random import Random

from reportlab.lib.pagesizes import LETTER

from cypheredge.synth.formats import EN, fmt_date
from cypheredge.synth.layouts.americas_cards import (
    CA_MERCHANTS,
    USD_MERCHANTS,
    CardLine,
    CardPlan,
    CardWords,
    account,
    card_month,
    chain,
)
from cypheredge.synth.layouts.americas_table import (
    ReadingTable,
    mark_previous_page,
    owed,
    pairs_block,
    usd,
)
from cypheredge.synth.layouts.common import Built, period
from cypheredge.synth.model import Party, Statement, TruthLog
from cypheredge.synth.render.blocks import continuation, footer, heading
from cypheredge.synth.render.flow import HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Column, Row, Rules, Style

HOLDERS = ("MARIE TREMBLAY", "DAVID MACDONALD", "PRIYA SINGH", "KEVIN O'NEILL", "SOPHIE ROY")
LONG = "MONTH D, YYYY"


@dataclass(frozen=True)
class Bank:
    key: str
    names: tuple[str, ...]
    product: str
    day: str  # row dates, without a year
    words: CardWords


BANKS = (
    Bank(
        "td",
        ("Dominion Trust Canada", "Maple Leaf Trust"),
        "EMERALD FLEX RATE VISA CARD",
        "MON D",
        CardWords(("PAYMENT - THANK YOU",), "RETAIL INTEREST"),
    ),
    Bank(
        "rbc",
        ("Royal Laurentian Bank", "Northern Crown Bank"),
        "VISA CLASSIC II",
        "MON DD",
        CardWords(("PAYMENT - THANK YOU / PAIEMENT - MERCI",), "PURCHASE INTEREST"),
    ),
    Bank(
        "cibc",
        ("Imperial Commerce Bank", "Dominion Imperial Bank"),
        "DIVIDEND VISA CARD",
        "MON D",
        CardWords(("PAYMENT THANK YOU/PAIEMENT MERCI",), "REGULAR PURCHASES INTEREST"),
    ),
)


def ca_card_td(rng: Random) -> Built:
    bank = rng.choice(BANKS)
    start, end = period(rng, rollover=rng.random() < 0.4)
    plan = CardPlan(
        1,
        (14, 34),
        CA_MERCHANTS,
        Decimal("1.35"),
        USD_MERCHANTS,
        fees=(("OVERLIMIT FEE", 25, 29), ("ANNUAL FEE", 39, 139)),
        revolving=0.6,
    )
    opening, lines = card_month(rng, start, end, plan, bank.words)
    if bank.key != "cibc":  # TD and RBC list everything by posting date, payments included
        lines = chain(opening, sorted(lines, key=lambda ln: (ln.posted, ln.txn.day)))
    card = f"4520 XXXX XXXX {rng.randrange(10**4):04d}"
    acc = account("Credit Card", card, "CAD", opening, lines)
    name = rng.choice(bank.names)
    holder = Party(
        rng.choice(HOLDERS), (f"{rng.randint(2, 990)} RUE SAINT-DENIS", "MONTREAL QC H2X 3K8")
    )
    st = Statement(
        Party(name, ("P.O. BOX 611", "AGINCOURT ON M1S 5J7")), holder, start, end, (acc,)
    )
    flow = _flow(rng, st, bank)
    _header(flow, st, bank)
    log = TruthLog()
    if bank.key == "td":
        _panel(flow, rng, st, lines)
    else:
        _summary(flow, st, lines)
    if bank.key == "cibc":
        _cibc(flow, rng, st, bank, lines, log)
    else:
        _activity(flow, rng, st, bank, lines, log)
    return Built(flow, st, log, EN)


def _flow(rng: Random, st: Statement, bank: Bank) -> Flow:
    """TD prints the activity in the left ~55% of the page; the others use the full width."""
    spec = PageSpec.vary(rng, fonts=(HELVETICA, TIMES), size=(7.0, 8.5), paper=(LETTER,))
    if bank.key == "td":
        spec = PageSpec(
            spec.paper,
            spec.left,
            spec.paper[0] * rng.uniform(0.4, 0.45),
            spec.top,
            spec.bottom,
            spec.fonts,
            spec.size,
        )
    # Print-stream references: long numbers in the footer that are neither amounts nor dates.
    if bank.key == "td":
        serial = f"TDSTM{rng.randrange(10**5):05d}_{rng.randrange(10**7):07d}_008"
        code = f"{serial} {rng.randrange(10**7):07d} HRI - - 03 - 0{rng.randint(1, 3)} - 03 - -"
    else:
        code = f"{bank.key.upper()}{rng.randrange(10**6):06d} {rng.randrange(10**12):012d} E"
    head = f"{bank.product}  STATEMENT DATE: {fmt_date(st.end, LONG)}"
    header = continuation(st.bank.name, head)

    def later(flow: Flow) -> None:
        mark_previous_page(flow, "Continued")  # TD and RBC close a full page with this word
        header(flow)

    return Flow(spec, footer(code + "  {n} OF {total}"), "", later)


def _header(flow: Flow, st: Statement, bank: Bank) -> None:
    size = flow.spec.size
    flow.text(flow.left, flow.y - size * 1.6, st.bank.name.upper(), bold=True, size=size * 1.5)
    flow.text(flow.left, flow.y - size * 3.6, bank.product, bold=True, size=size * 1.3)
    previous = st.start - timedelta(days=1)
    lines = (
        f"STATEMENT DATE: {fmt_date(st.end, LONG)}",
        f"PREVIOUS STATEMENT: {fmt_date(previous, LONG)}",
        f"STATEMENT PERIOD: {fmt_date(st.start, LONG)} to {fmt_date(st.end, LONG)}",
    )
    for i, text in enumerate(lines):
        flow.text(flow.left, flow.y - size * (5.8 + 1.35 * i), text, bold=i == 0)
    flow.y -= size * 10.5


def _figures(st: Statement, lines: Sequence[CardLine]) -> list[tuple[str, str]]:
    acc = st.accounts[0]
    sums = {
        s: sum((abs(ln.txn.amount) for ln in lines if ln.section == s), Decimal(0))
        for s in ("payment", "credit", "charge", "fee", "interest")
    }
    return [
        ("Previous Statement Balance", owed(acc.opening)),
        ("Payments & Credits", usd(-(sums["payment"] + sums["credit"]))),
        ("Purchases & Debits", usd(sums["charge"])),
        ("Cash Advances", "$0.00"),
        ("Interest", usd(sums["interest"])),
        ("Fees", usd(sums["fee"])),
        ("NEW BALANCE", owed(acc.closing)),
    ]


def _panel(flow: Flow, rng: Random, st: Statement, lines: Sequence[CardLine]) -> None:
    """TD's right-hand panel on page 1: payment information, summary, limits and rates."""
    size, acc = flow.spec.size, st.accounts[0]
    x = flow.right + size * 2.5
    width = flow.spec.paper[0] - flow.spec.left * 0.8 - x
    top = flow.y + size * 10
    balance = -acc.closing
    minimum = max(Decimal(10), (balance / 25).quantize(Decimal("0.01"))) if balance > 0 else 0
    due = st.end + timedelta(days=21)
    flow.text(x, top, "PAYMENT INFORMATION", bold=True)
    top = pairs_block(
        flow,
        x,
        top,
        width,
        [("Minimum Payment", usd(Decimal(minimum))), ("Payment Due Date", fmt_date(due, LONG))],
    )
    flow.text(x, top - size, "ACCOUNT SUMMARY", bold=True)
    top = pairs_block(flow, x, top - size, width, _figures(st, lines), bold_last=True)
    limit = Decimal(rng.choice((5000, 10000, 21500, 25000)))
    rates = [
        ("Credit Limit", usd(limit)),
        ("Available Credit", usd(max(limit - balance, Decimal(0)))),
        ("Annual Interest Rates", ""),
        ("Purchases", "19.99%"),
        ("Cash Advances", "22.99%"),
    ]
    pairs_block(flow, x, top - size, width, rates)


def _summary(flow: Flow, st: Statement, lines: Sequence[CardLine]) -> None:
    heading(flow, "CALCULATING YOUR BALANCE", underline=False)
    flow.y = pairs_block(
        flow, flow.left, flow.y, flow.width * 0.5, _figures(st, lines), bold_last=True
    )


def _describe(rng: Random, bank: Bank, line: CardLine) -> str:
    """The description cell: merchant, then the foreign currency and reference sub-lines."""
    m = line.merchant
    text = line.txn.description if m is None else f"{m.name} {m.city}"
    if line.fx is not None:
        amount, rate = line.fx
        foreign = EN.magnitude(amount)
        if bank.key == "rbc":
            text += f"\nForeign Currency-USD {foreign} Exchange rate-{rate}"
        elif bank.key == "cibc":
            text += f"\n{foreign} USD @ {rate}**"
        elif rng.random() < 0.6:
            text += f"\nFOREIGN CURRENCY {foreign} USD\n@ EXCHANGE RATE {rate}"
        else:
            text += f"\nFOREIGN CURRENCY {foreign} USD @ EXCHANGE RATE {rate}"
    if bank.key == "rbc":
        text += f"\n{rng.randrange(10**11):011d}{rng.randrange(10**12):012d}"
    return text


def _columns(bank: Bank, amount: str) -> list[Column]:
    dates = (
        ("Trans\ndate", "Post\ndate")
        if bank.key == "cibc"
        else ("TRANSACTION\nDATE", "POSTING\nDATE")
    )
    return [
        Column("d0", dates[0]),
        Column("d1", dates[1]),
        Column(
            "desc",
            "ACTIVITY DESCRIPTION" if bank.key != "cibc" else "Description",
            wrap=True,
            truth="description",
        ),
        Column("amount", amount, "r"),
    ]


def _row(rng: Random, bank: Bank, line: CardLine, log: TruthLog, signed: bool = True) -> Row:
    value = -line.txn.amount if signed else abs(line.txn.amount)
    cells = {
        "d0": fmt_date(line.txn.day, bank.day).upper()
        if bank.key != "cibc"
        else fmt_date(line.txn.day, bank.day),
        "d1": fmt_date(line.posted, bank.day).upper()
        if bank.key != "cibc"
        else fmt_date(line.posted, bank.day),
        "desc": _describe(rng, bank, line),
        "amount": usd(value),
    }
    return Row(cells, truth=log.row(line.txn, 0, "CAD", balance=False))


def _activity(
    flow: Flow, rng: Random, st: Statement, bank: Bank, lines: Sequence[CardLine], log: TruthLog
) -> None:
    """TD / RBC: one table from the previous balance to the new balance."""
    acc = st.accounts[0]
    net = -(acc.closing - acc.opening)
    body = [Row({"desc": "PREVIOUS STATEMENT BALANCE", "amount": owed(acc.opening)}, bold=True)]
    body += [_row(rng, bank, line, log) for line in lines]
    body += [
        Row({"desc": "NET AMOUNT OF MONTHLY ACTIVITY", "amount": usd(net)}, bold=True),
        Row(
            {
                "desc": "TOTAL NEW BALANCE" if bank.key == "td" else "NEW BALANCE",
                "amount": owed(acc.closing),
            },
            bold=True,
        ),
    ]
    rules: Rules = "rows" if bank.key == "td" else rng.choice(("header", "none"))
    style = Style.vary(rng, rules, desc=(150, 300))
    ReadingTable(flow, _columns(bank, "AMOUNT($)"), style).draw(body)


def _cibc(
    flow: Flow, rng: Random, st: Statement, bank: Bank, lines: Sequence[CardLine], log: TruthLog
) -> None:
    """CIBC: payments listed unsigned in their own section, then charges and credits."""
    style = Style.vary(rng, rng.choice(("header", "none")), desc=(200, 320))
    pays = [ln for ln in lines if ln.section == "payment"]
    heading(flow, "Your payments")
    body = [_row(rng, bank, ln, log, signed=False) for ln in pays]
    total = sum((ln.txn.amount for ln in pays), Decimal(0))
    body.append(Row({"desc": "Total payments", "amount": usd(total)}, bold=True))
    ReadingTable(flow, _columns(bank, "Amount($)"), style).draw(body)
    heading(flow, "Your new charges and credits")
    card = st.accounts[0].masked
    rest = [ln for ln in lines if ln.section != "payment"]
    body = [Row({"desc": f"Card number {card}"}, bold=True)]
    body += [_row(rng, bank, ln, log) for ln in rest]
    spent = sum((-ln.txn.amount for ln in rest), Decimal(0))
    body.append(Row({"desc": f"Total for {card}", "amount": usd(spent)}, bold=True))
    ReadingTable(flow, _columns(bank, "Amount($)"), style).draw(body)
    flow.y -= flow.spec.size
    heading(flow, "Interest rates", underline=False)
    flow.y = pairs_block(
        flow,
        flow.left,
        flow.y,
        flow.width * 0.5,
        [
            ("Purchases", "20.99%"),
            ("Cash advances", "22.99%"),
            (
                "Total interest this statement",
                usd(sum((-ln.txn.amount for ln in rest if ln.section == "interest"), Decimal(0))),
            ),
        ],
    )
