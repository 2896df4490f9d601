"""UK high-street current accounts, in the house styles of HSBC UK, NatWest, Lloyds, Barclays and
Santander UK (fictional bank names).

Taken from real prints (corpus sample 29, an anonymised HSBC UK statement; sample 03, Santander's
template) and from public parsers of these banks' statements:
- HSBC: Date / Payment type and details / Paid out / Paid in / Balance; `08 Sep 22` dates on a
  day's first row only; the balance on the day's last row only; type codes in a narrow column
  (DD, SO, BP, CR, VIS, `)))`, ATM, FPO, FPI, CHQ); details over two lines with the amount on the
  last; BALANCE BROUGHT FORWARD dated the day before the period, BALANCE CARRIED FORWARD at the end
  and at page breaks; overdrawn balances with a `D` suffix; an Account Summary box.
- NatWest: Date / Type / Description / Paid In / Withdrawn / Balance (paid in first), codes
  D/D, S/O, BAC, POS, C/L, OTR; `OD` after overdrawn balances; a BROUGHT FORWARD row.
- Lloyds: Date / Description / Type / Money In / Money Out / Balance: the code after the details.
- Barclays: yearless `3 Apr` dates on a day's first row, balance on its last row only, mixed-case
  worded narrations, Start balance / End balance rows and an "At a glance" box.
- Santander: ordinal dates (`12th Feb`), worded capitals narrations, a News and information column
  beside the table, a summary with a negative money-out figure, an interest-paid table and an
  average-balance line: dated figures that are not transactions.
Some variants print a payment-instructions box with another bank's sort code and account number;
the statement's own account number is the one in the header (the truth's account hint).
The payment type is a column of its own, not part of the description: the truth description is
the details cell alone, as the real HSBC sample's ground truth records it (its `type` field);
except on a cheque row, whose details are only the cheque number: there the bank's word from
the type column leads (`CHQ 009641`), as a cheque is never described by a lone number.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from functools import partial
from random import Random

from reportlab.lib.pagesizes import A4

from cypheredge.synth.formats import EN, fmt_date
from cypheredge.synth.layouts.common import Built, Layout, statement, totals
from cypheredge.synth.layouts.daybook import day_rows, info_box, ordinal, side_text
from cypheredge.synth.layouts.highstreet_text import (
    HSBC_CODES,
    LLOYDS_CODES,
    NATWEST_CODES,
    NEWS,
    UK_MIXED,
    UK_PAYEE,
    UK_WORDED,
)
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.regions import Region
from cypheredge.synth.render.blocks import (
    SMALL_PRINT,
    continuation,
    footer,
    letterhead,
    notices_page,
    summary_box,
)
from cypheredge.synth.render.flow import Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Row, Rules, Style, Table

TOWNS = ("London EC2V 7HN", "Leeds LS18 4AR", "Bradford BD1 5AN", "Cardiff CF10 1AA")
HOLDERS = ("MR JOHN CITIZEN", "MRS PRIYA DESAI", "MR Z TESTNAME", "MS HANNAH O'CONNOR")


@dataclass(frozen=True)
class House:
    """One bank's way of printing a current account."""

    key: str
    names: tuple[str, ...]
    region: Region
    codes: dict[str, str] | None  # payment type per ledger kind; None: the type is in words
    day: str  # fmt_date pattern, or "ORD" for `12th Feb`
    date_once: bool  # the date on a day's first row only
    sparse: bool  # the balance on a day's last row only
    overdrawn: str  # "D" or "OD" after an overdrawn balance, "-" before it
    order: tuple[str, ...]  # column keys in print order
    titles: tuple[tuple[str, str], ...]
    forward: tuple[str, str | None]  # opening row, closing row (None: no closing row)
    labels: tuple[str, tuple[str, str, str, str]]  # summary title and its four labels


