"""Family from Tanzania: the statements of CRDB Bank, NMB Bank and NBC, in English
with Swahili labels, in shillings.

Held out in the fifth split; tuned on since that split was scored.

CRDB follows lkasdorf/crdb_csv_conv_2026 (crdb_to_zoho.py, CLAUDE.md and its reference output
example/202601_Statement_TZS_ref99_trim.csv), written on CRDB's statement exports: a block of
account details above the table, then Posting Date (`02.01.2026 14:22:05`, date and time) /
Details / Value Date / Debit / Credit / Book Balance, 0.00 in the unused amount column, amounts
`977,000.00`, and long system narrations (E-COM Purchase VISA POS INWARD TRANSACT:TZS ...,
REF:... IB GePG BIL ..., IB TIPS FT ..., IB LUKU Meter: ..., ATM-Cash Withdrawal CASH-ATM-
...); an ATM withdrawal is followed by the Government Levy, the bank's ATM charge and 18% VAT on
that charge (ATM Cash WDL On.Us charges, Value Added Tax (VAT)), and the monthly Charge -
Capitalise Maintenance Fee by its VAT. Public sources on NMB and NBC prints are thin and
neither layout is documented. NMB is printed with the rails Tanzanian mobile-money parsers name
(wallet transfers to M-Pesa, Mixx by Yas and Airtel Money, TIPS, LUKU and GePG) and with
bilingual Swahili / English column titles (Tarehe / Date, Maelezo / Description, Kutoa / Debit,
Kuweka / Credit, Salio / Balance) and Salio la Mwanzo / Salio la Mwisho rows. NBC is printed as
a Temenos T24 statement (the core banking system that CRDB's `Charge - Capitalise` lines and
`AA...` arrangement ids point to; a guess for NBC): Booking Date as `02 JAN 2026`, an FT
reference, the description, the value date, Debit / Credit and Closing Balance, with the
balance at the period's start and end and brought / carried forward rows. Shilling amounts are
whole except for the taxes on charges.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import EN, fmt_date
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.local_charges import charged, rate
from cypheredge.synth.layouts.local_kit import LinedTable, clock, digits, local_statement, page_note
from cypheredge.synth.layouts.local_kit import segments as parts
from cypheredge.synth.layouts.local_print import ROUND_KINDS, coarsen, serial, steps
from cypheredge.synth.layouts.local_regions_africa import (
    TANZANIA_CRDB,
    TANZANIA_NBC,
    TANZANIA_NMB,
)
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.regions import Region
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
TZ_BANKS = ("Kilimanjaro Commercial Bank Plc", "Bank of the Coast Plc", "Serengeti Bank Ltd")
TZ_TOWNS = ("Dar es Salaam", "Arusha", "Mwanza", "Dodoma", "Moshi")
TZ_STREETS = ("Plot {n}, Samora Avenue", "Plot {n}, Bagamoyo Road", "P.O. Box {n}{n}")
TZ_HOLDERS = ("JOHN PETER MASSAWE", "HALIMA SAIDI JUMA", "GODFREY MWAKALINGA", "REHEMA ALLY")
BRANCHES = ("LUMUMBA BRANCH", "AZIKIWE BRANCH", "MLIMANI CITY", "ARUSHA MAIN", "MWANZA")
ZERO = EN.magnitude(Decimal(0))
VAT = "Value Added Tax (VAT)"
LEGAL = "Regulated by the Bank of Tanzania. Deposits insured by the Deposit Insurance Board."


def _shillings(value: Decimal) -> str:
    return EN.magnitude(value) if value >= 0 else f"-{EN.magnitude(value)}"


def _stamp(t: Txn) -> str:
    """CRDB's posting stamp: the date and a time of day with seconds."""
    return f"{fmt_date(t.day, 'DD.MM.YYYY')} {clock(t)}:{int(digits(t, 2)) % 60:02d}"


