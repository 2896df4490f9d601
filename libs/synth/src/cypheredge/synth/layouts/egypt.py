"""Family from Egypt: English statements of NBE, Banque Misr and QNB Alahli, with Arabic
labels beside the English ones.

Held out in the fourth split; tuned on since that split was scored.

NBE follows ramielsawy/nbe-statement-parser (src/parseNBEStatement.ts and its tests), written on
NBE's PDF statements: `as of 12 March 2025 10:15:00 GMT +0200` in the header, `... : Customer
Name`, a customer id and a 19-digit account number before the currency, a line of currency,
opening and closing balance, the period as `01-January-2025`, then Transaction Date / Value Date /
Reference No / Description / Debit / Credit / Balance with dates such as `05-January-2025`, the
newest row first (the parser reverses the rows to chain the balances); and a public NBE bank
profile (`كشف حساب`, `رقم الحساب`, `E£`, the debit
and credit columns before the balance, a reference column). Banque Misr follows a public Banque
Misr extractor (misr_extractor.py): the columns in the Arabic print's order read left to right,
Balance / Credit / Debit / Value Date / TxnRefNo / Description / Date, with DD/MM/YYYY dates.
QNB Alahli follows the fields a public statement-extraction log records for its statements (an
11-digit account with a two-digit suffix such as `20533565359-14`, the account type, the
currency spelled EGYPTIAN POUND, starting and ending balances). Narrations name Egypt's own
rails: InstaPay transfers, Fawry bill payments and Meeza cards (5078 03..).
"""

from __future__ import annotations

from dataclasses import replace
from random import Random

from cypheredge.synth.formats import EN, fmt_date
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.emirates_philippines import AR
from cypheredge.synth.layouts.local_kit import LinedTable, local_statement, page_note, segments
from cypheredge.synth.layouts.local_print import figures, serial, side
from cypheredge.synth.layouts.local_regions_south import EGYPT
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Row, Style, Table

DESC = "description"
EG_BANKS = ("Nile National Bank", "Delta Misr Bank S.A.E.", "Pharos Commercial Bank")
EG_TOWNS = ("Downtown, Cairo 11511", "Zamalek, Cairo 11211", "Smouha, Alexandria 21615")
EG_STREETS = ("{n} Talaat Harb St.", "{n} 26th of July St.", "{n} Corniche El Nil", "Villa {n}")
EG_HOLDERS = ("MOHAMED AHMED ABDELRAHMAN", "SARA MAHMOUD ELSAYED", "OMAR HESHAM KAMEL")
NBE_DAY = "DD-MONTH-YYYY"


def _nbe(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    summary = [
        Column("cur", "Currency"),
        Column("open", "Opening Balance", "r"),
        Column("close", "Closing Balance", "r"),
    ]
    line = Row(
        {"cur": "EGP", "open": EN.magnitude(acc.opening), "close": EN.magnitude(acc.closing)}
    )
    Table(flow, summary, Style(rules="header", header_fill=None)).draw([line])
    flow.y -= flow.spec.size

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, NBE_DAY),
            "value": fmt_date(t.value_day, NBE_DAY),
            "ref": f"FT{fmt_date(t.day, 'YY')}{serial(t, 8)}",
            "desc": "\n".join(segments(t)),
            "bal": EN.magnitude(t.balance),
        } | side(EN, t)

    columns = [
        Column("date", "Transaction Date"),
        Column("value", "Value Date"),
        Column("ref", "Reference No"),
        Column("desc", "Description", wrap=True, truth=DESC),
        Column("out", "Debit", "r"),
        Column("in", "Credit", "r"),
        Column("bal", "Balance", "r"),
    ]
    newest = replace(acc, txns=acc.txns[::-1])
    style = Style.vary(rng, rng.choice(("grid", "rows")), (150, 230))
    LinedTable(flow, columns, style).draw(rows(newest, 0, log, cells))


def _misr(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    """The Arabic print's column order, right to left, with English titles over Arabic ones."""
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "bal": EN.magnitude(t.balance),
            "value": fmt_date(t.value_day, "DD/MM/YYYY"),
            "ref": serial(t, 12),
            "desc": " ".join(segments(t)),
            "date": fmt_date(t.day, "DD/MM/YYYY"),
        } | side(EN, t)

    columns = [
        Column("bal", f"Balance\n{AR['bal']}", "r"),
        Column("in", f"Credit\n{AR['in']}", "r"),
        Column("out", f"Debit\n{AR['out']}", "r"),
        Column("value", f"Value Date\n{AR['value']}"),
        Column("ref", "TxnRefNo"),
        Column("desc", f"Description\n{AR['desc']}", wrap=True, truth=DESC),
        Column("date", f"Date\n{AR['date']}"),
    ]
    body = framed(
        {"desc": "Opening Balance", "bal": EN.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "Closing Balance", "bal": EN.magnitude(acc.closing)},
        balance=acc.opening,
        bold=False,
    )
    style = Style.vary(rng, rng.choice(("grid", "header")), (160, 240))
    LinedTable(flow, columns, style).draw(body)