HOUSES = (
    House(
        "hsbc",
        ("Kestrel Bank UK", "Hexagon Bank UK"),
        UK_PAYEE,
        HSBC_CODES,
        "DD MON YY",
        True,
        True,
        "D",
        ("date", "type", "desc", "out", "in", "bal"),
        (("type", "Payment\ntype"), ("desc", "and details"), ("out", "Paid out")),
        ("BALANCE BROUGHT FORWARD", "BALANCE CARRIED FORWARD"),
        ("Account Summary", ("Opening Balance", "Payments In", "Payments Out", "Closing Balance")),
    ),
    House(
        "natwest",
        ("County Westgate Bank", "Union Borough Bank"),
        UK_PAYEE,
        NATWEST_CODES,
        "DD MON YYYY",
        True,
        False,
        "OD",
        ("date", "type", "desc", "in", "out", "bal"),
        (("type", "Type"), ("in", "Paid In(£)"), ("out", "Withdrawn(£)"), ("bal", "Balance(£)")),
        ("BROUGHT FORWARD", None),
        ("Summary", ("Previous Balance", "Paid In", "Withdrawn", "New Balance")),
    ),
    House(
        "lloyds",
        ("Shire Horse Bank", "Greenvale Bank"),
        UK_PAYEE,
        LLOYDS_CODES,
        "DD MON YY",
        False,
        False,
        "-",
        ("date", "desc", "type", "in", "out", "bal"),
        (("in", "Money In (£)"), ("out", "Money Out (£)"), ("bal", "Balance (£)")),
        ("STATEMENT OPENING BALANCE", "STATEMENT CLOSING BALANCE"),
        (
            "Your account summary",
            ("Balance on {start}", "Money In", "Money Out", "Balance on {end}"),
        ),
    ),
    House(
        "barclays",
        ("Eagle Quay Bank", "Bluewater Bank"),
        UK_MIXED,
        None,
        "D MON",
        True,
        True,
        "-",
        ("date", "desc", "out", "in", "bal"),
        (("out", "Money out £"), ("in", "Money in £"), ("bal", "Balance £")),
        ("Start balance", "End balance"),
        ("At a glance", ("Start balance", "Money in", "Money out", "End balance")),
    ),
    House(
        "santander",
        ("Flame Street Bank", "Iberia Union Bank UK"),
        UK_WORDED,
        None,
        "ORD",
        False,
        False,
        "-",
        ("date", "desc", "in", "out", "bal"),
        (("in", "Money in"), ("out", "Money out"), ("bal", "£ Balance")),
        ("Balance brought forward from previous statement", None),
        ("Your account summary", ("", "Total money in:", "Total money out:", "")),
    ),
)
DEFAULT_TITLES = {
    "date": "Date",
    "type": "Type",
    "desc": "Description",
    "in": "Paid in",
    "out": "Paid out",
    "bal": "Balance",
}


class SideFlow(Flow):
    """A flow whose text column can be narrowed, leaving room for a side column of news."""

    side: float = 0.0

    @property
    def right(self) -> float:
        return self.spec.paper[0] - self.spec.right - self.side


def _day(house: House, day: date) -> str:
    return ordinal(day) if house.day == "ORD" else fmt_date(day, house.day)


def _balance(house: House, value: Decimal) -> str:
    body = EN.magnitude(value)
    if value >= 0:
        return body
    return f"-{body}" if house.overdrawn == "-" else f"{body} {house.overdrawn}"


def _pounds(house: House, value: Decimal) -> str:
    text = _balance(house, value)
    return f"-£{text[1:]}" if text.startswith("-") else f"£{text}"


def _columns(house: House) -> list[Column]:
    titles = DEFAULT_TITLES | dict(house.titles)
    align = {"in": "r", "out": "r", "bal": "r"}
    return [
        Column(
            key,
            titles[key],
            "r" if key in align else "l",
            wrap=key == "desc",
            truth="description" if key == "desc" else None,
        )
        for key in house.order
    ]


def _plan(rng: Random, house: House) -> Plan:
    pool = (*EVERYDAY, "check") if rng.random() < 0.5 else EVERYDAY
    prefix = f"{rng.randint(1000, 9999)}"
    # More rows than days where the balance is sparse, so days carry several rows.
    count = rng.randint(45, 70) if house.sparse else rng.randint(28, 55)
    return Plan(
        "Current Account",
        count,
        (150, 2800),
        overdraft=rng.random() < 0.5,
        pool=pool,
        mask=prefix + "{last4}",
    )


