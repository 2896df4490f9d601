"""Loan and mortgage statements: what is owed at the start and at the end, a few transactions and
figures that are not transactions.

Taken from UK building societies' published guides to their mortgage statements (Leeds, Coventry:
"Balance brought forward", loan payments in the Credits column, interest and fees in the Debits
column, "Balance carried forward", an interest rate history and the cost of repaying early) and
from CommBank home-loan statements as the transtractor configuration reads them (Date /
Transaction description / Debits / Credits / Balance, Opening balance and Closing balance,
balances with DR). Variants: a UK mortgage statement for a month or a year, an Australian home
loan for a month (fortnightly repayments, a monthly service fee, DR balances), each with a loan
summary box (original amount, term, remaining term, rate, monthly payment, next payment due) and,
in some, a schedule of the next repayments: dated rows with balances after the period that are
not transactions.

Sign convention (the truth): balances are signed from the holder's side, as the card families
sign them, so what is owed is negative: a printed "Balance 152,340.12" (or "$152,340.12 DR") is
-152340.12. A repayment is a credit (it lowers what is owed), interest charged and fees are debits
(they raise it), and opening + credits - debits = closing holds as for any account.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from random import Random

from cypheredge.synth.formats import CENT, EN, fmt_date
from cypheredge.synth.layouts.common import Built, framed, parties, rows, start
from cypheredge.synth.model import Account, Party, Statement, TruthLog, Txn
from cypheredge.synth.render.blocks import heading, note, summary_box
from cypheredge.synth.render.flow import Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Row, Style, Table


@dataclass(frozen=True)
class Terms:
    """The loan behind the statement."""

    original: Decimal
    rate: Decimal  # percent a year
    years: int
    left: int  # months remaining at the period's end
    payment: Decimal  # the monthly repayment


WARNING = {
    False: "Your home may be repossessed if you do not keep up repayments on your mortgage.",
    True: "Interest is calculated daily on the outstanding balance and charged monthly.",
}
COLUMNS = (
    Column("date", "Date"),
    Column("desc", "Description", wrap=True, truth="description"),
    Column("out", "Debits", "r"),
    Column("in", "Credits", "r"),
    Column("bal", "Balance", "r"),
)


def monthly_payment(principal: Decimal, rate: Decimal, months: int) -> Decimal:
    """The level repayment that clears `principal` in `months` at `rate` percent a year."""
    r = rate / 1200
    factor = (1 + r) ** months
    return (principal * r * factor / (factor - 1)).quantize(CENT, ROUND_HALF_UP)


def _terms(rng: Random, scale: Decimal) -> tuple[Terms, Decimal]:
    """The loan's terms and what is owed at the statement's start (a positive amount)."""
    years = rng.choice((20, 25, 30))
    original = Decimal(rng.randint(90, 450) * 1000) * scale
    rate = Decimal(rng.randint(289, 689)) / 100
    left = rng.randint(60, years * 12 - 12)
    payment = monthly_payment(original, rate, years * 12)
    owed = original * Decimal(left) / (years * 12) + Decimal(rng.randint(0, 99999)) / 100
    return Terms(original, rate, years, left, payment), owed.quantize(CENT)


def _txn(day: date, text: str, amount: Decimal, balance: Decimal, kind: str) -> Txn:
    return Txn(day, text, amount, balance, day, f"{day:%Y%m%d}", kind)


def _events(rng: Random, au: bool, first: date, last: date) -> list[tuple[date, str]]:
    """(day, kind) of every posting in the period, in posting order: monthly (UK) or
    fortnightly (AU) repayments, interest on each month's last day, AU's monthly service fee
    and, in some, an overpayment."""
    events: list[tuple[date, str]] = []
    pay_day, day = rng.choice((1, 15, 28)), first
    while day <= last:
        end = _month_end(day)
        if au:
            events += [(day + timedelta(days=d), "repayment") for d in (3, 17)]
            events += [(end, "interest"), (end, "fee")]
        else:
            events += [(day.replace(day=pay_day), "repayment"), (end, "interest")]
        day = end + timedelta(days=1)
    if rng.random() < 0.3:
        events.append((first + timedelta(days=rng.randint(0, (last - first).days)), "extra"))
    order = {"repayment": 0, "extra": 1, "interest": 2, "fee": 3}
    return sorted(events, key=lambda e: (e[0], order[e[1]]))


def _month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)


WORDS = {
    "uk": {
        "repayment": "LOAN PAYMENT - THANK YOU",
        "interest": "INTEREST CHARGED",
        "fee": "ACCOUNT FEE",
        "extra": "CAPITAL REPAYMENT (OVERPAYMENT)",
    },
    "au": {
        "repayment": "Repayment/Payment - Thank you",
        "interest": "Debit interest",
        "fee": "Loan service fee",
        "extra": "Additional repayment - Thank you",
    },
}


def loan_account(
    rng: Random, au: bool, first: date, last: date, scale: Decimal
) -> tuple[Account, Terms]:
    """The ledger: what is owed chained from the opening, negative from the holder's side."""
    terms, owed = _terms(rng, scale)
    balance, txns = -owed, []
    words = WORDS["au" if au else "uk"]
    for day, kind in _events(rng, au, first, last):
        if kind == "interest":
            amount = -(-balance * terms.rate / 1200).quantize(CENT)
        elif kind == "repayment":
            amount = terms.payment / 2 if au else terms.payment
        elif kind == "fee":
            amount = -Decimal("8.00")
        else:
            amount = Decimal(rng.randint(5, 50) * 100) * scale
        amount = amount.quantize(CENT)
        balance += amount
        txns.append(_txn(day, words[kind], amount, balance, kind))
    name = "Home Loan" if au else "Mortgage Account"
    masked = (
        f"{rng.randint(10, 99)}{rng.randrange(10**6):06d}"
        if au
        else f"{rng.randrange(10**8):08d}/01"
    )
    return Account(name, masked, "AUD" if au else "GBP", -owed, tuple(txns), owed=True), terms


