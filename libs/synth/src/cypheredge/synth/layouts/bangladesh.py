"""Family from Bangladesh: the statements of Dutch-Bangla Bank, BRAC Bank and Islami Bank
Bangladesh, in English and taka.

Held out in the sixth split; tuned on since that split was scored.

Public sources on Bangladeshi prints are thin: a public Flask parser of Islami Bank Bangladesh PDF
statements (account information, transactions and totals) names no columns in its public part, and
no bank publishes a specimen. The family keeps to the conventions Bangladeshi banks share with their
South Asian neighbours and to what the country's rules make them print: taka amounts in lakh
grouping (`5,28,000.00`, the same `1,23,456.78` Indian banks print), BEFTN, NPSB, bKash and Nagad
narrations, and the 15% VAT on every bank charge posted as a row of its own, with the income tax
deducted at source on interest likewise (10% for a person, as lenders' published schedules of
charges state it). The yearly excise duty, deducted once by balance band (Tk 150 above one lakh), is
left out: a one-month statement rarely holds it. Dutch-Bangla: Txn Date / Value Date / Particulars /
Chq No / Withdrawal (Dr) / Deposit (Cr) / Balance, DD-MM-YYYY, a Balance Forward row. BRAC:
DD-MON-YY dates in capitals (`05-JAN-24`), Debit / Credit / Balance and Balance c/f / b/f rows at
page breaks. Islami Bank: the profit of a Mudaraba account instead of interest, one Amount with a Dr
/ Cr column and the balance marked Cr or Dr.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import IN, fmt_date, marked
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start, totals
from cypheredge.synth.layouts.local_charges import charged, rate
from cypheredge.synth.layouts.local_kit import LinedTable, local_statement, segments
from cypheredge.synth.layouts.local_print import serial
from cypheredge.synth.layouts.local_regions_tropics import BANGLADESH
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
BD_BANKS = ("Padma Commercial Bank PLC", "Meghna Trust Bank PLC", "Jamuna City Bank PLC")
BD_TOWNS = ("Motijheel C/A, Dhaka-1000", "Gulshan-2, Dhaka-1212", "Agrabad, Chattogram-4100")
BD_STREETS = ("House {n}, Road 11", "Plot {n}, Kemal Ataturk Avenue", "{n}/A Green Road")
BD_HOLDERS = ("MD. KAMRUL HASAN", "SHARMIN SULTANA", "ABDULLAH AL MAMUN", "TASLIMA BEGUM")
VAT = "VAT ON CHARGES @15%"
AIT = "AIT ON INTEREST @10%"
LEGAL = "Deposits are insured under the Bank Deposit Insurance Act, 2000 (Bangladesh Bank)."


def _taka(value: Decimal) -> str:
    return IN.magnitude(value) if value >= 0 else f"-{IN.magnitude(value)}"


def _lines(t: Txn) -> str:
    return "\n".join(segments(t))


def _dbbl(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD-MM-YYYY"),
            "value": fmt_date(t.value_day, "DD-MM-YYYY"),
            "desc": _lines(t),
            "chq": serial(t, 7) if t.kind in ("rent", "transfer_out") else "",
            "out" if t.amount < 0 else "in": IN.magnitude(t.amount),
            "bal": _taka(t.balance),
        }

    columns = [
        Column("date", "Txn Date"),
        Column("value", "Value Date"),
        Column("desc", "Particulars", wrap=True, truth=DESC),
        Column("chq", "Chq No"),
        Column("out", "Withdrawal (Dr)", "r"),
        Column("in", "Deposit (Cr)", "r"),
        Column("bal", "Balance", "r"),
    ]
    body = framed({"desc": "Balance Forward", "bal": _taka(acc.opening)}, rows(acc, 0, log, cells))
    style = Style.vary(rng, rng.choice(("grid", "rows")), (140, 210))
    LinedTable(flow, columns, style).draw(body)
    labels = ("Opening Balance", "Total Deposit", "Total Withdrawal", "Closing Balance")
    totals(flow, acc, "Account Summary", labels, _taka)


def _brac(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD-MON-YY").upper(),
            "desc": " ".join(segments(t)),
            "ref": f"FT{serial(t, 10)}",
            "out" if t.amount < 0 else "in": IN.magnitude(t.amount),
            "bal": _taka(t.balance),
        }

    columns = [
        Column("date", "Tran Date"),
        Column("desc", "Description", wrap=True, truth=DESC),
        Column("ref", "Ref No"),
        Column("out", "Debit", "r"),
        Column("in", "Credit", "r"),
        Column("bal", "Balance", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "Balance c/f", "bal": _taka(b)},
        brought=lambda b: {"desc": "Balance b/f", "bal": _taka(b)},
    )
    body = framed(
        {"desc": "Opening Balance", "bal": _taka(acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "Closing Balance", "bal": _taka(acc.closing)},
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("header", "none", "rows")), (160, 240))
    LinedTable(flow, columns, style, carry).draw(body)


def _ibbl(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        text = "MUDARABA PROFIT" if t.kind == "interest" else _lines(t)
        if t.kind == "tax":
            text = "TAX ON MUDARABA PROFIT @10%"
        return {
            "date": fmt_date(t.day, "DD.MM.YYYY"),
            "desc": text,
            "inst": serial(t, 8) if t.kind in ("rent", "transfer_out", "salary") else "",
            "amt": IN.magnitude(t.amount),
            "dc": "Dr" if t.amount < 0 else "Cr",
            "bal": marked(IN, t.balance, credit="Cr", debit="Dr"),
        }

    columns = [
        Column("date", "Date"),
        Column("desc", "Particulars", wrap=True, truth=DESC),
        Column("inst", "Instrument No"),
        Column("amt", "Amount", "r"),
        Column("dc", "Dr/Cr", "c"),
        Column("bal", "Balance", "r"),
    ]
    body = framed(
        {"desc": "Opening Balance", "bal": marked(IN, acc.opening, credit="Cr", debit="Dr")},
        rows(acc, 0, log, cells),
        {"desc": "Closing Balance", "bal": marked(IN, acc.closing, credit="Cr", debit="Dr")},
    )
    style = Style.vary(rng, rng.choice(("grid", "rows", "none")), (170, 260))
    LinedTable(flow, columns, style).draw(body)


BD_TABLES: dict[str, Callable[[Flow, Random, Statement, TruthLog], None]] = {
    "dbbl": _dbbl,
    "brac": _brac,
    "ibbl": _ibbl,
}


def _charges(st: Statement) -> Statement:
    """15% VAT after each charge and 10% advance income tax after each interest credit."""
    st = charged(st, rate("0.15", lambda t: t.kind == "fee"), lambda t: VAT, kind="vat")
    return charged(st, rate("0.10", lambda t: t.kind == "interest"), lambda t: AIT, kind="tax")


def bd_statement(rng: Random) -> Built:
    variant = rng.choice(sorted(BD_TABLES))
    mask = f"{rng.randint(100, 299)}.{rng.randint(100, 999)}.{rng.randint(10, 99)}{{last4}}"
    if variant == "brac":
        mask = f"15{rng.randint(10**7, 10**8 - 1)}{{last4}}001"
    pool = (*EVERYDAY, "card", "transfer_out")
    name = "Mudaraba Savings Account" if variant == "ibbl" else "Savings Account"
    # charges every month (SMS alerts, maintenance): their VAT rows are the family's point
    plan = Plan(
        name,
        rng.randint(24, 54),
        (300, 3000),
        mandatory=("salary", "rent", "utility", "fee", "fee"),
        optional=("loan", "interest", "interest"),
        pool=pool,
        cheques=False,
        mask=mask,
    )
    names = (rng.choice(BD_BANKS), BD_TOWNS, rng.choice(BD_HOLDERS))
    st = _charges(local_statement(rng, BANGLADESH, names, [plan], period(rng), BD_STREETS))
    acc = st.accounts[0]
    span = f"{fmt_date(st.start, 'DD-MON-YYYY')} to {fmt_date(st.end, 'DD-MON-YYYY')}"
    details = [
        ("Account Name", st.holder.name),
        ("Account No", acc.masked),
        ("Account Type", acc.name),
        ("Currency", "BDT"),
        ("Statement Period", span),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(HELVETICA, TIMES, DEJAVU), size=(6.5, 8.0)),
        ("STATEMENT OF ACCOUNT", details),
        rng.choice(("Page {n} of {total}", "Page: {n}/{total}")),
        LEGAL,
        f"Statement of Account {acc.masked}",
    )
    log = TruthLog()
    BD_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, IN)


LAYOUTS = (
    Layout(
        "bd_statement",
        "Bangladeshi statements (Dutch-Bangla / BRAC / Islami Bank style): BDT in lakh "
        "grouping (5,28,000.00), BEFTN, NPSB, bKash and Nagad narrations, 15% VAT after each "
        "charge and 10% tax after each interest or profit credit as rows of their own; two "
        "DD-MM-YYYY dates, Chq No, Withdrawal (Dr) / Deposit (Cr) / Balance after a Balance "
        "Forward row and an account summary; or DD-MON-YY dates in capitals, FT references and "
        "Balance c/f / b/f rows at page breaks; or a Mudaraba account's profit, one Amount with "
        "a Dr / Cr column and balances marked Cr or Dr",
        bd_statement,
    ),
)
