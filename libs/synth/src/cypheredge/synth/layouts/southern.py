"""New Zealand and South Africa: yearless dates, reordered columns, trailing Cr/Dr markers."""

from __future__ import annotations

from decimal import Decimal
from random import Random

from cypheredge.synth.formats import EN, fmt_date, marked
from cypheredge.synth.layouts.common import Built, Layout, rows, start, statement, totals
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import TruthLog, Txn
from cypheredge.synth.regions_english import NZ, ZA
from cypheredge.synth.render.flow import PageSpec
from cypheredge.synth.render.table import Column, Style, Table

NZ_COLUMNS = {
    "bal": Column("bal", "Balance", "r"),
    "date": Column("date", "Date"),
    "desc": Column("desc", "Transaction", wrap=True, truth="description"),
    "out": Column("out", "Withdrawals\nNZ$", "r"),
    "in": Column("in", "Deposits\nNZ$", "r"),
}
# Column orders seen on NZ statements and their imitators; several put the balance first.
NZ_ORDERS = (
    ("bal", "date", "desc", "out", "in"),
    ("date", "bal", "desc", "in", "out"),
    ("desc", "date", "in", "out", "bal"),
    ("date", "desc", "out", "in", "bal"),
)
ZA_COLUMNS = (
    Column("date", "Date"),
    Column("desc", "Description", wrap=True, truth="description"),
    Column("amount", "Amount", "r"),
    Column("bal", "Balance", "r"),
)


def _signed_en(value: Decimal) -> str:
    return f"-{EN.magnitude(value)}" if value < 0 else EN.magnitude(value)


def nz_reordered(rng: Random) -> Built:
    """`Jan 3` dates whose year comes from a December->January period in the header."""
    bank = rng.choice(("Harbourside Bank NZ", "Southern Cross Bank", "Pohutukawa Bank"))
    towns = ("Ponsonby, Auckland 1011", "Te Aro, Wellington 6011", "Riccarton, Christchurch 8011")
    holder = rng.choice(("MR T WAAKA", "MS H CLARKE"))
    plan = Plan("Everyday Account", rng.randint(18, 36), (400, 3000), mask="12-3456-0{last4}-00")
    st = statement(rng, NZ, (bank, towns, holder), [plan], rollover=True)
    acc, long_day = st.accounts[0], "D MONTH YYYY"
    period = f"{fmt_date(st.start, long_day)} to {fmt_date(st.end, long_day)}"
    details = [("Account", acc.masked), ("Currency", "NZD"), ("Statement period", period)]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng),
        ("Account statement", details),
        "Page {n} of {total}",
        running=f"Everyday Account {acc.masked}",
    )
    labels = ("Opening balance", "Total deposits", "Total withdrawals", "Closing balance")
    totals(flow, acc, "Summary", labels, lambda v: f"NZ${_signed_en(v)}", 0.42)

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "MON D"),
            "desc": t.description,
            "bal": _signed_en(t.balance),
            "out" if t.amount < 0 else "in": EN.magnitude(t.amount),
        }

    log = TruthLog()
    columns = [NZ_COLUMNS[key] for key in rng.choice(NZ_ORDERS)]
    Table(flow, columns, Style.vary(rng, "none", (190, 300))).draw(rows(acc, 0, log, cells))
    return Built(flow, st, log, EN)


def za_trailing_cr(rng: Random) -> Built:
    """FNB style: one amount column with `Cr` after credits, balances marked Cr or Dr."""
    bank = rng.choice(("Highveld Bank", "Karoo First Bank", "Table Bay Bank"))
    towns = ("Sandton 2196", "Rondebosch 7700", "Umhlanga 4319")
    holder = rng.choice(("MR S DLAMINI", "MRS L VAN DER MERWE"))
    plan = Plan(
        "Cheque Account", rng.randint(20, 40), (100, 1500), overdraft=True, mask="62{last4}"
    )
    st = statement(rng, ZA, (bank, towns, holder), [plan])
    acc, day, sep = st.accounts[0], "DD-MON-YY", rng.choice(("", " "))

    def cr(value: Decimal) -> str:
        return marked(EN, value, credit="Cr", debit="", sep=sep)

    def balance(value: Decimal) -> str:
        return marked(EN, value, credit="Cr", debit="Dr", sep=sep)

    period = f"{fmt_date(st.start, day)} to {fmt_date(st.end, day)}"
    details = [("Account number", acc.masked), ("Currency", "ZAR"), ("Statement period", period)]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng),
        ("Tax Invoice / Statement", details),
        "Page {n} of {total}",
        "Authorised Financial Services and Credit Provider.",
        f"Cheque Account {acc.masked}",
    )
    labels = ("Opening Balance", "Funds Received/Credits", "Funds Used/Debits", "Closing Balance")
    totals(flow, acc, "Account summary", labels, lambda v: f"R {balance(v)}", 0.45)

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, day),
            "desc": t.description,
            "amount": cr(t.amount),
            "bal": balance(t.balance),
        }

    log = TruthLog()
    style = Style.vary(rng, rng.choice(("rows", "none")), (200, 320))
    Table(flow, ZA_COLUMNS, style).draw(rows(acc, 0, log, cells))
    return Built(flow, st, log, EN)


LAYOUTS = (
    Layout(
        "nz_reordered",
        "NZ$; `Jan 3` dates without a year (year from a December->January period in the "
        "header); column order varies per seed, balance first in some; withdrawals/deposits "
        "columns; borderless; summary box",
        nz_reordered,
    ),
    Layout(
        "za_trailing_cr",
        "R (ZAR); 03-Jan-25 dates; one amount column with a trailing Cr on credits; balances "
        "with Cr/Dr suffix, overdrawn balances allowed (negative truth balance); summary box",
        za_trailing_cr,
    ),
)