def _flow(rng: Random, house: House, st: Statement, bank: str) -> SideFlow:
    acc = st.accounts[0]
    sort = f"{rng.randint(10, 99)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}"
    period = f"{_day(house, st.start)} {st.start.year} to {_day(house, st.end)} {st.end.year}"
    if house.day not in ("D MON", "ORD"):
        period = f"{fmt_date(st.start, 'D MONTH YYYY')} to {fmt_date(st.end, 'D MONTH YYYY')}"
    details = [("Sort code", sort), ("Account number", acc.masked), ("Statement period", period)]
    if house.key == "hsbc":
        details.append(("Sheet number", str(rng.randint(20, 140))))
    if rng.random() < 0.5:
        details.append(
            ("IBAN", f"GB{rng.randint(10, 99)} XXXX {sort.replace('-', '')} {acc.masked}")
        )
    running = f"Account number {acc.masked} (continued)"
    flow = SideFlow(
        PageSpec.vary(rng, paper=(A4,)),
        footer(rng.choice(("Page {n} of {total}", "{n} of {total}"))),
        f"{bank} plc. Authorised by the Prudential Regulation Authority.",
        continuation(bank, running),
    )
    letterhead(flow, rng, st, rng.choice(("Your Statement", "Statement")), details)
    return flow


def _summary(flow: Flow, house: House, st: Statement) -> None:
    acc = st.accounts[0]
    title, labels = house.labels

    money = partial(_pounds, house)
    if house.key != "santander":
        start, end = fmt_date(st.start, "D MONTH YYYY"), fmt_date(st.end, "D MONTH YYYY")
        four = tuple(label.format(start=start, end=end) for label in labels)
        totals(flow, acc, title, (four[0], four[1], four[2], four[3]), money, 0.5)
        return
    pairs = [
        (
            f"Balance brought forward from {ordinal(st.start - timedelta(days=1))} Statement",
            money(acc.opening),
        ),
        (labels[1], f"£{EN.magnitude(acc.total_credits)}"),
        (labels[2], f"-£{EN.magnitude(acc.total_debits)}"),
        (f"Your balance at close of business {ordinal(st.end)} {st.end.year}", money(acc.closing)),
    ]
    summary_box(flow, f"{title} for {ordinal(st.start)} to {ordinal(st.end)}", pairs, 0.95)


def _extras(flow: Flow, rng: Random, house: House, st: Statement) -> None:
    """Figures that are not transactions: interest-paid and average-balance lines, rates, and a
    payment-instructions box with another bank's account number."""
    acc = st.accounts[0]
    if house.key == "santander":
        paid = [t for t in acc.txns if t.kind == "interest"]
        pairs = [
            (f"{ordinal(t.day)}  Interest on your credit balance", f"£{EN.magnitude(t.amount)}")
            for t in paid
        ] or [(f"{ordinal(st.end)}  Interest on your credit balance", "£0.00")]
        summary_box(flow, "Interest and refunds paid this period", pairs, 0.95)
        average = (acc.opening + acc.closing) / 2
        summary_box(
            flow,
            "Average balance for the month",
            [(f"{ordinal(st.end)}  Average credit balance", _pounds(house, average))],
            0.95,
        )
    elif rng.random() < 0.6:
        other = f"{rng.randint(10000000, 99999999)}"
        lines = [
            ("Payee", f"{st.bank.name.upper()} CLEARING"),
            ("Sort code", f"{rng.randint(10, 99)}-00-{rng.randint(10, 99)}"),
            ("Account number", other),
            ("Reference", "your sort code and account number"),
        ]
        info_box(flow, "Paying in from another bank", lines, 0.55)
    if house.key == "hsbc":
        flow.text(flow.right, flow.y, "Arranged overdraft limit £1,500.00  39.9% EAR", align="r")
        flow.y -= flow.spec.size * 2