def _period(rng: Random, au: bool) -> tuple[date, date]:
    year = rng.choice((2023, 2024))
    if not au and rng.random() < 0.4:
        return date(year, 1, 1), date(year, 12, 31)  # the annual mortgage statement
    month = rng.randint(1, 12)
    first = date(year, month, 1)
    return first, _month_end(first)


def _owed(au: bool, value: Decimal) -> str:
    """A balance as the lender prints it: what is owed, unsigned (UK) or with DR (AU)."""
    body = EN.magnitude(value)
    if au:
        return f"${body} {'DR' if value < 0 else 'CR'}"
    return body if value <= 0 else f"{body} CR"


def _summary(flow: Flow, au: bool, st: Statement, terms: Terms) -> None:
    """Loan facts in a box: rates, terms, the repayment, the next due date; not transactions."""
    acc, sign = st.accounts[0], "$" if au else "£"
    left = terms.left
    paid = [t.day for t in acc.txns if t.kind == "repayment"]
    due = paid[-1] + timedelta(days=14) if au else _month_end(st.end) + timedelta(days=paid[-1].day)
    pairs = [
        ("Original loan amount", f"{sign}{EN.magnitude(terms.original)}"),
        ("Loan term", f"{terms.years} years"),
        ("Remaining term", f"{left // 12} years {left % 12} months"),
        ("Interest rate", f"{terms.rate}% p.a. variable" if au else f"{terms.rate}% variable"),
        ("Monthly repayment", f"{sign}{EN.magnitude(terms.payment)}"),
        ("Next payment due", fmt_date(due, "DD/MM/YYYY")),
    ]
    summary_box(flow, "Your loan at a glance", pairs, 0.55)
    interest = sum((-t.amount for t in acc.txns if t.kind == "interest"), Decimal(0))
    charges = sum((-t.amount for t in acc.txns if t.kind == "fee"), Decimal(0))
    ends = [
        (f"Balance at {fmt_date(st.start, 'D MONTH YYYY')}", _owed(au, acc.opening)),
        ("Interest charged", EN.magnitude(interest)),
        ("Other charges", EN.magnitude(charges)),
        ("Payments received", EN.magnitude(acc.total_credits)),
        (f"Balance at {fmt_date(st.end, 'D MONTH YYYY')}", _owed(au, acc.closing)),
    ]
    summary_box(flow, "Summary of your account", ends, 0.55)


