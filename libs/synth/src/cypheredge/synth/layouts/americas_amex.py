"""us_card_amex: an American Express style card statement (the Detail pages; page 1 and the
interest calculation are in americas_amex_front).

Modelled on the Amex Delta SkyMiles statement in the real corpus (26_amex_delta_skymiles_us) and
Amex Blue Cash / Gold prints: page 1 with New Balance, Minimum Payment Due, Payment Due Date,
the Account Summary box (Previous Balance / Payments/Credits / New Charges / Fees / Interest
Charged / New Balance, credit limits), late-payment and minimum-payment warnings with their
own figures and a payment coupon with long scan lines; then "Payments and Credits" and "New
Charges" each with a Summary per card member and a Detail; charges listed per card member
("Card Ending 5-02845") with a sub-total per member; payments dated with the posting-date
marker glued on ("02/15/25*"); merchant descriptions over two or three lines with the city and
state in narrow sub-columns and a phone number, web address or merchant category below; Fees
and Interest Charged sections with "Total ... for this Period" lines; year-to-date totals, the
interest charge calculation (APR table "Purchases 01/26/2016 29.99% (v) $0.00 $0.00") and a
notices page. MM/DD/YY dates, "Closing Date 02/21/25" and a period of 28-31 days.

Truth (see americas_cards for the sign convention): each payment, credit, charge, fee and
interest line is a transaction, in printed order; the description is the description column
with the city/state sub-columns in reading order ("AplPay THE FOUNTAIN ... ORLANDO FL
839-203-0194", as the real Amex ground truth reads); the card member column is not part of it.
Variants: one to three card members, fonts, sizes, sub-totals printed or not, payments in full
or revolving (interest charged), fees or none, desc column widths.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from random import Random

from reportlab.lib.pagesizes import LETTER

from cypheredge.synth.formats import EN, fmt_date
from cypheredge.synth.layouts.americas_amex_front import DAY, calculation, first_page
from cypheredge.synth.layouts.americas_cards import (
    US_MERCHANTS,
    CardLine,
    CardPlan,
    CardWords,
    account,
    card_month,
)
from cypheredge.synth.layouts.americas_table import (
    ReadingTable,
    mark_previous_page,
    pairs_block,
    usd,
)
from cypheredge.synth.layouts.common import Built
from cypheredge.synth.model import Party, Statement, TruthLog
from cypheredge.synth.render.blocks import footer, heading, notices_page
from cypheredge.synth.render.flow import HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Column, Row, Style

MEMBERS = ("JOHN Q SAMPLE", "MARIA L GARCIA", "KEVIN T NGUYEN", "PRIYA R SHAH", "ROBERT L HALE")
PRODUCTS = ("Blue Cash Preferred®", "Gold Card", "Platinum Card®", "SkyMiles® Gold Card")
ISSUERS = ("Meridian Express", "Liberty Express Card Services", "Patriot Express Bank")
PAYERS = ("Chase Bank USA NA", "Wells Fargo Bank NA", "Charles Schwab Bank SSB", "")
WORDS = CardWords(
    payments=(
        "AUTOPAY PAYMENT RECEIVED - THANK YOU",
        "ONLINE PAYMENT - THANK YOU",
        "MOBILE PAYMENT - THANK YOU",
    ),
    interest="Interest Charge on Purchases",
    refund="",
)
NOTICES = (
    "EFT Error Resolution Notice: in case of errors or questions about your electronic "
    "transfers telephone us at 1-800-528-4800 or write to PO Box 981531, El Paso TX 79998-1531 "
    "no later than 60 days after we sent you the FIRST statement on which the error appeared.",
    "Effective March 31, 2025, the membership benefit will no longer be offered. A late fee of "
    "up to $40.00 applies and your APRs may be increased to the Penalty APR of 29.99%.",
    "Credit Balance: a credit balance (designated CR) shown on this statement represents money "
    "owed to you; we will send a check for a credit balance of $1.00 or more on request.",
)


class _Running:
    """The header of every later page, and the 'Continued' lines around a page break."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines, self.detail = lines, True

    def __call__(self, flow: Flow) -> None:
        size = flow.spec.size
        for i, text in enumerate(self.lines):
            flow.text(flow.left, flow.y - size * (1.2 + 1.2 * i), text, bold=i == 0)
        flow.y -= size * (1.2 * len(self.lines) + 1.4)
        if self.detail:
            mark_previous_page(flow, "Continued on next page")
            flow.text(flow.left, flow.y - size, "Detail Continued", bold=True, size=size * 1.2)
            flow.y -= size * 2.2