def _qnb(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    figures(
        flow,
        [
            ("Starting Balance", EN.magnitude(acc.opening)),
            ("Total Debits", EN.magnitude(acc.total_debits)),
            ("Total Credits", EN.magnitude(acc.total_credits)),
            ("Ending Balance", EN.magnitude(acc.closing)),
        ],
        0.4,
    )

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM/YYYY"),
            "desc": "\n".join(segments(t)),
            "bal": EN.magnitude(t.balance),
        } | side(EN, t)

    columns = [
        Column("date", "Date"),
        Column("desc", "Description", wrap=True, truth=DESC),
        Column("out", "Debit", "r"),
        Column("in", "Credit", "r"),
        Column("bal", "Balance", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "Balance Carried Forward", "bal": EN.magnitude(b)},
        brought=lambda b: {"desc": "Balance Brought Forward", "bal": EN.magnitude(b)},
    )
    body = framed(
        {"desc": "Balance Brought Forward", "bal": EN.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("rows", "none")), (200, 300))
    LinedTable(flow, columns, style, carry).draw(body)


EG_TABLES = {"nbe": _nbe, "misr": _misr, "qnb": _qnb}


def _details(rng: Random, st: Statement, variant: str) -> list[tuple[str, str]]:
    acc, day = st.accounts[0], NBE_DAY if variant == "nbe" else "DD/MM/YYYY"
    span = (fmt_date(st.start, day), fmt_date(st.end, day))
    if variant == "nbe":
        return [
            ("Customer Name", st.holder.name),
            ("Customer ID", str(rng.randint(10**7, 10**8 - 1))),
            (f"Account Number {AR['account']}", acc.masked),
            ("From Date", span[0]),
            ("To Date", span[1]),
        ]
    if variant == "qnb":
        return [
            ("Account Number", acc.masked),
            ("Account Type", "Current Account"),
            ("Currency", "EGYPTIAN POUND"),
            ("Period", f"{span[0]} - {span[1]}"),
        ]
    return [
        ("Customer Name", st.holder.name),
        (f"Account No. {AR['account']}", acc.masked),
        (f"Currency {AR['currency']}", "EGP"),
        ("Period", f"{span[0]} - {span[1]}"),
    ]


MASKS = {"nbe": "{a}{b}{{last4}}", "misr": "{c}{{last4}}", "qnb": "{c}{{last4}}-{d}"}


def eg_statement(rng: Random) -> Built:
    variant = rng.choice(sorted(EG_TABLES))
    a, b = rng.randint(10**7, 10**8 - 1), rng.randint(10**6, 10**7 - 1)
    c, d = rng.randint(10**6, 10**7 - 1), rng.randint(10, 99)
    mask = MASKS[variant].format(a=a, b=b, c=c, d=d)
    pool = (*EVERYDAY, "card", "transfer_out")
    count = rng.randint(22, 46)
    plan = Plan("Current Account", count, (400, 4000), pool=pool, cheques=False, mask=mask)
    names = (rng.choice(EG_BANKS), EG_TOWNS, rng.choice(EG_HOLDERS))
    st = local_statement(rng, EGYPT, names, [plan], period(rng), EG_STREETS)
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(DEJAVU,), size=(6.5, 8.0)),
        (f"Account Statement {AR['title']}", _details(rng, st, variant)),
        rng.choice(("Page {n} of {total}", "{n} / {total}")),
        f"{st.bank.name}, supervised by the Central Bank of Egypt. Tel 19{rng.randint(100, 999)}",
        f"Account Statement {st.accounts[0].masked}",
    )
    if variant == "nbe":
        stamp = f"{fmt_date(st.end, 'DD MONTH YYYY')} {rng.randint(8, 22):02d}:15:00 GMT +0200"
        page_note(flow, f"Account Statement as of {stamp}", gray=0.0)
    log = TruthLog()
    EG_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, EN)


LAYOUTS = (
    Layout(
        "eg_statement",
        "Egyptian statements in English (NBE / Banque Misr / QNB Alahli style): Arabic labels "
        "beside the English ones, EGP, 1,234.56; rows newest first with dates such as "
        "05-January-2025, a value date, an FT reference and separate debit and credit, a "
        "currency / opening / closing line above; or the Arabic column order read left to "
        "right (balance, credit, debit, value date, reference, description, date) between "
        "opening and closing rows; or starting / ending balances and totals above, multi-line "
        "descriptions and balances carried forward at page breaks",
        eg_statement,
    ),
)
