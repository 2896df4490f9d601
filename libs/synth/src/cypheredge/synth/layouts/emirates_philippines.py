"""Families from the United Arab Emirates and the Philippines.

ae_bank models Emirates NBD, ADCB and FAB account statements as public parsers and text dumps of
them show: Date / Value Date / Description / Debit / Credit / Balance in AED, long narrations
that wrap over two or three lines (POS-PURCHASE CARD NO.4***...1234 CARREFOUR MOE DUBAI:AE, IPI TT
REF ... SALARY, cheque clearing for rent), dates as 01/02/2024, 01-Feb-2024 or ENBD's 03AUG25,
balances with a glued or spaced Cr/Dr marker, ADCB's Ref/Cheque No column and Opening / Closing
Balance rows, FAB's BALANCE BROUGHT / CARRIED FORWARD at page breaks, and bilingual labels with
the Arabic printed under the English (presentation forms in visual order, as such PDFs carry).

ph_bank models BPI, BDO and Metrobank savings statements: BPI's DATE / DESCRIPTION / REF. NO. /
DEBIT / CREDIT / BALANCE with `Jan 02` dates, BDO's POSTING DATE with MM/DD/YY and CHECK NO. and
BRANCH columns printed after the balance, Metrobank's WITHDRAWAL / DEPOSIT; BEGINNING BALANCE /
BALANCE FORWARD rows, PHP or the peso sign on balances, InstaPay / PESONet / bills-payment
narrations, DAIF returned cheques, withholding tax on interest.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import EN, fmt_date, marked, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start, totals
from cypheredge.synth.layouts.local_kit import LinedTable, digits, local_statement, segments
from cypheredge.synth.layouts.local_regions import EMIRATES, PHILIPPINES
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Account, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Row, Style

Money = Callable[[Decimal], str]
DESC = "description"
# Arabic labels shaped into presentation forms and reversed into visual order, so they read right
# when drawn left to right (reportlab does no bidi); pdfium reads them back in logical order.
AR = {
    "date": "\ufea6\ufef3\ufead\ufe8e\ufe98\ufedf\ufe8d",
    "value": "\ufe94\ufee4\ufef4\ufed8\ufedf\ufe8d \ufea6\ufef3\ufead\ufe8e\ufe97",
    "desc": "\ufee5\ufe8e\ufef4\ufe92\ufedf\ufe8d",
    "out": "\ufee6\ufef3\ufeaa\ufee3",
    "in": "\ufee6\ufe8b\ufe8d\ufea9",
    "bal": "\ufeaa\ufef4\ufebb\ufeae\ufedf\ufe8d",
    "title": "\ufe8f\ufe8e\ufeb4\ufea3 \ufed2\ufeb8\ufedb",
    "account": "\ufe8f\ufe8e\ufeb4\ufea4\ufedf\ufe8d \ufee2\ufed7\ufead",
    "currency": "\ufe94\ufee0\ufee4\ufecc\ufedf\ufe8d",
    "period": "\ufe93\ufeae\ufe98\ufed4\ufedf\ufe8d",
    "iban": "\ufee5\ufe8e\ufe92\ufef3\ufef5\ufe8d \ufee2\ufed7\ufead",
}
AE_BANKS = ("Gulf Crescent Bank PJSC", "Emirates Pearl Bank", "Bank of the Two Seas PJSC")
AE_TOWNS = ("P.O. Box 777, Dubai, UAE", "P.O. Box 9393, Abu Dhabi, UAE", "P.O. Box 1122, Sharjah")
AE_STREETS = ("Villa {n}, Al Wasl Road", "Flat {n}, Al Nahda Tower", "Apt {n}, Corniche Road")
AE_HOLDERS = ("MOHAMMED AL HASHIMI", "RAJESH NAIR", "FATIMA AL MANSOORI", "AHMED KHAN")
AE_COLUMNS = {
    "date": ("date", "Date"),
    "posting": ("date", "Posting Date"),
    "value": ("value", "Value Date"),
    "desc": ("desc", "Description"),
    "ref": ("ref", "Ref/Cheque No"),
    "out": ("out", "Debit"),
    "in": ("in", "Credit"),
    "bal": ("bal", "Balance"),
}
AE_ORDERS = {
    "enbd": ("date", "desc", "out", "in", "bal"),
    "adcb": ("posting", "value", "desc", "ref", "out", "in", "bal"),
    "fab": ("date", "value", "desc", "out", "in", "bal"),
}


def _ae_column(name: str, bilingual: bool, amounts: str) -> Column:
    key, title = AE_COLUMNS[name]
    if key in ("out", "in"):
        title = f"{title}{amounts}"
    if bilingual and key in AR:
        title = f"{title}\n{AR[key]}"
    if key == "desc":
        return Column(key, title, wrap=True, truth=DESC)
    return Column(key, title, "r" if key in ("out", "in", "bal") else "l")


def _ae_money(rng: Random) -> Money:
    """Balances plain, or with ENBD's Cr/Dr glued on or spaced."""
    style = rng.choice(("plain", "glued", "spaced"))
    if style == "plain":
        return lambda v: signed(EN, v)
    sep = "" if style == "glued" else " "
    return lambda v: marked(EN, v, credit="Cr", debit="Dr", sep=sep)


