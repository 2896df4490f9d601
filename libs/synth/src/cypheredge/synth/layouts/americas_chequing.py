"""ca_chequing: a Canadian chequing account (RBC / CIBC / Scotiabank / TD style), CAD.

Modelled on the layouts Canadian statement parsers in public repositories are written against:
RBC personal chequing ("Details of your account activity", header "Date Description
Withdrawals ($) Deposits ($) Balance ($)", "03 Jan" dates printed only on a day's first row,
the balance only on a day's last row, the transaction type on one line and the merchant or
payee on the next, Opening Balance / Closing Balance rows, "From January 3, 2025 to February 3,
2025" and a "Summary of your account for this period" box); CIBC ("Jan 3" dates, balance on
every row, "Balance forward" / "Closing balance"); Scotiabank ("Transactions / Amounts withdrawn
($) / Amounts deposited ($) / Balance ($)", "Opening Balance" row); TD ("DESCRIPTION CHEQUE/DEBIT
DEPOSIT/CREDIT DATE BALANCE" with the date column after the amounts, "JAN03" dates, BALANCE
FORWARD row, overdrawn balances marked "OD").

Truth: each transaction in printed order, dated by the day its row belongs to (a row without a
date takes the date printed above it), description over its lines joined by one space,
balance as printed or None on rows that print none; Opening/Closing balance rows are not
transactions. Variants: bank, date format, which rows print balances, two-line or one-line
descriptions, overdrafts, December->January periods with yearless dates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import EN, fmt_date
from cypheredge.synth.layouts.americas_table import ReadingTable, broken, joined, pairs_block
from cypheredge.synth.layouts.common import Built, rows, start, statement
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import Account, Statement, TruthLog, Txn
from cypheredge.synth.regions_americas import CANADA
from cypheredge.synth.render.blocks import heading
from cypheredge.synth.render.flow import Flow, PageSpec
from cypheredge.synth.render.table import Column, Row, Style

TOWNS = ("Toronto ON M5H 1J9", "Ottawa ON K1P 5G4", "Calgary AB T2P 2M5", "Halifax NS B3J 1P3")
HOLDERS = ("MR JEAN TREMBLAY", "MS AMANDA CHEN", "MR RAVI PATEL", "MRS CLAIRE MACDONALD")


@dataclass(frozen=True)
class Bank:
    key: str
    names: tuple[str, ...]
    day: Callable[[date], str]
    order: tuple[str, ...]  # column keys in printed order
    titles: dict[str, str]
    ends: tuple[str, str]  # the opening and closing rows' words
    every_date: bool  # the date on every row (else only on a day's first row)
    every_balance: bool  # the balance on every row (else only on a day's last row)
    two_lines: bool  # transaction type above the payee
    overdrawn: Callable[[Decimal], str]  # a negative balance as printed


def _minus(value: Decimal) -> str:
    return f"-{EN.magnitude(value)}" if value < 0 else EN.magnitude(value)


def _od(value: Decimal) -> str:
    return f"{EN.magnitude(value)}OD" if value < 0 else EN.magnitude(value)


COMMON = {
    "date": "Date",
    "desc": "Description",
    "out": "Withdrawals ($)",
    "in": "Deposits ($)",
    "bal": "Balance ($)",
}
BANKS = (
    Bank(
        "rbc",
        ("Royal Laurentian Bank", "Northern Crown Bank"),
        lambda d: fmt_date(d, "DD MON"),
        ("date", "desc", "out", "in", "bal"),
        COMMON,
        ("Opening Balance", "Closing Balance"),
        False,
        False,
        True,
        _minus,
    ),
    Bank(
        "cibc",
        ("Imperial Commerce Bank", "Dominion Imperial Bank"),
        lambda d: fmt_date(d, "MON D"),
        ("date", "desc", "out", "in", "bal"),
        COMMON,
        ("Opening balance", "Closing balance"),
        False,
        True,
        False,
        _minus,
    ),
    Bank(
        "scotia",
        ("Bank of Nova Albion", "Maritime Scotia Bank"),
        lambda d: fmt_date(d, "MON D"),
        ("date", "desc", "out", "in", "bal"),
        {
            "date": "Date",
            "desc": "Transactions",
            "out": "Amounts\nwithdrawn ($)",
            "in": "Amounts\ndeposited ($)",
            "bal": "Balance ($)",
        },
        ("Opening Balance", "Closing Balance"),
        True,
        True,
        True,
        _minus,
    ),
    Bank(
        "td",
        ("Dominion Trust Canada", "Maple Leaf Trust"),
        lambda d: fmt_date(d, "MONDD").upper(),
        ("desc", "out", "in", "date", "bal"),
        {
            "desc": "DESCRIPTION",
            "out": "CHEQUE/DEBIT",
            "in": "DEPOSIT/CREDIT",
            "date": "DATE",
            "bal": "BALANCE",
        },
        ("BALANCE FORWARD", "CLOSING BALANCE"),
        True,
        False,
        False,
        _od,
    ),
)


def ca_chequing(rng: Random) -> Built:
    bank = rng.choice(BANKS)
    plan = Plan(
        "Chequing",
        rng.randint(36, 60),
        (300, 4000),
        overdraft=rng.random() < 0.3,
        mask=f"{rng.randint(10000, 99999)}-{{last4}}{rng.randint(100, 999)}",
    )
    names = (rng.choice(bank.names), TOWNS, rng.choice(HOLDERS))
    st = statement(rng, CANADA, names, [plan], rollover=rng.random() < 0.4)
    flow = _flow(rng, st)
    _summary(flow, st)
    heading(flow, "Details of your account activity" if bank.key == "rbc" else "Transactions")
    log = TruthLog()
    columns = [
        Column(
            k,
            bank.titles[k],
            "l" if k in ("date", "desc") else "r",
            wrap=k == "desc",
            truth="description" if k == "desc" else None,
        )
        for k in bank.order
    ]
    style = Style.vary(rng, rng.choice(("none", "header", "rows")), desc=(170, 300))
    ReadingTable(flow, columns, style).draw(_body(bank, st, st.accounts[0], log))
    return Built(flow, st, log, EN)


def _flow(rng: Random, st: Statement) -> Flow:
    acc, long = st.accounts[0], "MONTH D, YYYY"
    period_text = f"From {fmt_date(st.start, long)} to {fmt_date(st.end, long)}"
    details = [
        ("Account number", acc.masked),
        ("Statement period", period_text),
        ("Transit number", f"{rng.randint(10000, 99999)}"),
    ]
    head = ("Your account statement", details)
    running = f"Account number: {acc.masked}  {period_text}"
    return start(rng, st, PageSpec.vary(rng), head, "{n} of {total}", "", running)


def _summary(flow: Flow, st: Statement) -> None:
    """The period's opening, deposits, withdrawals and closing: figures that are not rows."""
    acc, long = st.accounts[0], "MONTH D, YYYY"
    heading(flow, "Summary of your account for this period", underline=False)
    pairs = [
        (f"Opening balance on {fmt_date(st.start, long)}", f"${_minus(acc.opening)}"),
        ("Total deposits into your account", f"+ {EN.magnitude(acc.total_credits)}"),
        ("Total withdrawals from your account", f"- {EN.magnitude(acc.total_debits)}"),
        (f"Closing balance on {fmt_date(st.end, long)}", f"= ${_minus(acc.closing)}"),
    ]
    flow.y = pairs_block(flow, flow.left, flow.y, flow.width * 0.6, pairs, bold_last=True)
    flow.y -= flow.spec.size


