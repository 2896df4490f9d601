"""Kenyan M-PESA full statements (Safaricom style).

From real statements and the parsers written for them (PesaTrack's statement spec, MpesaLens,
statement importers' fixtures): a SUMMARY table of TRANSACTION TYPE / PAID IN / PAID OUT totals
above the transactions (figures, not rows), then Receipt No. / Completion Time (`2024-01-15
14:22:05`) / Details / Transaction Status / Paid In / Withdrawn / Balance, NEWEST FIRST, whole
shillings printed with `.00`, withdrawals printed negative in the Withdrawn column
(`-1,000.00`), Details wrapping over two or three lines (`Customer Transfer to - 2547******512
JOHN KAMAU`, `Pay Bill Online to 522522 - ... Acc. ...`), each transaction's charge
(`Customer Transfer of Funds Charge`, `Withdrawal Charge`, `Pay Merchant Charge`) as a row of its
own with the same receipt number and time, printed above it, and a Disclaimer footer. The real
statement prints no opening balance: the truth's opening is the balance before the oldest row
(its balance minus its amount), which is what a perfect reader derives.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import EN, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, rows, start, statement
from cypheredge.synth.layouts.postings import rechain, relocate, with_charges
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Account, Statement, TruthLog, Txn
from cypheredge.synth.regions_intl import KENYA
from cypheredge.synth.render.blocks import heading
from cypheredge.synth.render.flow import Flow, PageSpec
from cypheredge.synth.render.table import Column, Row, Style, Table

# Safaricom's tariff bands (upper bound of the band, charge) for transfers and agent withdrawals.
TRANSFER = ((100, 0), (500, 7), (1000, 13), (1500, 23), (2500, 33), (3500, 53), (5000, 57))
TRANSFER_HIGH = ((7500, 78), (10000, 90), (15000, 100), (20000, 105), (10**9, 108))
WITHDRAW = ((2500, 29), (3500, 52), (5000, 69), (7500, 87), (10000, 115), (20000, 185))
WITHDRAW_HIGH = ((35000, 197), (50000, 278), (10**9, 309))
# Summary rows in Safaricom's order, each with the Details prefixes it totals.
SUMMARY = (
    ("SEND MONEY:", ("Customer Transfer to", "Customer Payment to Small")),
    ("RECEIVED MONEY:", ("Funds received from",)),
    ("AGENT DEPOSIT:", ("Deposit of Funds",)),
    ("AGENT WITHDRAWAL:", ("Customer Withdrawal",)),
    ("LIPA NA M-PESA (PAYBILL):", ("Pay Bill",)),
    ("LIPA NA M-PESA (BUY GOODS):", ("Merchant Payment",)),
)
DISCLAIMER = (
    "Disclaimer: This record is produced for your personal use and is not a statement of "
    "account. Terms and conditions apply."
)
COLUMNS = (
    Column("receipt", "Receipt No."),
    Column("time", "Completion Time"),
    Column("desc", "Details", wrap=True, truth="description"),
    Column("status", "Transaction\nStatus"),
    Column("in", "Paid In", "r"),
    Column("out", "Withdrawn", "r"),
    Column("bal", "Balance", "r"),
)
DAYS = "123456789ABCDEFGHIJKLMNOPQRSTUV"  # a receipt's third character: the day
TOWNS = ("Nairobi", "Mombasa", "Kisumu", "Nakuru")
HOLDERS = ("JOHN MWANGI KARIUKI", "FAITH ACHIENG ODHIAMBO", "BRIAN KIPCHOGE RUTO")


def _band(amount: Decimal, *tables: Sequence[tuple[int, int]]) -> Decimal:
    value = -amount
    return next(Decimal(c) for table in tables for cap, c in table if value <= cap)


def _charges(t: Txn) -> list[tuple[str, Decimal]]:
    if t.description.startswith("Customer Transfer to"):
        return [("Customer Transfer of Funds Charge", _band(t.amount, TRANSFER, TRANSFER_HIGH))]
    if t.description.startswith("Customer Payment to Small"):
        return [("Pay Merchant Charge", _band(t.amount, TRANSFER, TRANSFER_HIGH))]
    if t.kind == "atm":
        return [("Withdrawal Charge", _band(t.amount, WITHDRAW, WITHDRAW_HIGH))]
    if t.kind == "rent":
        return [("Pay Bill Charge", _band(t.amount, TRANSFER, TRANSFER_HIGH))]
    return []


def _whole(account: Account) -> Account:
    """Whole shillings, as M-PESA moves them; the opening rises if rounding would overdraw."""
    txns = [
        replace(t, amount=Decimal(max(int(abs(t.amount)), 1)).copy_sign(t.amount))
        for t in account.txns
    ]
    chained = rechain(replace(account, opening=Decimal(int(account.opening))), txns)
    low = min([chained.opening, *(t.balance for t in chained.txns)])
    return rechain(replace(chained, opening=chained.opening - min(low, Decimal(0))), txns)


def _stamps(rng: Random, account: Account) -> dict[str, tuple[str, str]]:
    """Receipt number and completion time per reference (a charge shares its parent's): the
    receipt's first three characters encode year, month and day, as Safaricom's do."""
    days: dict[date, list[str]] = {}
    for t in account.txns:
        if t.reference not in days.setdefault(t.day, []):
            days[t.day].append(t.reference)
    out, alphabet = {}, string.ascii_uppercase + string.digits
    for day, refs in days.items():
        seconds = sorted(rng.sample(range(6 * 3600, 23 * 3600), len(refs)))
        head = "RSTU"[day.year - 2023] + string.ascii_uppercase[day.month - 1] + DAYS[day.day - 1]
        for ref, sec in zip(refs, seconds, strict=True):
            receipt = head + "".join(rng.choice(alphabet) for _ in range(7))
            clock = f"{sec // 3600:02d}:{sec // 60 % 60:02d}:{sec % 60:02d}"
            out[ref] = (receipt, f"{day.isoformat()} {clock}")
    return out


def _summary(flow: Flow, rng: Random, account: Account) -> None:
    """The SUMMARY table: per-type totals above the transactions; none of its rows is one."""
    totals: dict[str, list[Decimal]] = {label: [Decimal(0), Decimal(0)] for label, _ in SUMMARY}
    totals["OTHERS:"] = [Decimal(0), Decimal(0)]
    for t in account.txns:
        label = next((lb for lb, heads in SUMMARY if t.description.startswith(heads)), "OTHERS:")
        totals[label][0 if t.amount > 0 else 1] += abs(t.amount)
    totals["TOTAL:"] = [account.total_credits, account.total_debits]
    body = [
        Row({"type": k, "in": EN.magnitude(v[0]), "out": EN.magnitude(v[1])}, bold=k == "TOTAL:")
        for k, v in totals.items()
    ]
    columns = (
        Column("type", "TRANSACTION TYPE"),
        Column("in", "PAID IN", "r"),
        Column("out", "PAID OUT", "r"),
    )
    heading(flow, "SUMMARY", underline=False)
    table = Table(flow, columns, Style.vary(rng, "grid"))
    table.measure(body)
    table.widths = [w * 0.55 for w in table.widths]  # a narrow box, as printed
    table.draw(body)


def _flow(rng: Random, st: Statement) -> Flow:
    day = "DD MON YYYY"
    period = f"{fmt_date(st.start, day)} - {fmt_date(st.end, day)}"
    phone = f"07{rng.randint(10, 99)}{rng.randrange(10**6):06d}"
    details = [
        ("Customer Name", st.holder.name),
        ("Mobile Number", phone),
        ("Email Address", f"{st.holder.name.split()[0].lower()}@example.co.ke"),
        ("Statement Period", period),
        ("Request Date", fmt_date(st.end, day)),
    ]
    spec = PageSpec.vary(rng, size=(6.5, 8.0))
    title = rng.choice(("M-PESA STATEMENT", "MPESA FULL STATEMENT"))
    return start(rng, st, spec, (title, details), "Page {n} of {total}", DISCLAIMER)


def _cells(stamps: dict[str, tuple[str, str]], stacked: bool) -> Callable[[Txn], dict[str, str]]:
    def cells(t: Txn) -> dict[str, str]:
        receipt, time = stamps[t.reference]
        side = {"in": EN.magnitude(t.amount)} if t.amount > 0 else {"out": signed(EN, t.amount)}
        return {
            "receipt": receipt,
            "time": time.replace(" ", "\n") if stacked else time,
            "desc": t.description,
            "status": "Completed",
            "bal": EN.magnitude(t.balance),
        } | side

    return cells


def ke_mpesa(rng: Random) -> Built:
    plan = Plan(
        "M-PESA",
        rng.randint(25, 50),
        (20, 400),
        optional=("loan", "interest"),
        pool=(*EVERYDAY[:-3], "card", "atm", "utility", "fee"),
        cheques=False,
        mask="07{last4}***",
    )
    st = statement(rng, KENYA, ("Twiga Mobile PLC", TOWNS, rng.choice(HOLDERS)), [plan])
    st = relocate(rng, st, ("P.O. Box {n}-00100", "Waiyaki Way, Westlands"), TOWNS)
    acc = with_charges(_whole(st.accounts[0]), _charges)
    st = replace(st, accounts=(acc,))
    flow = _flow(rng, st)
    _summary(flow, rng, acc)
    heading(flow, "DETAILED STATEMENT", underline=False)
    log = TruthLog()
    # Printed newest first; the ledger (and so the closing balance) stays in posting order.
    newest = replace(acc, txns=acc.txns[::-1])
    body = rows(newest, 0, log, _cells(_stamps(rng, acc), rng.random() < 0.4))
    Table(flow, COLUMNS, Style.vary(rng, rng.choice(("grid", "rows")), (130, 210))).draw(body)
    return Built(flow, st, log, EN)


LAYOUTS = (
    Layout(
        "ke_mpesa",
        "Kenyan M-PESA full statement: SUMMARY table of transaction-type totals (not rows), "
        "Receipt No. / Completion Time (yyyy-mm-dd hh:mm:ss, stacked date over time in some) / "
        "wrapped Details / Transaction Status / Paid In / Withdrawn printed negative / Balance, "
        "newest first, whole KES, each charge a row of its own sharing its parent's receipt, "
        "no printed opening balance (derived from the oldest row), Disclaimer footer",
        ke_mpesa,
    ),
)
