"""Family from Sri Lanka: the statements of DFCC Bank, Nations Trust Bank and Bank of
Ceylon, in English and rupees.

Held out in the fifth split; tuned on since that split was scored.

Public sources on Sri Lankan prints are thin: no bank publishes a specimen and no open-source
parser targets one bank's PDF. The family follows the statement tests of a public Sri Lankan
personal-finance app (SachinthaGaurawa/wealthflow: statement_parser tests, statement-fixtures.mjs,
statement-direction.mjs), which quote the layouts its owner's statements use. DFCC's "Combined
Banking Statement": `Client Name:`, `Account Number:`, `Account Type:`, `Transaction Period:
01/08/2026 - 31/08/2026` and `Currency: LKR` lines, then Post Date / Effective Date / Narration /
Withdrawal (Dr) / Deposit (Cr) / Balance with an Opening Balance row, title-case narrations
(`Pos Transaction Pizza Hut`, `Outward Ceft Transfer ...`, `Ceft Charges ...`), a running
balance that goes below zero as `-49,781.00` on an overdrawn current account, and a Transaction
Summary row of the two columns' totals. Nations Trust Bank's e-statement: no running balance and
no Dr/Cr marks, only the column an amount stands in tells its direction, with the opening and
closing balances printed apart from the rows. Bank of Ceylon: its SMS alerts' wording (`CEFT
Transfer Debit`, `Online Transfer Credit`, `No Book Deposit`) under Date / Particulars / Cheque
No / Debit / Credit / Balance with DD-MON-YYYY dates, BALANCE B/F and C/F rows, and the unused
amount column printed as 0.00 (a layout the same app's fixtures keep). A CEFT transfer out is
followed by its CEFT charge (LKR 25.00 in the app's tests).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import EN, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start, totals
from cypheredge.synth.layouts.local_charges import charged
from cypheredge.synth.layouts.local_kit import LinedTable, local_statement, page_note
from cypheredge.synth.layouts.local_kit import segments as parts
from cypheredge.synth.layouts.local_print import serial
from cypheredge.synth.layouts.local_regions_global import (
    SRI_LANKA_BOC,
    SRI_LANKA_DFCC,
    SRI_LANKA_NTB,
)
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.regions import Region
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
LK_BANKS = ("Lanka Development Bank PLC", "Ceylon Trust Bank PLC", "Bank of Serendib")
LK_TOWNS = ("Colombo 03", "Colombo 07", "Kandy", "Galle", "Negombo", "Nugegoda")
LK_STREETS = ("No. {n}, Galle Road", "No. {n}, Duplication Road", "No. {n}/1, Kandy Road")
LK_HOLDERS = ("MR K S G KULASOORIYA", "MS N P WICKRAMASINGHE", "MR A D SENANAYAKE", "MRS R M DIAS")
BRANCHES = ("Head Office", "Kollupitiya", "Nugegoda", "Kandy City", "Matara", "Negombo")
CEFT_FEE = Decimal("25.00")
LEGAL = "Licensed Commercial Bank supervised by the Central Bank of Sri Lanka."


def _rupees(value: Decimal) -> str:
    return signed(EN, value)


def _ceft(t: Txn) -> Decimal:
    """A flat charge on each CEFT (interbank) transfer out."""
    text = t.description.upper()
    return CEFT_FEE if t.amount < 0 and "CEFT" in text and "CHARGE" not in text else Decimal(0)


def _ceft_text(style: str) -> Callable[[Txn], str]:
    def text(t: Txn) -> str:
        party = parts(t)[-1].split()[-1]
        return f"Ceft Charges {party}" if style == "dfcc" else "CEFT CHARGES"

    return text


def _dfcc(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    span = f"{fmt_date(st.start, 'DD/MM/YYYY')} - {fmt_date(st.end, 'DD/MM/YYYY')}"
    for line in (
        f"Client Name: {st.holder.name}",
        f"Account Number: {acc.masked}",
        f"Account Type: {acc.name}",
        f"Transaction Period: {span}",
        "Currency: LKR",
    ):
        page_note(flow, line, size=flow.spec.size, gray=0.0)
    flow.y -= flow.spec.size

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM/YYYY"),
            "value": fmt_date(t.value_day, "DD/MM/YYYY"),
            "desc": " ".join(parts(t)),
            "out" if t.amount < 0 else "in": EN.magnitude(t.amount),
            "bal": _rupees(t.balance),
        }

    columns = [
        Column("date", "Post Date"),
        Column("value", "Effective Date"),
        Column("desc", "Narration", wrap=True, truth=DESC),
        Column("out", "Withdrawal (Dr)", "r"),
        Column("in", "Deposit (Cr)", "r"),
        Column("bal", "Balance", "r"),
    ]
    body = framed(
        {
            "date": fmt_date(st.start, "DD/MM/YYYY"),
            "desc": "Opening Balance",
            "bal": _rupees(acc.opening),
        },
        rows(acc, 0, log, cells),
        {
            "desc": "Transaction Summary",
            "out": EN.magnitude(acc.total_debits),
            "in": EN.magnitude(acc.total_credits),
        },
        balance=acc.opening,
        bold=False,
    )
    style = Style.vary(rng, rng.choice(("grid", "rows")), (160, 250))
    LinedTable(flow, columns, style).draw(body)


def _ntb(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    labels = ("Opening Balance", "Total Credits", "Total Debits", "Closing Balance")
    totals(flow, acc, "Account Summary (LKR)", labels, _rupees, 0.42)

    def cells(t: Txn) -> dict[str, str]:
        cheque = serial(t, 6) if t.kind in ("check", "cheque_in", "cheque_return") else ""
        return {
            "date": fmt_date(t.day, "DD/MM/YYYY"),
            "value": fmt_date(t.value_day, "DD/MM/YYYY"),
            "desc": " ".join(parts(t)),
            "chq": cheque,
            "out" if t.amount < 0 else "in": EN.magnitude(t.amount),
        }

    columns = [
        Column("date", "Txn Date"),
        Column("value", "Value Date"),
        Column("desc", "Description", wrap=True, truth=DESC),
        Column("chq", "Cheque No."),
        Column("out", "Debit", "r"),
        Column("in", "Credit", "r"),
    ]
    style = Style.vary(rng, rng.choice(("header", "none", "rows")), (170, 260))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells, balance=lambda t: False))


def _boc(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    day = "DD-MON-YYYY"
    zero = EN.magnitude(Decimal(0))

    def cells(t: Txn) -> dict[str, str]:
        chq = t.description.split()[1] if t.kind in ("check",) else ""
        out, inn = (
            (EN.magnitude(t.amount), zero) if t.amount < 0 else (zero, EN.magnitude(t.amount))
        )
        return {
            "date": fmt_date(t.day, day),
            "desc": "\n".join(parts(t)),
            "chq": chq,
            "out": out,
            "in": inn,
            "bal": _rupees(t.balance),
        }

    columns = [
        Column("date", "Date"),
        Column("desc", "Particulars", wrap=True, truth=DESC),
        Column("chq", "Cheque No"),
        Column("out", "Debit", "r"),
        Column("in", "Credit", "r"),
        Column("bal", "Balance", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "BALANCE C/F", "bal": _rupees(b)},
        brought=lambda b: {"desc": "BALANCE B/F", "bal": _rupees(b)},
    )
    body = framed(
        {"date": fmt_date(st.start, day), "desc": "BALANCE B/F", "bal": _rupees(acc.opening)},
        rows(acc, 0, log, cells),
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("grid", "rows")), (150, 230))
    LinedTable(flow, columns, style, carry).draw(body)


LK_TABLES = {"dfcc": _dfcc, "ntb": _ntb, "boc": _boc}
LK_REGIONS: dict[str, Region] = {"dfcc": SRI_LANKA_DFCC, "ntb": SRI_LANKA_NTB, "boc": SRI_LANKA_BOC}
LK_TITLES = {
    "dfcc": "Your Combined Banking Statement",
    "ntb": "e-Statement",
    "boc": "STATEMENT OF ACCOUNT",
}


def lk_statement(rng: Random) -> Built:
    variant = rng.choice(sorted(LK_TABLES))
    mask = f"{rng.randint(10**7, 10**8 - 1)}{{last4}}"
    if variant == "dfcc":
        mask = f"1{rng.randint(10**6, 10**7 - 1)}{{last4}}"
    name = "Current Account" if variant == "dfcc" else "Savings Account"
    pool = (*EVERYDAY, "transfer_out", "card")
    plan = Plan(
        name,
        rng.randint(20, 44),
        (300, 3000),
        overdraft=variant == "dfcc" and rng.random() < 0.5,
        pool=pool,
        cheques=variant == "boc",
        mask=mask,
    )
    names = (rng.choice(LK_BANKS), LK_TOWNS, rng.choice(LK_HOLDERS))
    st = local_statement(rng, LK_REGIONS[variant], names, [plan], period(rng), LK_STREETS)
    if variant != "boc":
        st = charged(st, _ceft, _ceft_text(variant), overdraft=plan.overdraft)
    acc = st.accounts[0]
    details = [
        ("Branch", rng.choice(BRANCHES)),
        ("Statement Date", fmt_date(st.end, "DD/MM/YYYY")),
        ("Account No.", acc.masked),
        ("Currency", "LKR"),
    ]
    if variant == "boc":
        span = f"{fmt_date(st.start, 'DD-MON-YYYY')} to {fmt_date(st.end, 'DD-MON-YYYY')}"
        details = [("Account Holder", st.holder.name), ("Account No.", acc.masked)]
        details += [("Period", span), ("Currency", "LKR")]
    fonts = (HELVETICA, TIMES, DEJAVU)
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=fonts, size=(6.5, 8.0)),
        (LK_TITLES[variant], details),
        rng.choice(("Page {n} of {total}", "{n}/{total}")),
        LEGAL,
        f"{LK_TITLES[variant]} {acc.masked}",
    )
    log = TruthLog()
    LK_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, EN)


LAYOUTS = (
    Layout(
        "lk_statement",
        "Sri Lankan statements in English (DFCC / Nations Trust / Bank of Ceylon style): LKR, "
        "1,234.56; Client Name / Account Number / Transaction Period lines, Post Date and "
        "Effective Date, Withdrawal (Dr) / Deposit (Cr) / Balance with balances below zero on "
        "an overdrawn account, an Opening Balance row and a Transaction Summary of totals, "
        "Ceft Charges after each CEFT transfer; or an e-statement without running balance or "
        "Dr/Cr marks, a summary box and a cheque column; or DD-MON-YYYY dates, BALANCE B/F and "
        "C/F rows, cheques, and 0.00 printed in the unused amount column",
        lk_statement,
    ),
)
