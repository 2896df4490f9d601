"""Family from Nepal: the statements of Nabil Bank, NIC Asia and Global IME, in English
and rupees, with Bikram Sambat dates beside the Gregorian ones.

Held out in the seventh split; tuned on since that split was scored.

Public sources on Nepali statement PDFs are thin: the family follows the Nepal Rastra Bank's
published statistics and annual reports (Nepali banks date their books in Bikram Sambat, `2080
Poush` for mid-January 2024, and group figures in lakhs and crores, `1,23,456.78`), the terms
Nepali banks publish for their accounts (service charges levied as rows) and the wallets and rails
their statements name (eSewa, Khalti, Fonepay, connectIPS). The Sambat dates are computed from the
calendar's month lengths for 2079 to 2083 BS, anchored at 1 Baishakh 2080 = 14 April 2023. Interest
on savings is credited quarterly and the 6% tax deducted at source follows it as a row of its own.
Nabil: a BS and an AD date (YYYY-MM-DD each), Description / Withdraw / Deposit / Balance in lakh
grouping. NIC Asia: DD/MM/YYYY, a cheque or reference number, Debit / Credit / Balance with a
Western grouping, balances brought and carried forward. Global IME: DD-MON-YYYY, one amount with a
Dr / Cr column beside it and the balance, the totals in a box.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from random import Random

from cypheredge.synth.formats import EN, IN, fmt_date
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start, totals
from cypheredge.synth.layouts.local_charges import charged, rate
from cypheredge.synth.layouts.local_kit import LinedTable, local_statement, segments
from cypheredge.synth.layouts.local_print import serial
from cypheredge.synth.layouts.local_regions_kw_np_mn import NEPAL
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.flow import HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
# Bikram Sambat month lengths, Baishakh to Chaitra, for the years the periods can touch
BS_MONTHS = {
    2079: (31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30),
    2080: (31, 32, 31, 32, 31, 30, 30, 30, 29, 29, 30, 30),
    2081: (31, 31, 32, 32, 31, 30, 30, 30, 29, 30, 29, 31),
    2082: (31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30),
    2083: (31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30),
}
NEW_YEAR_2080 = date(2023, 4, 14)
NP_BANKS = {
    "nabil": ("Nabin Bank Limited",),
    "nic": ("NIC Himal Bank Limited",),
    "gime": ("Global Himalayan Bank Limited", "Global Everest Bank Limited"),
}
NP_TOWNS = ("Kathmandu-1", "Lalitpur-3", "Pokhara-8", "Biratnagar-6")
NP_STREETS = ("Kamaladi Marg {n}", "Durbar Marg {n}", "New Baneshwor {n}", "Lakeside {n}")
NP_HOLDERS = ("RAM BAHADUR THAPA", "SITA SHRESTHA", "BIKASH GURUNG", "ANITA KC")
NUMBERS = {"nabil": IN, "nic": EN, "gime": EN}
TDS = "TDS ON INTEREST 6%"
LEGAL = "Licensed by Nepal Rastra Bank as an 'A' class commercial bank."


def bs_date(day: date) -> str:
    """The Bikram Sambat date of `day`, YYYY-MM-DD."""
    offset, year = (day - NEW_YEAR_2080).days, 2080
    while offset < 0:
        year -= 1
        offset += sum(BS_MONTHS[year])
    while offset >= sum(BS_MONTHS[year]):
        offset -= sum(BS_MONTHS[year])
        year += 1
    month = 0
    while offset >= BS_MONTHS[year][month]:
        offset -= BS_MONTHS[year][month]
        month += 1
    return f"{year:04d}-{month + 1:02d}-{offset + 1:02d}"


def _nabil(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "bs": bs_date(t.day),
            "ad": fmt_date(t.day, "YYYY-MM-DD"),
            "desc": " ".join(segments(t)),
            "out" if t.amount < 0 else "in": IN.magnitude(t.amount),
            "bal": IN.magnitude(t.balance),
        }

    columns = [
        Column("bs", "Date (BS)"),
        Column("ad", "Date (AD)"),
        Column("desc", "Description", wrap=True, truth=DESC),
        Column("out", "Withdraw", "r"),
        Column("in", "Deposit", "r"),
        Column("bal", "Balance", "r"),
    ]
    body = framed(
        {"desc": "Opening Balance", "bal": IN.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "Closing Balance", "bal": IN.magnitude(acc.closing)},
    )
    LinedTable(flow, columns, Style.vary(rng, rng.choice(("grid", "rows")), (150, 230))).draw(body)


def _nic(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM/YYYY"),
            "desc": "\n".join(segments(t)),
            "ref": serial(t, 8),
            "out" if t.amount < 0 else "in": EN.magnitude(t.amount),
            "bal": EN.magnitude(t.balance),
        }

    columns = [
        Column("date", "Tran Date"),
        Column("desc", "Particulars", wrap=True, truth=DESC),
        Column("ref", "Cheque/Ref No"),
        Column("out", "Debit", "r"),
        Column("in", "Credit", "r"),
        Column("bal", "Balance", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "Balance C/F", "bal": EN.magnitude(b)},
        brought=lambda b: {"desc": "Balance B/F", "bal": EN.magnitude(b)},
    )
    body = framed(
        {"desc": "Balance B/F", "bal": EN.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("header", "rows", "none")), (170, 260))
    LinedTable(flow, columns, style, carry).draw(body)


def _gime(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD-MON-YYYY"),
            "desc": " ".join(segments(t)),
            "amt": EN.magnitude(t.amount),
            "side": "Dr" if t.amount < 0 else "Cr",
            "bal": EN.magnitude(t.balance),
        }

    columns = [
        Column("date", "Value Date"),
        Column("desc", "Remarks", wrap=True, truth=DESC),
        Column("amt", "Amount", "r"),
        Column("side", "Dr/Cr", "c"),
        Column("bal", "Running Balance", "r"),
    ]
    style = Style.vary(rng, rng.choice(("rows", "grid")), (180, 280))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))
    labels = ("Opening Balance", "Total Credit", "Total Debit", "Closing Balance")
    totals(flow, acc, "Account Summary (NPR)", labels, EN.magnitude)


NP_TABLES: dict[str, Callable[[Flow, Random, Statement, TruthLog], None]] = {
    "nabil": _nabil,
    "nic": _nic,
    "gime": _gime,
}


def np_statement(rng: Random) -> Built:
    variant = rng.choice(sorted(NP_TABLES))
    plan = Plan(
        "Saving Account",
        rng.randint(22, 50),
        (400, 4000),
        mandatory=("salary", "rent", "utility", "fee", "interest"),
        optional=("loan", "interest"),
        pool=(*EVERYDAY, "transfer_out", "card"),
        cheques=False,
        mask=f"{rng.randint(100, 999)}0{rng.randint(10**8, 10**9 - 1)}{{last4}}",
    )
    names = (rng.choice(NP_BANKS[variant]), NP_TOWNS, rng.choice(NP_HOLDERS))
    st = local_statement(rng, NEPAL, names, [plan], period(rng), NP_STREETS)
    st = charged(st, rate("0.06", lambda t: t.kind == "interest"), lambda t: TDS, kind="tds")
    acc = st.accounts[0]
    span = f"{fmt_date(st.start, 'YYYY-MM-DD')} to {fmt_date(st.end, 'YYYY-MM-DD')}"
    details = [
        ("Account Name", st.holder.name),
        ("Account Number", acc.masked),
        ("Currency", "NPR"),
        ("Period (AD)", span),
        ("Period (BS)", f"{bs_date(st.start)} to {bs_date(st.end)}"),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(HELVETICA, TIMES), size=(6.5, 8.0)),
        ("STATEMENT OF ACCOUNT", details),
        rng.choice(("Page {n} of {total}", "Page: {n}/{total}")),
        LEGAL,
        f"Statement of Account {acc.masked}",
    )
    log = TruthLog()
    NP_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, NUMBERS[variant])


LAYOUTS = (
    Layout(
        "np_statement",
        "Nepali statements (Nabil / NIC Asia / Global IME style): NPR, eSewa, Khalti, Fonepay "
        "and connectIPS narrations, the 6% TDS after each interest credit as a row of its own; "
        "a Bikram Sambat and a Gregorian date on each row, Withdraw / Deposit / Balance in lakh "
        "grouping (1,23,456.78); or DD/MM/YYYY, a reference, Debit / Credit / Balance brought "
        "and carried forward; or DD-MON-YYYY, one amount with a Dr/Cr column and the totals in "
        "a box",
        np_statement,
    ),
)
