"""us_card_chase: a Chase / Citi / Capital One style card statement.

Modelled on the prints that card parsers in public repositories describe and test against:
Chase (ACCOUNT SUMMARY with "Opening/Closing Date 12/15/24 - 01/14/25", Credit Access Line
without cents, ACCOUNT ACTIVITY under "Date of Transaction / Merchant Name or Transaction
Description / $ Amount" with the PAYMENTS AND OTHER CREDITS, PURCHASE, FEES CHARGED and INTEREST
CHARGED sections, "TOTAL FEES FOR THIS PERIOD", "Total fees charged in 2025" year-to-date lines,
the INTEREST CHARGES table with "24.49%(v)(d)" and "- 0 -" cells, "31 Days in Billing Period",
credits printed "-1,234.56", a "TRANSACTIONS THIS CYCLE (CARD 1234)" line per authorised user);
Citi (Sale Date / Post Date columns, "Billing Period: 12/15/24-01/14/25", "Standard Purchases",
"Total standard purchases" lines, "-$500.00"); Capital One (Trans Date / Post Date as "Dec 15",
the period in words "Dec 15, 2024 - Jan 14, 2025", merchant, city and state glued together
"UBER *TRIPHELP.UBER.COMCA", "- $500.00" with a space, "Total Transactions for This Period").
Dates are printed without a year and the period often runs from December into January, so the
year of each row comes from the period.

Truth: every payment, credit, purchase, fee and interest row in printed order, dated by the
first date column; description as printed; section titles, totals, year-to-date and APR lines
are not transactions. Card sign convention as in americas_cards.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import EN, fmt_date
from cypheredge.synth.layouts.americas_cards import (
    US_MERCHANTS,
    CardLine,
    CardPlan,
    CardWords,
    account,
    card_month,
)
from cypheredge.synth.layouts.americas_table import ReadingTable, owed, pairs_block, usd
from cypheredge.synth.layouts.common import Built, period
from cypheredge.synth.model import Party, Statement, TruthLog
from cypheredge.synth.render.blocks import continuation, footer, heading, note
from cypheredge.synth.render.flow import HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Column, Row, Style

HOLDERS = ("JANE Q PUBLIC", "ROBERT L MARTINEZ", "EMILY CHEN", "MARCUS JOHNSON", "ANA RUIZ")
SECTIONS = ("payment", "charge", "fee", "interest")


@dataclass(frozen=True)
class Issuer:
    """One issuer's print conventions."""

    key: str
    banks: tuple[str, ...]
    dates: tuple[str, ...]  # titles of the date columns (one or two)
    day: str  # fmt_date pattern of the row dates (never with a year)
    titles: dict[str, str]  # section -> title row
    totals: dict[str, str]  # section -> total label ({year} is the closing year)
    words: CardWords
    money: Callable[[Decimal], str]  # a printed row amount, charges positive
    glue: bool = False  # merchant, city and state printed without spaces between them


def _chase_money(v: Decimal) -> str:
    return f"-{EN.magnitude(v)}" if v < 0 else EN.magnitude(v)


def _capone_money(v: Decimal) -> str:
    return f"- ${EN.magnitude(v)}" if v < 0 else f"${EN.magnitude(v)}"


