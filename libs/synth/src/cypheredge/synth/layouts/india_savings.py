"""Indian savings statements as SBI, Axis and Bank of Baroda print them.

From the real prints (and the statement parsers written for them): SBI's Txn Date / Value Date
/ Description / Ref No./Cheque No. / Debit / Credit / Balance with `1 Jan 2024` dates (the year
wrapping under the day in a narrow column), `Balance as on 1 Jan 2024` above the table, and an
account block full of other numbers (CIF, IFSC, MICR, drawing power); Axis's Tran Date / Chq No /
Particulars / Debit / Credit / Balance / Init. Br with OPENING BALANCE, TRANSACTION TOTAL and
CLOSING BALANCE rows in the table; Baroda's dd/mm/yy dates and balances marked `Cr`. Lakh
grouping (1,23,456.78), UPI/IMPS/NEFT narrations whose slash-joined tokens are cut mid-word
over several lines, references that wrap too, and a Statement Summary (Opening Balance, Dr
Count, Cr Count, Debits, Credits, Closing Bal) above or below the transactions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import IN, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, rows, start, statement
from cypheredge.synth.layouts.postings import relocate
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import Account, Statement, TruthLog, Txn
from cypheredge.synth.regions_intl import INDIA_SBI
from cypheredge.synth.render.blocks import note
from cypheredge.synth.render.flow import Flow, PageSpec
from cypheredge.synth.render.table import Column, Row, Rules, Style, Table

STREETS = (
    "Flat {n}, Shanti Apartments, MG Road",
    "{n} 4th Cross, Indiranagar",
    "H.No. {n} Sector 15",
)
TOWNS = ("Bengaluru 560038", "Pune 411004", "Gurugram 122001", "Chennai 600017")
HOLDERS = ("Mr. RAHUL VERMA", "Mrs. PRIYA NAIR", "Mr. ANIL KUMAR SINGH", "Ms. DEEPA IYER")
SUMMARY = (
    Column("open", "Opening Balance", "r"),
    Column("drc", "Dr Count", "r"),
    Column("crc", "Cr Count", "r"),
    Column("dr", "Debits", "r"),
    Column("cr", "Credits", "r"),
    Column("close", "Closing Bal", "r"),
)


def _cr(v: Decimal) -> str:
    return f"{IN.magnitude(v)}{'Cr' if v >= 0 else 'Dr'}"


@dataclass(frozen=True)
class _Print:
    banks: tuple[str, ...]
    columns: tuple[Column, ...]
    day: str
    balance: Callable[[Decimal], str]
    framed: bool  # OPENING / TRANSACTION TOTAL / CLOSING BALANCE rows inside the table


def _desc(title: str) -> Column:
    return Column("desc", title, wrap=True, truth="description")


PRINTS = (
    _Print(
        ("State Bank of Bharat", "Imperial Bank of India"),
        (
            Column("date", "Txn Date"),
            Column("value", "Value\nDate"),
            _desc("Description"),
            Column("ref", "Ref No./Cheque\nNo.", wrap=True),
            Column("out", "Debit", "r"),
            Column("in", "Credit", "r"),
            Column("bal", "Balance", "r"),
        ),
        "D MON YYYY",
        lambda v: signed(IN, v),
        False,
    ),
    _Print(
        ("Meridian Commercial Bank", "Narmada Bank Ltd"),
        (
            Column("date", "Tran Date"),
            Column("ref", "Chq No"),
            _desc("Particulars"),
            Column("out", "Debit", "r"),
            Column("in", "Credit", "r"),
            Column("bal", "Balance", "r"),
            Column("branch", "Init.\nBr"),
        ),
        "DD-MM-YYYY",
        lambda v: signed(IN, v),
        True,
    ),
    _Print(
        ("Bank of Vadodara", "Saurashtra Gramin Bank"),
        (
            Column("date", "TRAN DATE"),
            Column("value", "VALUE DATE"),
            _desc("NARRATION"),
            Column("ref", "CHQ.NO."),
            Column("out", "WITHDRAWAL(DR)", "r"),
            Column("in", "DEPOSIT(CR)", "r"),
            Column("bal", "BALANCE(INR)", "r"),
        ),
        "DD/MM/YY",
        _cr,
        False,
    ),
)


def _ref(rng: Random, t: Txn, long: bool) -> str:
    """What the reference column holds: a cheque number, and on SBI's wide column also a
    transfer's other account or a reference number."""
    if t.kind in ("cheque_in", "cheque_return", "cheque_fee", "check"):
        return f"{rng.randrange(10**6):06d}"
    if not long:
        return ""
    if "UPI" in t.description or "IMPS" in t.description:
        way = "TRANSFER FROM" if t.amount >= 0 else "TRANSFER TO"
        return f"{way} {rng.randrange(10**13):013d}"
    return rng.choice(("", "-", f"{rng.randrange(10**10):010d}"))


