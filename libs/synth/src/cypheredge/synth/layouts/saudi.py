"""Family from Saudi Arabia: English statements of SNB, Al Rajhi Bank and Alinma Bank.

Held out in the third split; tuned on since that split was scored.

Modelled on public pdfplumber scrapers of these banks' statements (an "Al-Inma (Arabic / English)
bank-statement scraper" run on SNB, Al Rajhi and Alinma PDFs) and on SAMA's rules for statement
details (rulebook.sama.gov.sa, "Transaction Type and Criteria for Statement Details": the channel
and its city, a reference number, the type of transaction, the time for ATM and online ones).
SNB: `Date From[dd/mm/yyyy] To[dd/mm/yyyy]`, a Gregorian and a Hijri date column, and its
balance equation `21,564.91 = 316,969.09 - 337,034.00 + 1,500.00` (end balance = credits -
debits + starting balance) instead of a summary box. Al Rajhi: Customer Name / City / Account
Number / IBAN (SA + 22), `Account Type & Currency`, rows newest first as date, reference, a
two-letter type code (SD for debits; EF, JM for credits), ONE signed amount and the balance.
Alinma: the Arabic layout with its columns right to left (balance, amount, details, date), ONE
unsigned amount whose direction only the narration (Outgoing / Incoming Transfer, Purchase, GOSI
FEE) and the balance tell, bilingual labels. Fees are followed by their 15% VAT as a row of its
own. Arabic labels are presentation forms in visual order (the font has no other Arabic), and
narrations are the English these banks print.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import EN, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.local_kit import LinedTable, local_statement, page_note, segments
from cypheredge.synth.layouts.local_levies import levied
from cypheredge.synth.layouts.local_print import serial
from cypheredge.synth.layouts.local_regions_east import SAUDI
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, Flow, PageSpec
from cypheredge.synth.render.table import Column, Style

DESC = "description"
# Shaped and reversed into visual order so they read right when drawn left to right.
AR = {
    "date": "\ufea6\ufef3\ufead\ufe8e\ufe98\ufedf\ufe8d",
    "desc": "\ufee5\ufe8e\ufef4\ufe92\ufedf\ufe8d",
    "out": "\ufee6\ufef3\ufeaa\ufee3",
    "in": "\ufee6\ufe8b\ufe8d\ufea9",
    "bal": "\ufeaa\ufef4\ufebb\ufeae\ufedf\ufe8d",
    "amt": "\ufece\ufee0\ufe92\ufee4\ufedf\ufe8d",
    "title": "\ufe8f\ufe8e\ufeb4\ufea3 \ufed2\ufeb8\ufedb",
    "account": "\ufe8f\ufe8e\ufeb4\ufea4\ufedf\ufe8d \ufee2\ufed7\ufead",
    "currency": "\ufe94\ufee0\ufee4\ufecc\ufedf\ufe8d",
}
SA_BANKS = ("Najd National Bank", "Hijaz Islamic Bank", "Arabian Gulf Banking Corporation")
SA_TOWNS = ("Riyadh 12214", "Jeddah 23435", "Dammam 32241", "Al Khobar 34423")
SA_STREETS = (
    "{n} King Fahd Road, Al Olaya",
    "{n} Prince Sultan St, Al Rawdah",
    "Villa {n}, Al Malqa",
)
# The Julian day number of 1 Muharram AH 1 in the civil (Friday) epoch, less the cycle offset.
ISLAMIC_EPOCH = 1948440 - 10632
SA_HOLDERS = ("MOHAMMED ABDULLAH ALQAHTANI", "SARA FAHAD ALDOSARI", "KHALID SAAD ALMUTAIRI")


def _hijri(day: date) -> str:
    year, month, dom = hijri(day)
    return f"{year}/{month:02d}/{dom:02d}"


def hijri(day: date) -> tuple[int, int, int]:
    """(year, month, day) of `day` in the arithmetic (tabular) Islamic calendar: the Umm al-Qura
    calendar the banks use can differ from it by a day, and the truth never depends on it."""
    days = day.toordinal() + 1721425 - ISLAMIC_EPOCH
    cycles = (days - 1) // 10631
    days = days - 10631 * cycles + 354
    years = ((10985 - days) // 5316) * ((50 * days) // 17719) + (days // 5670) * (
        (43 * days) // 15238
    )
    days = (
        days
        - ((30 - years) // 15) * ((17719 * years) // 50)
        - (years // 16) * ((15238 * years) // 43)
        + 29
    )
    month = (24 * days) // 709
    return 30 * cycles + years - 30, month, days - (709 * month) // 24


def _text(t: Txn) -> str:
    return "\n".join(segments(t))


def _snb(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    page_note(flow, "End Balance = Total Credits - Total Debits + Starting Balance", gray=0.0)
    money = [EN.magnitude(v) for v in (acc.closing, acc.total_credits, acc.total_debits)]
    line = f"{money[0]} = {money[1]} - {money[2]} + {EN.magnitude(acc.opening)}"
    page_note(flow, line, size=flow.spec.size * 1.1, gray=0.0)
    flow.y -= flow.spec.size

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM/YYYY"),
            "hijri": _hijri(t.day),
            "desc": _text(t),
            "out" if t.amount < 0 else "in": EN.magnitude(t.amount),
            "bal": EN.magnitude(t.balance),
        }

    columns = [
        Column("date", f"Date (Gregorian)\n{AR['date']}"),
        Column("hijri", "Date (Hijri)"),
        Column("desc", f"Transaction Details\n{AR['desc']}", wrap=True, truth=DESC),
        Column("out", f"Debit\n{AR['out']}", "r"),
        Column("in", f"Credit\n{AR['in']}", "r"),
        Column("bal", f"Balance\n{AR['bal']}", "r"),
    ]
    style = Style.vary(rng, rng.choice(("grid", "rows")), (150, 230))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))


def _code(t: Txn) -> str:
    if t.amount < 0:
        return "SD"
    return "JM" if t.kind == "salary" else "EF"


def _alrajhi(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    newest = replace(acc, txns=acc.txns[::-1])

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM/YYYY"),
            "ref": f"{serial(t, 3)}{t.reference[:6]}",
            "code": _code(t),
            "desc": _text(t),
            "amt": signed(EN, t.amount),
            "bal": EN.magnitude(t.balance),
        }

    columns = [
        Column("date", "Date"),
        Column("ref", "Reference"),
        Column("code", "Type"),
        Column("desc", "Description", wrap=True, truth=DESC),
        Column("amt", "Amount", "r"),
        Column("bal", "Balance", "r"),
    ]
    style = Style.vary(rng, rng.choice(("header", "none")), (160, 240))
    LinedTable(flow, columns, style).draw(rows(newest, 0, log, cells))


def _alinma(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    """The Arabic print's order, right to left: the date sits at the right edge."""
    acc = st.accounts[0]
    page_note(flow, f"Opening Balance {EN.magnitude(acc.opening)} SAR", gray=0.0)
    page_note(flow, f"Closing Balance {EN.magnitude(acc.closing)} SAR", gray=0.0)

    def cells(t: Txn) -> dict[str, str]:
        return {
            "bal": EN.magnitude(t.balance),
            "amt": EN.magnitude(t.amount),
            "desc": _text(t),
            "date": fmt_date(t.day, "DD/MM/YYYY"),
        }

    columns = [
        Column("bal", f"{AR['bal']}\nBalance", "r"),
        Column("amt", f"{AR['amt']}\nAmount", "r"),
        Column("desc", f"{AR['desc']}\nDetails", wrap=True, truth=DESC),
        Column("date", f"{AR['date']}\nDate", "r"),
    ]
    body = framed(
        {"desc": "Opening Balance", "bal": EN.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        balance=acc.opening,
        bold=False,
    )
    style = Style.vary(rng, rng.choice(("grid", "rows")), (200, 300))
    LinedTable(flow, columns, style).draw(body)


SA_TABLES = {"snb": _snb, "alrajhi": _alrajhi, "alinma": _alinma}


def _head(rng: Random, st: Statement, variant: str) -> Flow:
    acc = st.accounts[0]
    span = f"{fmt_date(st.start, 'DD/MM/YYYY')} - {fmt_date(st.end, 'DD/MM/YYYY')}"
    iban = f"SA{rng.randint(10, 99)} {rng.randint(10, 99)}00 0000 {acc.masked}"
    details = [("Customer Name", st.holder.name), ("Account Number", acc.masked), ("IBAN", iban)]
    if variant == "alrajhi":
        details += [("City", st.holder.address[-1].rsplit(" ", 1)[0])]
        details += [("Account Type & Currency", "Current Account - SAR"), ("Period", span)]
    elif variant == "alinma":
        details[1] = (f"Account Number {AR['account']}", acc.masked)
        details += [(f"Currency {AR['currency']}", "SAR"), ("Period", span)]
    else:
        details += [("Currency", "SAR")]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(DEJAVU,), size=(6.5, 8.0)),
        (f"Account Statement {AR['title']}", details),
        rng.choice(("Page {n} of {total}", "{n} / {total}")),
        f"{st.bank.name} - licensed by the Saudi Central Bank (SAMA). VAT No. 300{acc.masked}3",
        f"Account Statement {acc.masked}",
    )
    if variant == "snb":
        first, last = fmt_date(st.start, "DD/MM/YYYY"), fmt_date(st.end, "DD/MM/YYYY")
        page_note(flow, f"Date From[{first}] To[{last}]", gray=0.0)
    return flow