ISSUERS = (
    Issuer(
        "chase",
        ("Hudson Card Services", "Lakeview Bank USA, N.A."),
        ("Date of\nTransaction",),
        "MM/DD",
        {
            "payment": "PAYMENTS AND OTHER CREDITS",
            "charge": "PURCHASE",
            "fee": "FEES CHARGED",
            "interest": "INTEREST CHARGED",
        },
        {"fee": "TOTAL FEES FOR THIS PERIOD", "interest": "TOTAL INTEREST FOR THIS PERIOD"},
        CardWords(
            (
                "Payment Thank You-Mobile",
                "AUTOMATIC PAYMENT - THANK YOU",
                "Payment Thank You - Web",
            ),
            "PURCHASE INTEREST CHARGE",
        ),
        _chase_money,
    ),
    Issuer(
        "citi",
        ("Citadel Card Bank, N.A.", "Crescent National Card"),
        ("Sale\nDate", "Post\nDate"),
        "MM/DD",
        {
            "payment": "Payments, Credits and Adjustments",
            "charge": "Standard Purchases",
            "fee": "Fees Charged",
            "interest": "Interest Charged",
        },
        {
            "payment": "Total payments, credits and adjustments",
            "charge": "Total standard purchases",
            "fee": "Total fees charged",
            "interest": "Total interest charged",
        },
        CardWords(
            ("ONLINE PAYMENT, THANK YOU", "AUTOPAY 000000000083401RAUTOPAY AUTO-PMT"),
            "INTEREST CHARGED TO STANDARD PURCH",
        ),
        lambda v: usd(v),
    ),
    Issuer(
        "capone",
        ("Keystone One Bank (USA), N.A.", "Summit Capital Card"),
        ("Trans Date", "Post Date"),
        "MON D",
        {
            "payment": "Payments, Credits and Adjustments",
            "charge": "Transactions",
            "fee": "Fees",
            "interest": "Interest Charged",
        },
        {
            "charge": "Total Transactions for This Period",
            "fee": "Total Fees for This Period",
            "interest": "Total Interest for This Period",
        },
        CardWords(
            ("CAPITAL AUTOPAY PYMT", "MOBILE PYMT Thank You"), "Interest Charge on Purchases"
        ),
        _capone_money,
        glue=True,
    ),
)


def us_card_chase(rng: Random) -> Built:
    issuer = rng.choice(ISSUERS)
    start, end = period(rng, rollover=rng.random() < 0.6)
    members = rng.sample(HOLDERS, 2 if rng.random() < 0.3 else 1)
    plan = CardPlan(
        len(members),
        (10, 28),
        US_MERCHANTS,
        revolving=0.5,
        fees=(
            ("LATE FEE", 29, 40),
            ("ANNUAL MEMBERSHIP FEE", 95, 550),
            ("FOREIGN TRANSACTION FEE", 1, 9),
        ),
    )
    opening, lines = card_month(rng, start, end, plan, issuer.words)
    cards = [f"{rng.randrange(10**4):04d}" for _ in members]
    acc = account("Credit Card", f"XXXX XXXX XXXX {cards[0]}", "USD", opening, lines)
    bank = rng.choice(issuer.banks)
    holder = Party(
        members[0],
        (f"{rng.randint(2, 980)} OAK AVE APT {rng.randint(1, 40)}", "COLUMBUS OH 43215-2201"),
    )
    st = Statement(
        Party(bank, ("P.O. BOX 15123", "WILMINGTON DE 19850")), holder, start, end, (acc,)
    )
    spec = PageSpec.vary(rng, fonts=(HELVETICA, TIMES), size=(7.0, 8.5))
    later = continuation(bank, f"{members[0]}  Account Number: {acc.masked}")
    flow = Flow(spec, footer("Page {n} of {total}"), "", later)
    _summary(flow, rng, st, issuer, lines)
    log = TruthLog()
    _activity(flow, rng, issuer, lines, members, cards, log)
    _year_to_date(flow, rng, st, lines)
    return Built(flow, st, log, EN)


def _sum(lines: Sequence[CardLine], *sections: str) -> Decimal:
    return sum((abs(ln.txn.amount) for ln in lines if ln.section in sections), Decimal(0))


def _period_line(st: Statement, issuer: Issuer, rng: Random) -> tuple[str, str]:
    if issuer.key == "capone":
        days = (st.end - st.start).days + 1
        text = f"{fmt_date(st.start, 'MON D, YYYY')} - {fmt_date(st.end, 'MON D, YYYY')}"
        return f"{days} days in Billing Cycle", text
    if issuer.key == "citi":
        return "Billing Period:", f"{fmt_date(st.start, 'MM/DD/YY')}-{fmt_date(st.end, 'MM/DD/YY')}"
    pattern = "MONTH D, YYYY" if rng.random() < 0.4 else "MM/DD/YY"
    return "Opening/Closing Date", f"{fmt_date(st.start, pattern)} - {fmt_date(st.end, pattern)}"