def _body(house: House, st: Statement, log: TruthLog) -> list[Row]:
    """The opening row, the transactions and (where the house prints one) the closing row."""
    acc = st.accounts[0]

    def cells(t: Txn, first: bool, shown: bool) -> dict[str, str]:
        out = {"desc": t.description, "out" if t.amount < 0 else "in": EN.magnitude(t.amount)}
        if first or not house.date_once:
            out["date"] = _day(house, t.day)
        if shown:
            out["bal"] = _balance(house, t.balance)
        if house.codes is not None:
            out["type"] = house.codes[t.kind]
        return out

    txns = day_rows(acc, 0, log, cells, sparse=house.sparse)
    before = st.start - timedelta(days=1) if house.key == "hsbc" else st.start
    opening = {"date": _day(house, before), "desc": house.forward[0]}
    body = [Row(opening | {"bal": _balance(house, acc.opening)}, balance=acc.opening, bold=True)]
    body += txns
    if house.forward[1] is not None:
        closing = {"date": _day(house, st.end), "desc": house.forward[1]}
        body.append(Row(closing | {"bal": _balance(house, acc.closing)}, bold=True))
    return body


def _style(rng: Random, house: House) -> Style:
    rules: dict[str, Rules] = {
        "hsbc": "header",
        "natwest": "rows",
        "lloyds": "header",
        "barclays": "none",
    }
    narrow = (110, 170) if house.key == "hsbc" else (140, 230)
    style = Style.vary(rng, rules.get(house.key, "rows"), narrow)
    # HSBC prints the amount on the last line of a two-line details cell.
    return replace(style, bottom_align=house.key == "hsbc" or style.bottom_align)


def _carry(house: House) -> Carry:
    """The rows printed either side of a page break, in the house's own words."""
    words = ("BALANCE CARRIED FORWARD", "BALANCE BROUGHT FORWARD")
    if house.key in ("barclays", "santander", "lloyds"):
        words = ("Balance carried forward", "Balance brought forward")
    return Carry(
        carried=lambda b: {"desc": words[0], "bal": _balance(house, b)},
        brought=lambda b: {"desc": words[1], "bal": _balance(house, b)},
    )


def _cheques(house: House, body: list[Row]) -> None:
    """A cheque row's description: its type code before the bare number (after drawing, as
    the table writes the printed details into the truth)."""
    if house.codes is None:
        return
    for row in body:
        if row.truth is not None and row.cells.get("desc", "").isdigit():
            row.truth["description"] = f"{row.cells['type']} {row.truth['description']}"


def uk_highstreet(rng: Random) -> Built:
    house = rng.choice(HOUSES)
    bank = rng.choice(house.names)
    rollover = house.day == "D MON" and rng.random() < 0.4
    st = statement(
        rng, house.region, (bank, TOWNS, rng.choice(HOLDERS)), [_plan(rng, house)], rollover
    )
    flow = _flow(rng, house, st, bank)
    if house.key == "santander":
        flow.side = flow.width * 0.34
        top = flow.y
        side_text(
            flow,
            flow.right + flow.spec.size * 1.5,
            top,
            flow.side - flow.spec.size * 1.5,
            "News and information",
            [f"{head}. {body}" for head, body in NEWS],
        )
    _summary(flow, house, st)
    _extras(flow, rng, house, st)
    log = TruthLog()
    body = _body(house, st, log)
    Table(flow, _columns(house), _style(rng, house), _carry(house)).draw(body)
    _cheques(house, body)
    if rng.random() < 0.6:
        notices_page(flow, "Important information about your account", SMALL_PRINT)
    return Built(flow, st, log, EN)


LAYOUTS = (
    Layout(
        "uk_highstreet",
        "UK high-street current accounts in five house styles (HSBC, NatWest, Lloyds, Barclays, "
        "Santander): payment type codes in their own column (DD SO VIS ))) FPO FPI CHQ), dates on "
        "a day's first row only, balances on its last row only, D/OD/minus overdrawn balances, "
        "brought/carried forward rows, ordinal and yearless dates, summary boxes, a news column "
        "beside the table, interest-paid and average-balance lines, payment-instructions boxes "
        "with another account number",
        uk_highstreet,
    ),
)