@dataclass(frozen=True)
class _Card:
    """The month's lines and who holds which card."""

    statement: Statement
    lines: list[CardLine]
    members: list[str]
    ending: list[str]


def _card(rng: Random) -> _Card:
    end = date(rng.choice((2023, 2024, 2025)), rng.randint(1, 12), rng.randint(1, 28))
    start = end - timedelta(days=rng.randint(27, 30))
    members = rng.sample(MEMBERS, rng.choice((1, 2, 2, 3)))
    plan = CardPlan(
        len(members),
        (5, 16),
        US_MERCHANTS,
        fees=(("ANNUAL MEMBERSHIP FEE", 95, 695), ("LATE PAYMENT FEE", 29, 40)),
        revolving=0.35,
    )
    opening, lines = card_month(rng, start, end, plan, WORDS)
    ending = [f"{rng.randint(1, 9)}-{rng.randrange(10**5):05d}" for _ in members]
    acc = account("Card Account", ending[0], "USD", opening, lines)
    holder = Party(members[0], (f"{rng.randint(2, 980)} ELM STREET", "AUSTIN TX 78701-1234"))
    issuer = Party(rng.choice(ISSUERS), ("PO BOX 6031", "CAROL STREAM IL 60197"))
    return _Card(Statement(issuer, holder, start, end, (acc,)), lines, members, ending)


def us_card_amex(rng: Random) -> Built:
    card = _card(rng)
    st = card.statement
    head = (
        rng.choice(PRODUCTS),
        card.members[0],
        f"Closing Date {fmt_date(st.end, DAY)}",
        f"Account Ending {card.ending[0]}",
    )
    running = _Running(head)
    spec = PageSpec.vary(rng, fonts=(HELVETICA, TIMES), size=(7.0, 8.5), paper=(LETTER,))
    flow = Flow(spec, footer("p. {n}/{total}"), "", running)
    first_page(flow, rng, st, card.lines, head)
    running.detail = False  # page 2 starts the Detail; it continues nothing
    flow.new_page()
    running.detail = True
    log = TruthLog()
    style = Style(
        rules="none",
        header_fill=None,
        pad=rng.uniform(2.5, 4.5),
        row_pad=rng.uniform(1.0, 2.5),
        desc_limit=rng.uniform(150, 230),
    )
    _payments(flow, style, card, log)
    _charges(flow, style, card, log, rng.random() < 0.7)
    for section, title in (("fee", "Fees"), ("interest", "Interest Charged")):
        _sundries(flow, style, card, log, section, title)
    calculation(flow, rng, st, card.lines)
    running.detail = False
    notices_page(flow, "IMPORTANT NOTICES", NOTICES)
    return Built(flow, st, log, EN)


def _per_member(card: _Card, section: str) -> list[Decimal]:
    """Printed totals of one section per card member."""
    return [
        sum(
            (abs(ln.txn.amount) for ln in card.lines if ln.section == section and ln.member == i),
            Decimal(0),
        )
        for i in range(len(card.members))
    ]


def _row(log: TruthLog, line: CardLine, cells: dict[str, str]) -> Row:
    return Row(cells, truth=log.row(line.txn, 0, "USD", balance=False))


def _payments(flow: Flow, style: Style, card: _Card, log: TruthLog) -> None:
    """Summary per card member, then the Detail of payments and of credits."""
    heading(flow, "Payments and Credits", underline=False)
    pays = [ln for ln in card.lines if ln.section == "payment"]
    credits = [ln for ln in card.lines if ln.section == "credit"]
    per = _per_member(card, "credit")
    paid = sum((ln.txn.amount for ln in pays), Decimal(0))
    pairs = [("Payments", usd(-paid)), ("Credits", "")]
    pairs += [
        (f"   {m} {e}", usd(-v)) for m, e, v in zip(card.members, card.ending, per, strict=True)
    ]
    pairs += [("Total Payments and Credits", usd(-paid - sum(per, Decimal(0))))]
    flow.y = pairs_block(flow, flow.left, flow.y, flow.width, pairs)
    heading(flow, "Detail   *Indicates posting date", underline=False)
    for title, picked in (("Payments", pays), ("Credits", credits)):
        if not picked:
            continue
        columns = [
            Column("date", title),
            Column("member", ""),
            Column("desc", "", wrap=True, truth="description"),
            Column("amount", "Amount", "r"),
        ]
        body = [_row(log, ln, _payment_cells(card, ln)) for ln in picked]
        ReadingTable(flow, columns, style).draw(body)