def _summary(
    flow: Flow, rng: Random, st: Statement, issuer: Issuer, lines: Sequence[CardLine]
) -> None:
    """Issuer header, ACCOUNT SUMMARY (left) and PAYMENT INFORMATION (right)."""
    size, acc = flow.spec.size, st.accounts[0]
    flow.text(flow.left, flow.y - size * 1.6, st.bank.name, bold=True, size=size * 1.6)
    for i, text in enumerate((st.holder.name, *st.holder.address)):
        flow.text(flow.left, flow.y - size * (4 + 1.25 * i), text)
    flow.y -= size * 9
    top = flow.y
    flow.text(flow.left, top, "ACCOUNT SUMMARY", bold=True, size=size * 1.2)
    pairs = _account_summary(rng, st, issuer, lines)
    bottom = pairs_block(flow, flow.left, top, flow.width * 0.46, pairs)
    right = flow.left + flow.width * 0.54
    flow.text(right, top, "PAYMENT INFORMATION", bold=True, size=size * 1.2)
    due = st.end + timedelta(days=rng.randint(23, 27))
    balance = -acc.closing
    minimum = min(balance, max(Decimal(40), (balance / 50).quantize(Decimal("0.01"))))
    info = [
        ("New Balance", owed(acc.closing)),
        ("Payment Due Date", fmt_date(due, "MM/DD/YY")),
        ("Minimum Payment Due", usd(max(minimum, Decimal(0)))),
    ]
    pairs_block(flow, right, top, flow.right - right, info)
    flow.y = bottom - size
    note(
        flow,
        "Late Payment Warning: If we do not receive your minimum payment by the date "
        "listed above, you may have to pay a late fee of up to $40.00 and your APRs may "
        "be increased to the Penalty APR of 29.99%. Minimum Payment Warning: if you make "
        "only the minimum payment each period, you will pay more in interest.",
    )


def _account_summary(
    rng: Random, st: Statement, issuer: Issuer, lines: Sequence[CardLine]
) -> list[tuple[str, str]]:
    """The summary's figures; credit lines are printed in whole dollars, as Chase does."""
    acc = st.accounts[0]
    limit = Decimal(rng.choice((5000, 8500, 10000, 15000)))
    available = max(limit + acc.closing, Decimal(0))
    return [
        ("Account Number:", acc.masked),
        ("Previous Balance", owed(acc.opening)),
        ("Payment, Credits", usd(-_sum(lines, "payment", "credit"))),
        ("Purchases", f"+{usd(_sum(lines, 'charge'))}"),
        ("Cash Advances", "$0.00"),
        ("Balance Transfers", "$0.00"),
        ("Fees Charged", f"+{usd(_sum(lines, 'fee'))}"),
        ("Interest Charged", f"+{usd(_sum(lines, 'interest'))}"),
        ("New Balance", owed(acc.closing)),
        _period_line(st, issuer, rng),
        ("Credit Access Line", f"${EN.magnitude(limit)[:-3]}"),
        ("Available Credit", f"${EN.magnitude(available)[:-3]}"),
        ("Cash Access Line", f"${EN.magnitude(limit / 5)[:-3]}"),
    ]


def _cells(issuer: Issuer, line: CardLine) -> dict[str, str]:
    text = line.txn.description
    if line.merchant is not None and line.section == "charge":
        m = line.merchant
        text = f"{m.name}{m.city}{m.state}" if issuer.glue else f"{m.name} {m.city} {m.state}"
    cells = {
        "d0": fmt_date(line.txn.day, issuer.day),
        "desc": text,
        "amount": issuer.money(-line.txn.amount),
    }
    if len(issuer.dates) > 1:
        cells["d1"] = fmt_date(line.posted, issuer.day)
    return cells


def _activity(
    flow: Flow,
    rng: Random,
    issuer: Issuer,
    lines: Sequence[CardLine],
    members: Sequence[str],
    cards: Sequence[str],
    log: TruthLog,
) -> None:
    """ACCOUNT ACTIVITY: one table, section title rows, rows, section totals."""
    chase = issuer.key == "chase"
    heading(flow, "ACCOUNT ACTIVITY" if chase else "Transactions")
    columns = [Column(f"d{i}", title) for i, title in enumerate(issuer.dates)]
    desc = "Merchant Name or Transaction Description" if chase else "Description"
    columns += [
        Column("desc", desc, wrap=True, truth="description"),
        Column("amount", "$ Amount" if chase else "Amount", "r"),
    ]
    body: list[Row] = []
    for section in SECTIONS:
        picked = _picked(lines, section)
        if not picked and section not in issuer.totals:
            continue
        body.append(Row({"desc": issuer.titles[section]}, bold=True))
        body += _section_rows(issuer, picked, members, cards, log)
        if section in issuer.totals:
            total = sum((ln.txn.amount for ln in picked), Decimal(0))
            cells = {"desc": issuer.totals[section], "amount": issuer.money(-total)}
            body.append(Row(cells, bold=True))
    style = Style.vary(rng, rng.choice(("none", "header")), desc=(260, 380))
    ReadingTable(flow, columns, style).draw(body)