def _ae_rows(
    variant: str, acc: Account, log: TruthLog, cells: Callable[[Txn], dict[str, str]], money: Money
) -> list[Row]:
    body = rows(acc, 0, log, cells)
    if variant == "enbd":
        return body
    first = "Opening Balance" if variant == "adcb" else "BALANCE BROUGHT FORWARD"
    last = ("Closing Balance",) if variant == "adcb" else ()
    closing = [{"desc": label, "bal": money(acc.closing)} for label in last]
    return framed({"desc": first, "bal": money(acc.opening)}, body, *closing, balance=acc.opening)


def _ae_table(flow: Flow, rng: Random, variant: str, acc: Account, log: TruthLog) -> None:
    bilingual = variant != "enbd" or rng.random() < 0.3
    day = rng.choice(("DD/MM/YYYY", "DD-MON-YYYY", "DDMONYY"))
    money = _ae_money(rng)

    def cells(t: Txn) -> dict[str, str]:
        cheque = t.kind in ("check", "cheque_in", "cheque_return", "rent")
        return {
            "date": fmt_date(t.day, day).upper(),
            "value": fmt_date(t.value_day, day).upper(),
            "desc": " ".join(segments(t)),
            "ref": digits(t, 6) if cheque else "",
            "out" if t.amount < 0 else "in": EN.magnitude(t.amount),
            "bal": money(t.balance),
        }

    amounts = rng.choice(("", " (AED)"))
    columns = [_ae_column(name, bilingual, amounts) for name in AE_ORDERS[variant]]
    carry = None
    if variant == "fab":
        carry = Carry(
            carried=lambda b: {"desc": "BALANCE CARRIED FORWARD", "bal": money(b)},
            brought=lambda b: {"desc": "BALANCE BROUGHT FORWARD", "bal": money(b)},
        )
    style = Style.vary(rng, rng.choice(("grid", "rows", "none")), (140, 210))
    body = _ae_rows(variant, acc, log, cells, money)
    LinedTable(flow, columns, style, carry).draw(body)


def ae_bank(rng: Random) -> Built:
    variant, bank = rng.choice(sorted(AE_ORDERS)), rng.choice(AE_BANKS)
    plan = Plan(
        "Current Account", rng.randint(22, 42), (800, 6000), mask="AE** 0260 000* ***{last4}"
    )
    names = (bank, AE_TOWNS, rng.choice(AE_HOLDERS))
    st = local_statement(rng, EMIRATES, names, [plan], period(rng), AE_STREETS)
    acc, day = st.accounts[0], "DD/MM/YYYY"
    span = f"{fmt_date(st.start, day)} to {fmt_date(st.end, day)}"
    details = [
        (f"Account No. {AR['account']}", f"1015{rng.randint(10**5, 10**6 - 1)}{acc.masked[-4:]}"),
        (f"IBAN {AR['iban']}", acc.masked),
        (f"Currency {AR['currency']}", "AED"),
        (f"Period {AR['period']}", span),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(DEJAVU,), size=(6.5, 8.0)),
        (f"Statement of Account {AR['title']}", details),
        "Page {n} of {total}",
        f"{bank} is regulated by the Central Bank of the UAE. TRN {rng.randint(10**14, 10**15)}",
        f"Statement of Account {acc.masked}",
    )
    labels = ("Opening Balance", "Total Credits", "Total Debits", "Closing Balance")
    totals(flow, acc, "Account Summary", labels, lambda v: f"AED {signed(EN, v)}", 0.45)
    log = TruthLog()
    _ae_table(flow, rng, variant, acc, log)
    return Built(flow, st, log, EN)


PH_BANKS = ("Bank of the Visayas", "Luzon Commercial Bank", "Mindanao Savings Bank")
PH_TOWNS = ("Makati City 1226", "Quezon City 1100", "Cebu City 6000", "Pasig City 1605")
PH_STREETS = ("{n} Ayala Avenue", "{n} Rizal Street, Brgy. San Antonio", "Unit {n}, Ortigas Center")
PH_HOLDERS = ("JUAN DELA CRUZ", "MARIA CLARA SANTOS", "JOSE P. REYES", "ANNA MAE GARCIA")
PH_BRANCHES = ("MAKATI", "CEBU COLON", "ONLINE", "QC TIMOG", "ORTIGAS")
# variant -> (date pattern, column keys and titles, opening row label)
PH_VARIANTS: dict[str, tuple[str, tuple[tuple[str, str], ...], str]] = {
    "bpi": (
        "MON DD",
        (
            ("date", "DATE"),
            ("desc", "DESCRIPTION"),
            ("ref", "REF. NO."),
            ("out", "DEBIT"),
            ("in", "CREDIT"),
            ("bal", "BALANCE"),
        ),
        "BEGINNING BALANCE",
    ),
    "bdo": (
        "MM/DD/YY",
        (
            ("date", "POSTING\nDATE"),
            ("desc", "DESCRIPTION"),
            ("out", "DEBIT"),
            ("in", "CREDIT"),
            ("bal", "BALANCE"),
            ("chk", "CHECK NO."),
            ("branch", "BRANCH"),
        ),
        "BEGINNING BALANCE",
    ),
    "metro": (
        "MM/DD/YYYY",
        (
            ("date", "DATE"),
            ("desc", "DESCRIPTION"),
            ("chk", "CHECK NO."),
            ("out", "WITHDRAWAL"),
            ("in", "DEPOSIT"),
            ("bal", "BALANCE"),
        ),
        "BALANCE FORWARD",
    ),
}