def _payment_cells(card: _Card, line: CardLine) -> dict[str, str]:
    """A payment is dated with the posting-date marker glued on; a credit names the merchant,
    its place and category on lines of their own."""
    day = fmt_date(line.txn.day, DAY)
    if line.section == "payment":
        payer = PAYERS[line.txn.day.day % len(PAYERS)]
        extra = f"\n{payer}" if payer and "AUTOPAY" in line.txn.description else ""
        desc, day = line.txn.description + extra, day + "*"
    else:
        m = line.merchant
        assert m is not None
        desc = f"{m.name}\n{m.city} {m.state}\n{m.extra}"
    return {
        "date": day,
        "member": card.members[line.member],
        "desc": desc,
        "amount": usd(-line.txn.amount),
    }


def _charge_cells(line: CardLine) -> dict[str, str]:
    m = line.merchant
    assert m is not None
    return {
        "date": fmt_date(line.txn.day, DAY),
        "desc": f"{m.name}\n{m.extra}",
        "city": m.city,
        "state": m.state,
        "amount": usd(-line.txn.amount),
    }


CHARGE_COLUMNS = (
    Column("date", ""),
    Column("desc", "", wrap=True, truth="description"),
    Column("city", "", truth="description"),
    Column("state", "", truth="description"),
    Column("amount", "Amount", "r"),
)


def _charges(flow: Flow, style: Style, card: _Card, log: TruthLog, subtotals: bool) -> None:
    """New Charges: a Summary per card member, then each member's Detail with its sub-total."""
    heading(flow, "New Charges", underline=False)
    per = _per_member(card, "charge")
    pairs = [(f"{m} {e}", usd(v)) for m, e, v in zip(card.members, card.ending, per, strict=True)]
    pairs.append(("Total New Charges", usd(sum(per, Decimal(0)))))
    flow.y = pairs_block(flow, flow.left, flow.y, flow.width, pairs)
    heading(flow, "Detail", underline=False)
    size = flow.spec.size
    for index, member in enumerate(card.members):
        mine = [ln for ln in card.lines if ln.section == "charge" and ln.member == index]
        if not mine:
            continue
        flow.ensure(size * 8)
        flow.text(flow.left + size, flow.y - size, member, bold=True)
        flow.text(flow.left + size, flow.y - size * 2.2, f"Card Ending {card.ending[index]}")
        flow.y -= size * 3
        body = [_row(log, ln, _charge_cells(ln)) for ln in mine]
        if subtotals:
            body.append(Row({"desc": f"Total for {member}", "amount": usd(per[index])}, bold=True))
        ReadingTable(flow, CHARGE_COLUMNS, style).draw(body)
        flow.y -= size


def _sundries(
    flow: Flow, style: Style, card: _Card, log: TruthLog, section: str, title: str
) -> None:
    """Fees or Interest Charged: rows (maybe none) and the 'Total ... for this Period' line."""
    heading(flow, title, underline=False)
    columns = [
        Column("date", ""),
        Column("member", ""),
        Column("desc", "", wrap=True, truth="description"),
        Column("amount", "Amount", "r"),
    ]
    picked = [ln for ln in card.lines if ln.section == section]
    body = [
        _row(
            log,
            ln,
            {
                "date": fmt_date(ln.txn.day, DAY),
                "member": card.members[0],
                "desc": ln.txn.description,
                "amount": usd(-ln.txn.amount),
            },
        )
        for ln in picked
    ]
    total = sum((-ln.txn.amount for ln in picked), Decimal(0))
    body.append(Row({"desc": f"Total {title} for this Period", "amount": usd(total)}, bold=True))
    ReadingTable(flow, columns, style).draw(body)