def _cells(rng: Random, style: _Print, stacked: bool) -> Callable[[Txn], dict[str, str]]:
    long = any(c.key == "ref" and c.wrap for c in style.columns)

    def cells(t: Txn) -> dict[str, str]:
        day = fmt_date(t.day, style.day)
        if stacked:
            day = day.rsplit(" ", 1)[0] + "\n" + day.rsplit(" ", 1)[1]  # "1 Jan" over "2024"
        return {
            "date": day,
            "value": fmt_date(t.value_day, style.day),
            "desc": t.description,
            "ref": _ref(rng, t, long),
            "out" if t.amount < 0 else "in": IN.magnitude(t.amount),
            "bal": style.balance(t.balance),
            "branch": f"{rng.randint(100, 999)}",
        }

    return cells


def _summary(flow: Flow, rng: Random, acc: Account, style: _Print) -> None:
    """The one-row Statement Summary: figures in columns, none of them a transaction."""
    debits = sum(1 for t in acc.txns if t.amount < 0)
    cells = {
        "open": style.balance(acc.opening),
        "drc": str(debits),
        "crc": str(len(acc.txns) - debits),
        "dr": IN.magnitude(acc.total_debits),
        "cr": IN.magnitude(acc.total_credits),
        "close": style.balance(acc.closing),
    }
    flow.ensure(flow.spec.size * 8)
    flow.text(flow.left, flow.y - flow.spec.size, "Statement Summary", bold=True)
    flow.y -= flow.spec.size * 1.8
    Table(flow, SUMMARY, Style.vary(rng, "grid")).draw([Row(cells)])
    flow.y -= flow.spec.size


def _flow(rng: Random, st: Statement) -> Flow:
    acc, day = st.accounts[0], "D MON YYYY"
    details = [
        ("Account Number", acc.masked),
        ("CIF No.", f"{rng.randrange(10**11):011d}"),
        ("IFSC Code", f"SBIN000{rng.randint(1000, 9999)}"),
        ("MICR Code", f"{rng.randrange(10**9):09d}"),
        ("Drawing Power", "0.00"),
        ("Interest Rate(% p.a.)", "2.7"),
    ]
    title = f"Account Statement from {fmt_date(st.start, day)} to {fmt_date(st.end, day)}"
    spec = PageSpec.vary(rng, size=(6.5, 8.0))
    legal = "This is a computer generated statement and does not require a signature."
    return start(rng, st, spec, (title, details), "Page {n} of {total}", legal, f"A/c {acc.masked}")


def in_sbi(rng: Random) -> Built:
    style = rng.choice(PRINTS)
    plan = Plan("Savings Account", rng.randint(25, 55), (300, 2500), mask="000{last4}{last4}")
    names = (rng.choice(style.banks), TOWNS, rng.choice(HOLDERS))
    st = relocate(rng, statement(rng, INDIA_SBI, names, [plan]), STREETS, TOWNS)
    acc = st.accounts[0]
    flow = _flow(rng, st)
    on_top = rng.random() < 0.5
    if on_top:
        _summary(flow, rng, acc, style)
    note(flow, f"Balance as on {fmt_date(st.start, 'D MON YYYY')} : {style.balance(acc.opening)}")
    log = TruthLog()
    stacked = style.day == "D MON YYYY" and rng.random() < 0.4
    body = rows(acc, 0, log, _cells(rng, style, stacked))
    if style.framed:
        totals = {"out": IN.magnitude(acc.total_debits), "in": IN.magnitude(acc.total_credits)}
        body = framed(
            {"desc": "OPENING BALANCE", "bal": style.balance(acc.opening)},
            body,
            {"desc": "TRANSACTION TOTAL"} | totals,
            {"desc": "CLOSING BALANCE", "bal": style.balance(acc.closing)},
        )
    rules: Rules = rng.choice(("grid", "rows", "header"))
    Table(flow, style.columns, Style.vary(rng, rules, (110, 190))).draw(body)
    if not on_top:
        flow.y -= flow.spec.size
        _summary(flow, rng, acc, style)
    return Built(flow, st, log, IN)


LAYOUTS = (
    Layout(
        "in_sbi",
        "Indian savings statement (SBI / Axis / Bank of Baroda): Txn Date / Value Date / "
        "Description / Ref No./Cheque No. / Debit / Credit / Balance, '1 Jan 2024' dates (year "
        "wrapped under the day in some), dd-mm-yyyy or dd/mm/yy, lakh grouping, balances with Cr "
        "on Baroda, long UPI/IMPS/NEFT narrations cut mid-token, wrapping references, 'Balance "
        "as on' line, OPENING BALANCE / TRANSACTION TOTAL / CLOSING BALANCE rows on Axis, "
        "Statement Summary with Dr/Cr counts above or below, account block with CIF/IFSC/MICR",
        in_sbi,
    ),
)
