"""Family from Ethiopia: the statements of the Commercial Bank of Ethiopia, Awash Bank
and Dashen Bank, in English and birr.

Held out in the seventh split; tuned on since that split was scored.

Public sources on Ethiopian statement PDFs are thin: the family follows public parsers of CBE's
receipts and SMS alerts (the `FT24237CLNMY` shape of a T24 funds-transfer reference, `CBE Birr
to T24 Transfer Settlement`, `Credited with ETB 3,000.00 ... Your Current Balance is ETB`), the
receipt extractors written for CBE, Dashen, Awash and telebirr, and the 15% VAT Ethiopian banks
post on their service charges as a row of its own, said so here. CBE: Date / Particulars /
Reference / Value Date / Debit / Credit / Balance, DD/MM/YYYY, FT references, a Balance B/F row.
Awash: DD-MON-YY upper-cased, Withdrawal / Deposit / Balance, two-line narrations, carried
forward at page breaks. Dashen: the newest movement first, ISO dates with the time, one signed
amount with ETB after it and the balance.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from random import Random

from cypheredge.synth.formats import EN, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.local_charges import charged, rate
from cypheredge.synth.layouts.local_kit import LinedTable, clock, local_statement, segments
from cypheredge.synth.layouts.local_print import serial
from cypheredge.synth.layouts.local_regions_sk_tn_uy_et import ETHIOPIA
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.flow import HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
ET_BANKS = {
    "cbe": ("Commercial Bank of Abyssinia Highlands",),
    "awash": ("Awash Valley Bank S.C.",),
    "dashen": ("Dashen Highlands Bank S.C.",),
}
ET_TOWNS = ("Addis Ababa", "Bahir Dar", "Hawassa", "Adama")
ET_STREETS = ("Ras Desta Damtew St {n}", "Bole Road {n}", "Churchill Avenue {n}")
ET_HOLDERS = ("ABEBE KEBEDE", "TIGIST HAILE", "DAWIT TESFAYE", "HIRUT ALEMU")
VAT = "VAT 15% ON SERVICE CHARGE"
LEGAL = "Licensed and supervised by the National Bank of Ethiopia."


def _ft(t: Txn) -> str:
    """A T24 funds-transfer reference: FT, the year and day of the year, five letters."""
    letters = "".join(c for c in t.reference.upper() if c.isalpha())[:5].ljust(5, "X")
    return f"FT{fmt_date(t.day, 'YY')}{t.day.timetuple().tm_yday:03d}{letters}"


def _cbe(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM/YYYY"),
            "desc": " ".join(segments(t)),
            "ref": _ft(t),
            "value": fmt_date(t.value_day, "DD/MM/YYYY"),
            "out" if t.amount < 0 else "in": EN.magnitude(t.amount),
            "bal": EN.magnitude(t.balance),
        }

    columns = [
        Column("date", "Date"),
        Column("desc", "Particulars", wrap=True, truth=DESC),
        Column("ref", "Reference"),
        Column("value", "Value Date"),
        Column("out", "Debit", "r"),
        Column("in", "Credit", "r"),
        Column("bal", "Balance", "r"),
    ]
    body = framed(
        {"desc": "Balance B/F", "bal": EN.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "Closing Balance", "bal": EN.magnitude(acc.closing)},
    )
    LinedTable(flow, columns, Style.vary(rng, rng.choice(("grid", "rows")), (140, 220))).draw(body)


def _awash(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD-MON-YY").upper(),
            "desc": "\n".join(segments(t)),
            "out" if t.amount < 0 else "in": EN.magnitude(t.amount),
            "bal": EN.magnitude(t.balance),
        }

    columns = [
        Column("date", "Txn Date"),
        Column("desc", "Narrative", wrap=True, truth=DESC),
        Column("out", "Withdrawal", "r"),
        Column("in", "Deposit", "r"),
        Column("bal", "Balance", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "CARRIED FORWARD", "bal": EN.magnitude(b)},
        brought=lambda b: {"desc": "BROUGHT FORWARD", "bal": EN.magnitude(b)},
    )
    body = framed(
        {"desc": "OPENING BALANCE", "bal": EN.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("header", "none")), (170, 260))
    LinedTable(flow, columns, style, carry).draw(body)


def _dashen(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": f"{fmt_date(t.day, 'YYYY-MM-DD')} {clock(t)}",
            "ref": serial(t, 10),
            "desc": " ".join(segments(t)),
            "amt": f"{signed(EN, t.amount, plus=True)} ETB",
            "bal": f"{EN.magnitude(t.balance)} ETB",
        }

    columns = [
        Column("date", "Date & Time"),
        Column("ref", "Transaction ID"),
        Column("desc", "Description", wrap=True, truth=DESC),
        Column("amt", "Amount", "r"),
        Column("bal", "Balance", "r"),
    ]
    newest = replace(acc, txns=acc.txns[::-1])
    style = Style.vary(rng, rng.choice(("rows", "none")), (200, 300))
    LinedTable(flow, columns, style).draw(rows(newest, 0, log, cells))


ET_TABLES: dict[str, Callable[[Flow, Random, Statement, TruthLog], None]] = {
    "cbe": _cbe,
    "awash": _awash,
    "dashen": _dashen,
}


def et_statement(rng: Random) -> Built:
    variant = rng.choice(sorted(ET_TABLES))
    plan = Plan(
        "Savings Account",
        rng.randint(22, 48),
        (300, 3000),
        mandatory=("salary", "rent", "utility", "fee", "fee"),
        pool=(*EVERYDAY, "transfer_out", "transfer_in"),
        cheques=False,
        mask=f"1000{rng.randint(10**4, 10**5 - 1)}{{last4}}",
    )
    names = (rng.choice(ET_BANKS[variant]), ET_TOWNS, rng.choice(ET_HOLDERS))
    st = local_statement(rng, ETHIOPIA, names, [plan], period(rng), ET_STREETS)
    st = charged(st, rate("0.15", lambda t: t.kind == "fee"), lambda t: VAT, kind="vat")
    acc = st.accounts[0]
    span = f"{fmt_date(st.start, 'DD/MM/YYYY')} - {fmt_date(st.end, 'DD/MM/YYYY')}"
    details = [
        ("Customer Name", st.holder.name),
        ("Account No.", acc.masked),
        ("Currency", "ETB"),
        ("Period", span),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(HELVETICA, TIMES), size=(6.5, 8.0)),
        ("CUSTOMER ACCOUNT STATEMENT", details),
        rng.choice(("Page {n} of {total}", "{n}/{total}")),
        LEGAL,
        f"Account Statement {acc.masked}",
    )
    log = TruthLog()
    ET_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, EN)


LAYOUTS = (
    Layout(
        "et_statement",
        "Ethiopian statements (CBE / Awash / Dashen style): ETB, CBE Birr, telebirr, EEU and "
        "AAWSA narrations, the 15% VAT after each service charge as a row of its own; "
        "Particulars, FT references and value dates, Debit / Credit / Balance after a Balance "
        "B/F row; or upper-cased DD-MON-YY, Withdrawal / Deposit, two-line narratives, carried "
        "forward at page breaks; or the newest movement first with date and time, +1,234.56 "
        "ETB amounts and the balance",
        et_statement,
    ),
)