def _cheque_number(t: Txn) -> str:
    """The paid cheque's own number, which the narration repeats."""
    if t.kind != "check":
        return ""
    return next((w for w in t.description.split() if w.isdigit() and len(w) == 6), "")


def _ph_column(key: str, title: str) -> Column:
    if key == "desc":
        return Column(key, title, wrap=True, truth=DESC)
    return Column(key, title, "r" if key in ("out", "in", "bal") else "l")


def _ph_table(flow: Flow, rng: Random, variant: str, acc: Account, money: Money) -> TruthLog:
    day, spec, opening = PH_VARIANTS[variant]
    log = TruthLog()

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, day).upper() if variant == "bdo" else fmt_date(t.day, day),
            "desc": " ".join(segments(t)),
            "ref": digits(t, 8) if t.kind not in ("fee", "interest") else "",
            "chk": _cheque_number(t),
            "branch": PH_BRANCHES[int(digits(t, 2)) % len(PH_BRANCHES)],
            "out" if t.amount < 0 else "in": EN.magnitude(t.amount),
            "bal": money(t.balance),
        }

    closing = [{"desc": "ENDING BALANCE", "bal": money(acc.closing)}] if rng.random() < 0.5 else []
    body = framed({"desc": opening, "bal": money(acc.opening)}, rows(acc, 0, log, cells), *closing)
    columns = [_ph_column(key, title) for key, title in spec]
    style = Style.vary(rng, rng.choice(("rows", "none", "header")), (170, 260))
    LinedTable(flow, columns, style).draw(body)
    return log


def ph_bank(rng: Random) -> Built:
    variant, bank = rng.choice(sorted(PH_VARIANTS)), rng.choice(PH_BANKS)
    pool = (*EVERYDAY, "check", "check") if variant != "bpi" else EVERYDAY
    plan = Plan(
        "Savings Account", rng.randint(20, 40), (300, 4000), pool=pool, mask="****-**{last4}"
    )
    names = (bank, PH_TOWNS, rng.choice(PH_HOLDERS))
    st = local_statement(rng, PHILIPPINES, names, [plan], period(rng), PH_STREETS)
    acc, day = st.accounts[0], "MONTH D, YYYY"
    symbol = rng.choice(("\u20b1", "PHP ", ""))
    span = f"{fmt_date(st.start, day)} - {fmt_date(st.end, day)}"
    details = [("Account Number", acc.masked), ("Period Covered", span), ("Currency", "PHP")]
    fonts = (DEJAVU,) if symbol == "\u20b1" else (HELVETICA, TIMES, DEJAVU)
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=fonts, size=(6.5, 8.0)),
        ("STATEMENT OF ACCOUNT", details),
        "Page {n} of {total}",
        "Deposits are insured by PDIC up to P1,000,000 per depositor.",
        f"{bank.upper()} SAVINGS {acc.masked}",
    )
    labels = ("Beginning Balance", "Total Credits", "Total Debits", "Ending Balance")
    totals(flow, acc, "ACCOUNT SUMMARY", labels, lambda v: f"{symbol or 'PHP '}{signed(EN, v)}")
    log = _ph_table(flow, rng, variant, acc, lambda v: f"{symbol}{signed(EN, v)}")
    return Built(flow, st, log, EN)


LAYOUTS = (
    Layout(
        "ae_bank",
        "UAE (Emirates NBD / ADCB / FAB style): Date / Value Date / Description / Debit / "
        "Credit / Balance in AED, long narrations over two or three lines, 01/02/2024, "
        "01-FEB-2024 or 03AUG25 dates, balances with glued or spaced Cr/Dr, Ref/Cheque No, "
        "Opening / Closing Balance rows, balance brought / carried forward, Arabic labels",
        ae_bank,
    ),
    Layout(
        "ph_bank",
        "Philippines (BPI / BDO / Metrobank style): MM/DD/YY, MM/DD/YYYY or `Jan 02` dates, "
        "PHP or the peso sign on balances, Debit / Credit or Withdrawal / Deposit, CHECK NO. "
        "and BRANCH columns after the balance, BEGINNING BALANCE / BALANCE FORWARD and ENDING "
        "BALANCE rows, InstaPay / PESONet / bills-payment narrations, DAIF returned cheques",
        ph_bank,
    ),
)