def _picked(lines: Sequence[CardLine], section: str) -> list[CardLine]:
    """One section's lines; payments and refunds share a section, interleaved by date."""
    if section == "payment":
        credits = [ln for ln in lines if ln.section in ("payment", "credit")]
        return sorted(credits, key=lambda ln: ln.txn.day)
    return [ln for ln in lines if ln.section == section]


def _section_rows(
    issuer: Issuer,
    picked: Sequence[CardLine],
    members: Sequence[str],
    cards: Sequence[str],
    log: TruthLog,
) -> list[Row]:
    """Rows of one section; purchases of a second card member under their own cycle line."""
    out: list[Row] = []
    shown = -1
    for line in picked:
        if line.section == "charge" and len(members) > 1 and line.member != shown:
            shown = line.member
            total = sum((-ln.txn.amount for ln in picked if ln.member == shown), Decimal(0))
            label = f"{members[shown]} TRANSACTIONS THIS CYCLE (CARD {cards[shown]})"
            out.append(Row({"desc": label, "amount": issuer.money(total)}, bold=True))
        truth = log.row(line.txn, 0, "USD", balance=False)
        out.append(Row(_cells(issuer, line), truth=truth))
    return out


def _year_to_date(flow: Flow, rng: Random, st: Statement, lines: Sequence[CardLine]) -> None:
    """Year-to-date totals and the interest table: figures and dates that are not rows."""
    year, size = st.end.year, flow.spec.size
    earlier = st.start.year == year and st.end.month > 1  # earlier statements add to the totals
    fees = _sum(lines, "fee") + (Decimal(rng.choice((0, 40, 95))) if earlier else Decimal(0))
    interest = _sum(lines, "interest") * (st.end.month if earlier else 1)
    heading(flow, f"{year} Totals Year-to-Date", underline=False)
    ytd = [
        (f"Total fees charged in {year}", usd(fees)),
        (f"Total interest charged in {year}", usd(interest)),
    ]
    flow.y = pairs_block(flow, flow.left, flow.y, flow.width * 0.55, ytd)
    heading(flow, "INTEREST CHARGES", underline=False)
    _interest_table(flow, rng, st, _sum(lines, "interest"))
    days = (st.end - st.start).days + 1
    flow.text(flow.right, flow.y - size * 1.4, f"{days} Days in Billing Period", align="r")
    flow.y -= size * 2.4


def _interest_table(flow: Flow, rng: Random, st: Statement, charged: Decimal) -> None:
    """Balance types with their APRs; "- 0 -" where nothing is subject to interest."""
    columns = [
        Column("type", "Balance Type"),
        Column("apr", "Annual\nPercentage Rate (APR)", "r"),
        Column("subject", "Balance Subject\nTo Interest Rate", "r"),
        Column("charge", "Interest\nCharges", "r"),
    ]
    nil = "- 0 -"
    purchases = {
        "type": "Purchases",
        "apr": f"{rng.choice(('20.49', '24.49', '27.24'))}%(v)(d)",
        "subject": usd(-st.accounts[0].opening) if charged else nil,
        "charge": usd(charged) if charged else nil,
    }
    cash = {"type": "Cash Advances", "apr": "29.99%(v)(d)", "subject": nil, "charge": nil}
    body = [
        Row({"type": "PURCHASES"}, bold=True),
        Row(purchases),
        Row({"type": "CASH ADVANCES"}, bold=True),
        Row(cash),
    ]
    ReadingTable(flow, columns, Style(rules="header", header_fill=None)).draw(body)
