"""Nigerian bank statements: GTBank, Zenith, Access and First Bank prints.

From the real statements and the parsers written for them (ng-bank-parser, GTB statement
readers): dates like `02-Jan-2024`, GTBank's Trans. Date / Value. Date / Reference / Debits /
Credits / Balance / Originating Branch / Remarks with the narration in the LAST column and
wrapping over several lines, Zenith's `0.00` printed on the empty side, First Bank putting
deposits before withdrawals, long numeric references, NIP / POS / USSD narrations, the bank's
own charges as rows of their own (NIP commission and its 7.5% VAT after a transfer, the N50
ELECTRONIC MONEY TRANSFER LEVY after a receipt of N10,000 or more), a summary header with
opening balance, total withdrawals / lodgements and closing balance, NGN printed as `NGN` or
`₦`, landscape pages on GTBank.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from random import Random

from reportlab.lib.pagesizes import A4, landscape

from cypheredge.synth.formats import EN, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, rows, start, statement, totals
from cypheredge.synth.layouts.postings import relocate, with_charges
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import Account, Statement, TruthLog, Txn
from cypheredge.synth.regions_intl import NIGERIA
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, Flow, PageSpec
from cypheredge.synth.render.table import Column, Rules, Style, Table

STREETS = ("{n} Adeola Odeku Street", "{n} Allen Avenue", "Plot {n} Adetokunbo Ademola Crescent")
TOWNS = ("Victoria Island, Lagos", "Ikeja, Lagos", "Wuse II, Abuja", "GRA, Port Harcourt")
HOLDERS = ("ADEBAYO OLUWASEUN JOHN", "CHIOMA GRACE EZE", "MUSA ABDULLAHI IBRAHIM")
BRANCHES = ("E-BRANCH", "IKEJA BRANCH", "LEKKI PHASE 1", "HEAD OFFICE", "WUSE II ABUJA")
LEVY = Decimal(50)  # EMTL: NGN 50 on each electronic receipt of NGN 10,000 or more
TIERS = ((Decimal(5000), Decimal(10)), (Decimal(50000), Decimal(25)), (None, Decimal(50)))
VAT = Decimal("0.075")
NIP_OUT = ("rent", "transfer_out")
RECEIPTS = ("salary", "transfer_in")


def _charges(t: Txn) -> list[tuple[str, Decimal]]:
    """What the bank posts after a transfer: NIP commission + VAT, or the transfer levy."""
    if t.kind in NIP_OUT:
        fee = next(f for cap, f in TIERS if cap is None or -t.amount <= cap)
        vat = (fee * VAT).quantize(Decimal("0.01"))
        return [
            (f"COMMISSION ON NIP TRANSFER {t.reference}", fee),
            (f"VALUE ADDED TAX VAT ON NIP TRANSFER FOR {t.reference}", vat),
        ]
    if t.kind in RECEIPTS and t.amount >= 10000:
        return [("ELECTRONIC MONEY TRANSFER LEVY", LEVY)]
    return []


@dataclass(frozen=True)
class _Print:
    banks: tuple[str, ...]
    columns: tuple[Column, ...]
    day: str
    zero: str  # what the empty money column shows: "" or Zenith's "0.00"
    labels: tuple[str, str, str, str]  # opening, credits, debits, closing
    opening_row: bool  # an "Opening Balance" row at the top of the table


REMARKS = Column("desc", "Remarks", wrap=True, truth="description")
PRINTS = (
    _Print(
        ("Guardian Trust Bank Plc", "Lagoon Trust Bank Plc"),
        (
            Column("date", "Trans.\nDate"),
            Column("value", "Value.\nDate"),
            Column("ref", "Reference", wrap=True),
            Column("out", "Debits", "r"),
            Column("in", "Credits", "r"),
            Column("bal", "Balance", "r"),
            Column("branch", "Originating\nBranch"),
            REMARKS,
        ),
        "DD-MON-YYYY",
        "",
        ("Opening Balance", "Total Lodgements", "Total Withdrawals", "Closing Balance"),
        False,
    ),
    _Print(
        ("Apex Trust Bank Plc", "Niger Delta Bank Plc"),
        (
            Column("date", "DATE POSTED"),
            Column("value", "VALUE DATE"),
            Column("desc", "DESCRIPTION", wrap=True, truth="description"),
            Column("out", "DEBIT", "r"),
            Column("in", "CREDIT", "r"),
            Column("bal", "BALANCE", "r"),
        ),
        "DD/MM/YYYY",
        "0.00",
        ("Opening Balance", "Total Credit", "Total Debit", "Closing Balance"),
        True,
    ),
    _Print(
        ("Crossway Continental Bank", "Sahel Commercial Bank"),
        (
            Column("date", "Posted Date"),
            Column("value", "Value Date"),
            Column("desc", "Description", wrap=True, truth="description"),
            Column("out", "Debit", "r"),
            Column("in", "Credit", "r"),
            Column("bal", "Balance", "r"),
        ),
        "DD-MON-YY",
        "",
        ("Opening Balance", "Total Lodgement", "Total Withdrawal", "Closing Balance"),
        False,
    ),
    _Print(
        ("First Federal Bank of Nigeria", "Premier Bank of Nigeria Ltd"),
        (
            Column("date", "TransDate"),
            Column("ref", "Reference"),
            Column("desc", "Details", wrap=True, truth="description"),
            Column("value", "ValueDate"),
            Column("in", "Deposit", "r"),
            Column("out", "Withdrawal", "r"),
            Column("bal", "Balance", "r"),
        ),
        "DD-MON-YYYY",
        "",
        ("Opening Balance", "Total Deposit", "Total Withdrawal", "Closing Balance"),
        True,
    ),
)


def _cells(rng: Random, style: _Print) -> Callable[[Txn], dict[str, str]]:
    def cells(t: Txn) -> dict[str, str]:
        side, other = ("out", "in") if t.amount < 0 else ("in", "out")
        return {
            "date": fmt_date(t.day, style.day),
            "value": fmt_date(t.value_day, style.day),
            "ref": f"{rng.randrange(10**6):06d}{t.day:%y%m%d}{rng.randrange(10**10):010d}",
            "desc": t.description,
            side: EN.magnitude(t.amount),
            other: style.zero,
            "bal": signed(EN, t.balance),
            "branch": rng.choice(BRANCHES),
        }

    return cells


def _flow(rng: Random, st: Statement, style: _Print) -> Flow:
    acc, day = st.accounts[0], "DD-MON-YYYY"
    wide = len(style.columns) > 7 and rng.random() < 0.7
    naira = rng.random() < 0.5
    spec = PageSpec.vary(
        rng,
        fonts=(DEJAVU,) if naira else (HELVETICA, DEJAVU),
        size=(6.5, 8.0),
        paper=(landscape(A4),) if wide else (A4,),
    )
    details = [
        ("Account No", acc.masked),
        ("Account Name", st.holder.name),
        ("Currency", "NGN"),
        ("Period", f"{fmt_date(st.start, day)} to {fmt_date(st.end, day)}"),
    ]
    legal = "Deposits are insured by NDIC up to the limit prescribed by law."
    flow = start(rng, st, spec, ("Customer Statement", details), "Page {n} of {total}", legal)
    symbol = "₦" if naira else "NGN "
    totals(flow, acc, "Summary", style.labels, lambda v: f"{symbol}{signed(EN, v)}", 0.45)
    return flow


def ng_bank(rng: Random) -> Built:
    style = rng.choice(PRINTS)
    plan = Plan("Savings Account", rng.randint(20, 40), (300, 3000), mask="01{last4}{last4}")
    names = (rng.choice(style.banks), TOWNS, rng.choice(HOLDERS))
    st = relocate(rng, statement(rng, NIGERIA, names, [plan]), STREETS, TOWNS)
    acc: Account = with_charges(st.accounts[0], _charges)
    st = Statement(st.bank, st.holder, st.start, st.end, (acc,))
    flow = _flow(rng, st, style)
    log = TruthLog()
    body = rows(acc, 0, log, _cells(rng, style))
    if style.opening_row:
        opening = {"date": fmt_date(st.start, style.day), "desc": "Opening Balance"}
        body = framed(opening | {"bal": signed(EN, acc.opening)}, body, bold=False)
    rules: Rules = rng.choice(("grid", "rows"))
    Table(flow, style.columns, Style.vary(rng, rules, (120, 220))).draw(body)
    return Built(flow, st, log, EN)


LAYOUTS = (
    Layout(
        "ng_bank",
        "Nigerian bank statement (GTBank / Zenith / Access / First Bank): 02-Jan-2024, "
        "02/01/2024 or 02-Jan-24 dates, value date, long numeric references, GTBank's remarks in "
        "the last column after the originating branch, Zenith's 0.00 on the empty side, First "
        "Bank's deposit column before withdrawals, wrapped NIP/POS/USSD narrations, NIP "
        "commission + VAT and the N50 transfer levy as rows of their own, summary header with "
        "opening/closing balance and totals in NGN or ₦, landscape pages on some",
        ng_bank,
    ),
)
