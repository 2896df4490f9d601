"""Mainframe-style print: Courier, dashed text rules, DR/CR suffixes, B/F and C/F rows."""

from __future__ import annotations

from decimal import Decimal
from random import Random

from cypheredge.synth.formats import EN, fmt_date, marked
from cypheredge.synth.layouts.common import Built, Layout, framed, rows, statement
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.regions_english import AUSTRALIA
from cypheredge.synth.render.blocks import footer
from cypheredge.synth.render.flow import COURIER, Flow, PageSpec, text_width
from cypheredge.synth.render.table import Carry, Column, Style, Table

DAY = "DD/MM/YY"


def _dashes(flow: Flow) -> None:
    """A rule typed as characters: it lands in the text layer, as on real line-printer output."""
    size = flow.spec.size
    count = int(flow.width / text_width("-", flow.font(), size))
    flow.text(flow.left, flow.y - size, "-" * count)
    flow.y -= size * 1.6


def _header(flow: Flow, st: Statement, number: int) -> None:
    size, acc = flow.spec.size, st.accounts[0]
    flow.text(flow.left, flow.y - size * 1.3, st.bank.name.upper(), bold=True, size=size * 1.4)
    flow.text(flow.right, flow.y - size * 1.3, "STATEMENT OF ACCOUNT", bold=True, align="r")
    flow.y -= size * 2.4
    flow.text(flow.left, flow.y - size, f"BRANCH: {' '.join(st.bank.address).upper()}")
    flow.text(flow.right, flow.y - size, f"STATEMENT NO. {number}", align="r")
    flow.y -= size * 1.6
    _dashes(flow)
    lines = (
        ("ACCOUNT NAME", st.holder.name),
        ("ACCOUNT NO.", acc.masked),
        ("PERIOD", f"{fmt_date(st.start, DAY)} TO {fmt_date(st.end, DAY)}"),
        ("CURRENCY", "AUD"),
        ("OPENING BALANCE", _balance(acc.opening)),
        ("CLOSING BALANCE", _balance(acc.closing)),
    )
    for label, value in lines:
        flow.text(flow.left, flow.y - size, f"{label:<16}: {value}")
        flow.y -= size * 1.35
    _dashes(flow)


def _balance(value: Decimal) -> str:
    return marked(EN, value, credit="CR", debit="DR")


COLUMNS = (
    Column("date", "DATE"),
    Column("value", "VALUE\nDATE"),
    Column("ref", "REFERENCE"),
    Column("desc", "PARTICULARS", wrap=True, truth="description"),
    Column("amount", "AMOUNT", "r"),
    Column("bal", "BALANCE", "r"),
)
CARRY = Carry(
    carried=lambda b: {"desc": "BALANCE C/F", "bal": _balance(b)},
    brought=lambda b: {"desc": "BALANCE B/F", "bal": _balance(b)},
)


def _cells(t: Txn) -> dict[str, str]:
    return {
        "date": fmt_date(t.day, DAY),
        "value": fmt_date(t.value_day, DAY),
        "ref": t.reference,
        "desc": t.description,
        "amount": marked(EN, t.amount, credit="CR", debit="DR"),
        "bal": _balance(t.balance),
    }


def au_courier(rng: Random) -> Built:
    bank = rng.choice(("Wattle Savings Bank", "Southern Star Building Society"))
    towns = ("SYDNEY NSW 2000", "PARRAMATTA NSW 2150", "FITZROY VIC 3065")
    plan = Plan(
        "Cheque Account",
        rng.randint(35, 65),
        (100, 2500),
        overdraft=True,
        mask="062-000 xxxx{last4}",
    )
    st = statement(rng, AUSTRALIA, (bank, towns, rng.choice(("J CITIZEN", "K O'BRIEN"))), [plan])
    acc = st.accounts[0]
    flow = Flow(
        PageSpec.vary(rng, fonts=(COURIER,), size=(6.5, 7.5)), footer("PAGE {n} OF {total}")
    )
    _header(flow, st, rng.randint(20, 140))
    log = TruthLog()
    body = framed(
        {"desc": "OPENING BALANCE", "bal": _balance(acc.opening)},
        rows(acc, 0, log, _cells),
        {"desc": "CLOSING BALANCE", "bal": _balance(acc.closing)},
        balance=acc.opening,
        bold=False,
    )
    style = Style(rules="header", header_fill=None, pad=3.0, row_pad=rng.uniform(0.5, 2.0))
    Table(flow, COLUMNS, style, CARRY).draw(body)
    return Built(flow, st, log, EN)


LAYOUTS = (
    Layout(
        "au_courier",
        "mainframe print in Courier: DD/MM/YY dates, value date and reference "
        "columns, amounts with trailing DR/CR, balances with CR/DR (overdrafts), dashed rules "
        "typed as text, OPENING/CLOSING rows and BALANCE C/F / B/F at page breaks",
        au_courier,
    ),
)