def _schedule(flow: Flow, rng: Random, au: bool, st: Statement, terms: Terms) -> None:
    """The next three repayments: dated rows with balances after the period, not transactions."""
    owed, day, body = -st.accounts[0].closing, st.end, []
    for _ in range(3):
        day = _month_end(day + timedelta(days=1))
        interest = (owed * terms.rate / 1200).quantize(CENT)
        owed = owed + interest - terms.payment
        cells = {
            "date": fmt_date(day, "DD/MM/YYYY"),
            "pay": EN.magnitude(terms.payment),
            "int": EN.magnitude(interest),
            "cap": EN.magnitude(terms.payment - interest),
            "bal": EN.magnitude(owed),
        }
        body.append(Row(cells))
    columns = (
        Column("date", "Due date"),
        Column("pay", "Repayment", "r"),
        Column("int", "Interest", "r"),
        Column("cap", "Principal", "r"),
        Column("bal", "Balance after", "r"),
    )
    heading(flow, "Your next repayments (estimated)")
    Table(flow, columns, Style.vary(rng, "rows")).draw(body)


def _parties_for(rng: Random, au: bool) -> tuple[Party, Party]:
    lenders = ("Eucalypt Home Loans", "Harbour Bank of Australia")
    if not au:
        lenders = ("Pennine Building Society", "Wessex Mutual Building Society")
    towns = ("SYDNEY NSW 2000", "FITZROY VIC 3065") if au else ("Leeds LS1 5AB", "Bath BA1 1AA")
    return parties(
        rng, rng.choice(lenders), towns, rng.choice(("MR J & MRS A CITIZEN", "MS H PATEL"))
    )


def _transactions(flow: Flow, rng: Random, au: bool, st: Statement, log: TruthLog) -> None:
    """The postings between an opening and a closing row, in what is owed."""
    acc = st.accounts[0]
    words = ("Opening balance", "Closing balance")
    if not au:
        words = ("Balance brought forward", "Balance carried forward")
    day = "DD/MM/YYYY"
    body = framed(
        {"date": fmt_date(st.start, day), "desc": words[0], "bal": _owed(au, acc.opening)},
        rows(acc, 0, log, lambda t: _cells(au, t)),
        {"date": fmt_date(st.end, day), "desc": words[1], "bal": _owed(au, acc.closing)},
        balance=acc.opening,
    )
    carry = Carry(
        carried=lambda b: {"desc": "Balance carried forward", "bal": _owed(au, b)},
        brought=lambda b: {"desc": "Balance brought forward", "bal": _owed(au, b)},
    )
    heading(flow, "Transactions" if au else "Your mortgage account transactions")
    style = Style.vary(rng, rng.choice(("header", "rows")), (200, 300))
    Table(flow, COLUMNS, style, carry).draw(body)


def loan_statement(rng: Random) -> Built:
    au = rng.random() < 0.45
    first, last = _period(rng, au)
    acc, terms = loan_account(rng, au, first, last, Decimal("1.5") if au else Decimal(1))
    st = Statement(*_parties_for(rng, au), first, last, (acc,))
    long = "D MONTH YYYY"
    details = [
        ("Account number", acc.masked),
        ("Statement period", f"{fmt_date(first, long)} to {fmt_date(last, long)}"),
        ("Statement date", fmt_date(last + timedelta(days=rng.randint(1, 9)), "DD/MM/YYYY")),
    ]
    title = "Home Loan Statement" if au else "Mortgage Statement"
    running = f"{acc.name} {acc.masked}"
    flow = start(
        rng, st, PageSpec.vary(rng), (title, details), "Page {n} of {total}", running=running
    )
    _summary(flow, au, st, terms)
    log = TruthLog()
    _transactions(flow, rng, au, st, log)
    if rng.random() < 0.5:
        _schedule(flow, rng, au, st, terms)
    # The cost of repaying early sits near the closing balance but is neither it nor a row.
    early = -acc.closing + terms.payment / 2
    sign = "$" if au else "£"
    note(
        flow,
        f"Cost of repaying your loan early as at {fmt_date(last, long)}: {sign}"
        f"{EN.magnitude(early)} (includes interest to the end of the month). " + WARNING[au],
    )
    return Built(flow, st, log, EN)


def _cells(au: bool, t: Txn) -> dict[str, str]:
    side = "in" if t.amount > 0 else "out"
    return {
        "date": fmt_date(t.day, "DD/MM/YYYY"),
        "desc": t.description,
        side: EN.magnitude(t.amount),
        "bal": _owed(au, t.balance),
    }