def _crdb_charges(st: Statement) -> Statement:
    """After each withdrawal the Government Levy, the ATM charge and the VAT on the charge (and
    VAT after each fee), in that order."""
    fee = rate("0.0041", lambda t: t.kind == "atm")
    st = charged(st, fee, lambda t: "ATM Cash WDL On.Us charges", kind="charge")
    vat = rate("0.18", lambda t: t.kind in ("charge", "fee"))
    st = charged(st, vat, lambda t: VAT, kind="vat")
    levy = rate("0.0024", lambda t: t.kind == "atm")
    return charged(st, levy, lambda t: "Government Levy", kind="govlevy")


def _crdb(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    stacked = rng.random() < 0.5

    def cells(t: Txn) -> dict[str, str]:
        out, inn = (
            (EN.magnitude(t.amount), ZERO) if t.amount < 0 else (ZERO, EN.magnitude(t.amount))
        )
        stamp = _stamp(t)
        return {
            "date": stamp.replace(" ", "\n") if stacked else stamp,
            "desc": " ".join(parts(t)),
            "value": fmt_date(t.value_day, "DD.MM.YYYY"),
            "out": out,
            "in": inn,
            "bal": _shillings(t.balance),
        }

    columns = [
        Column("date", "Posting Date"),
        Column("desc", "Details", wrap=True, truth=DESC),
        Column("value", "Value Date"),
        Column("out", "Debit", "r"),
        Column("in", "Credit", "r"),
        Column("bal", "Book Balance", "r"),
    ]
    body = framed(
        {"desc": "Opening Balance", "bal": _shillings(acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "Closing Balance", "bal": _shillings(acc.closing)},
        balance=acc.opening,
        bold=False,
    )
    style = Style.vary(rng, rng.choice(("grid", "rows", "header")), (170, 260))
    LinedTable(flow, columns, style).draw(body)


def _nmb(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM/YYYY"),
            "desc": "\n".join(parts(t)),
            "ref": f"{serial(t, 12)}",
            "out" if t.amount < 0 else "in": EN.magnitude(t.amount),
            "bal": _shillings(t.balance),
        }

    columns = [
        Column("date", "Tarehe\nDate"),
        Column("desc", "Maelezo\nDescription", wrap=True, truth=DESC),
        Column("ref", "Kumbukumbu\nReference"),
        Column("out", "Kutoa\nDebit", "r"),
        Column("in", "Kuweka\nCredit", "r"),
        Column("bal", "Salio\nBalance", "r"),
    ]
    body = framed(
        {
            "date": fmt_date(st.start, "DD/MM/YYYY"),
            "desc": "Salio la Mwanzo / Opening Balance",
            "bal": _shillings(acc.opening),
        },
        rows(acc, 0, log, cells),
        {
            "date": fmt_date(st.end, "DD/MM/YYYY"),
            "desc": "Salio la Mwisho / Closing Balance",
            "bal": _shillings(acc.closing),
        },
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("rows", "none")), (150, 230))
    LinedTable(flow, columns, style).draw(body)


def _nbc(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    day = "DD MON YYYY"
    first = fmt_date(st.start, day).upper()
    page_note(flow, f"Balance at Period Start {first}: TZS {_shillings(acc.opening)}", gray=0.0)

    def cells(t: Txn) -> dict[str, str]:
        ref = f"FT{fmt_date(t.day, 'YY')}{t.day.timetuple().tm_yday:03d}{t.reference[:5]}"
        return {
            "date": fmt_date(t.day, day).upper(),
            "ref": ref,
            "desc": "\n".join(parts(t)),
            "value": fmt_date(t.value_day, day).upper(),
            "out" if t.amount < 0 else "in": EN.magnitude(t.amount),
            "bal": _shillings(t.balance),
        }

    columns = [
        Column("date", "Booking Date"),
        Column("ref", "Reference"),
        Column("desc", "Description", wrap=True, truth=DESC),
        Column("value", "Value Date"),
        Column("out", "Debit", "r"),
        Column("in", "Credit", "r"),
        Column("bal", "Closing Balance", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "Balance Carried Forward", "bal": _shillings(b)},
        brought=lambda b: {"desc": "Balance Brought Forward", "bal": _shillings(b)},
    )
    body = framed(
        {"date": first, "desc": "Balance Brought Forward", "bal": _shillings(acc.opening)},
        rows(acc, 0, log, cells),
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("grid", "header")), (150, 230))
    LinedTable(flow, columns, style, carry).draw(body)
    last = fmt_date(st.end, day).upper()
    page_note(flow, f"Balance at Period End {last}: TZS {_shillings(acc.closing)}", gray=0.0)


TZ_TABLES: dict[str, Callable[[Flow, Random, Statement, TruthLog], None]] = {
    "crdb": _crdb,
    "nmb": _nmb,
    "nbc": _nbc,
}
TZ_REGIONS: dict[str, Region] = {"crdb": TANZANIA_CRDB, "nmb": TANZANIA_NMB, "nbc": TANZANIA_NBC}


def tz_statement(rng: Random) -> Built:
    variant = rng.choice(sorted(TZ_TABLES))
    mask = f"0150{rng.randint(10**6, 10**7 - 1)}{{last4}}"
    if variant == "nmb":
        mask = f"2{rng.randint(10**5, 10**6 - 1)}{{last4}}"
    pool = (*EVERYDAY, "transfer_out", "atm", "card")
    plan = Plan(
        "Current Account", rng.randint(20, 42), (300, 3000), pool=pool, cheques=False, mask=mask
    )
    names = (rng.choice(TZ_BANKS), TZ_TOWNS, rng.choice(TZ_HOLDERS))
    st = local_statement(rng, TZ_REGIONS[variant], names, [plan], period(rng), TZ_STREETS)
    st = coarsen(st, steps("1", "1000", ROUND_KINDS))  # whole shillings, round transfers
    if variant == "crdb":
        st = _crdb_charges(st)
    else:
        st = charged(st, rate("0.18", lambda t: t.kind == "fee"), lambda t: VAT, kind="vat")
    acc = st.accounts[0]
    span = f"{fmt_date(st.start, 'DD.MM.YYYY')} - {fmt_date(st.end, 'DD.MM.YYYY')}"
    details = [
        ("Account Name", st.holder.name),
        ("Account Number", acc.masked),
        ("Currency", "TZS"),
        ("Branch", rng.choice(BRANCHES)),
        ("Statement Period", span),
    ]
    title = "STATEMENT OF ACCOUNT"
    if variant == "nmb":
        title = "TAARIFA YA AKAUNTI / ACCOUNT STATEMENT"
        details[0] = ("Jina / Name", st.holder.name)
        details[1] = ("Akaunti / Account", acc.masked)
        details[2] = ("Sarafu / Currency", "TZS")
        details[3] = ("Tawi / Branch", details[3][1])
        details[4] = ("Kipindi / Period", span)
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(HELVETICA, DEJAVU), size=(6.5, 8.0)),
        (title, details),
        "Ukurasa {n} / {total}"
        if variant == "nmb"
        else rng.choice(("Page {n} of {total}", "{n}/{total}")),
        LEGAL,
        f"Statement {acc.masked}",
    )
    log = TruthLog()
    TZ_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, EN)


LAYOUTS = (
    Layout(
        "tz_statement",
        "Tanzanian statements (CRDB / NMB / NBC style): TZS in whole shillings, 1,234.56, "
        "mobile-money, TIPS, LUKU and GePG narrations, 18% VAT posted after each charge; a "
        "posting date with the time of day (02.01.2026 14:22:05, sometimes stacked), long "
        "system narrations, 0.00 in the unused amount column and a Book Balance, the "
        "Government Levy and the ATM charge after each withdrawal; or bilingual Swahili / "
        "English titles (Tarehe / Maelezo / Kutoa / Kuweka / Salio) and Salio la Mwanzo / la "
        "Mwisho rows; or a T24 print with DD MON YYYY booking and value dates, FT references, "
        "the balance at the period's start and end and brought / carried forward rows",
        tz_statement,
    ),
)