def sa_kashf(rng: Random) -> Built:
    variant = rng.choice(sorted(SA_TABLES))
    mask = f"{rng.randint(100, 999)}{rng.randint(10**7, 10**8 - 1)}{{last4}}"
    pool = (*EVERYDAY, "card", "grocery")
    plan = Plan("Current Account", rng.randint(20, 42), (500, 5000), pool=pool, mask=mask)
    names = (rng.choice(SA_BANKS), SA_TOWNS, rng.choice(SA_HOLDERS))
    st = local_statement(rng, SAUDI, names, [plan], period(rng), SA_STREETS)
    st = levied(st, lambda t: t.kind == "fee", Decimal("0.15"), "VAT 15%|On bank charges")
    flow = _head(rng, st, variant)
    log = TruthLog()
    SA_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, EN)


LAYOUTS = (
    Layout(
        "sa_kashf",
        "Saudi statements in English (SNB / Al Rajhi / Alinma style): bilingual labels with "
        "Arabic presentation forms, a Hijri date column beside the Gregorian one, and the "
        "balance equation `end = credits - debits + start` in place of a summary; or rows newest "
        "first with a reference, a two-letter type code and one signed amount; or the Arabic "
        "right-to-left column order (balance, amount, details, date) with ONE unsigned amount; "
        "15% VAT posted as its own row after each fee",
        sa_kashf,
    ),
)