def _body(bank: Bank, st: Statement, acc: Account, log: TruthLog) -> list[Row]:
    """Opening row, the day-grouped transaction rows, closing row."""
    txns = list(acc.txns)
    firsts = {t.day: i for i, t in reversed(list(enumerate(txns)))}
    lasts = {t.day: i for i, t in enumerate(txns)}
    index = {id(t): i for i, t in enumerate(txns)}

    def shows_balance(t: Txn) -> bool:
        return bank.every_balance or lasts[t.day] == index[id(t)]

    def cells(t: Txn) -> dict[str, str]:
        text = broken(t.description) if bank.two_lines else joined(t.description)
        out = {
            "desc": text.upper() if bank.key == "td" else text,
            "out" if t.amount < 0 else "in": EN.magnitude(t.amount),
        }
        if bank.every_date or firsts[t.day] == index[id(t)]:
            out["date"] = bank.day(t.day)
        if shows_balance(t):
            out["bal"] = bank.overdrawn(t.balance)
        return out

    opening = {"date": bank.day(st.start), "desc": bank.ends[0], "bal": bank.overdrawn(acc.opening)}
    closing = {"date": bank.day(st.end), "desc": bank.ends[1], "bal": bank.overdrawn(acc.closing)}
    body = [Row(opening, balance=acc.opening, bold=True)]
    body += rows(acc, 0, log, cells, balance=shows_balance)
    return [*body, Row(closing, bold=True)]
