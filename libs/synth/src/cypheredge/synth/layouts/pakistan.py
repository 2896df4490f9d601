"""Family from Pakistan: the account statements of HBL, MCB and Meezan Bank.

Held out in the third split; tuned on since that split was scored.

Modelled on the statement-layout tests of iumer/Uzee
(Packages/UZeeCore/Tests/UZeeCoreTests/StatementLayoutTests.swift), which copy the shape of each
bank's real PDF lines. HBL: "Account Activity generated through HBL Mobile", `IBAN: PK...`,
Transaction Date / Value Date / Description / Debit / Credit / Balance with DD-MM-YYYY dates,
rows newest first, narrations over three or four lines (`Funds Transfer SM... TO` over `SARA KHAN
IBAN XXXX-0001 Thru` over `Raast ...`; `Debit Card/POS` with the card number, `30/06`, `PKR`,
the amount as `2600.00` and the merchant and city on the last lines). MCB: "Account Statement",
`number | NAME`, `Opening Balance : 1,000.00`, `Closing Balance : ...`, `Currency : PKR`,
Date (`05 Oct 2026`) / Description / Reference Number / Amount with Dr or Cr glued on
(`5,000.00Dr`) / Balance, newest first, dash-separated narrations that wrap (`IBFT SENDING-... -
ALI RAZA - 1111... - MEEZAN BANK LTD - Originator : -`). Meezan: label rows over value rows
(Account Title / Account Number / IBAN, Currency `Pakistan Rupee(PKR)` / From Date / To Date,
Opening Balance / Closing Balance as `PKR737.01`), then Booking Date / Description / Credit /
Debit / Available Balance with `+ PKR42,500.00` and `- PKR43.00` in their columns, balances as
`PKR43,237.01`, oldest first.
"""

from __future__ import annotations

from dataclasses import replace
from random import Random

from cypheredge.synth.formats import EN, fmt_date
from cypheredge.synth.layouts.common import Built, Layout, period, rows, start
from cypheredge.synth.layouts.local_kit import (
    LinedTable,
    local_statement,
    page_note,
    segments,
)
from cypheredge.synth.layouts.local_print import figures, narrate, serial
from cypheredge.synth.layouts.local_regions_east import (
    PAKISTAN_HBL,
    PAKISTAN_MCB,
    PAKISTAN_MEEZAN,
)
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Column, Row, Style, Table

DESC = "description"
PK_BANKS = ("Habib Indus Bank Limited", "Sindh Commercial Bank Ltd", "Ravi Islamic Bank Limited")
PK_TOWNS = ("Karachi 75500", "Lahore 54000", "Islamabad 44000", "Faisalabad 38000")
PK_STREETS = ("House {n}, Block 7, Gulshan-e-Iqbal", "Flat {n}, DHA Phase 5", "{n}-B Model Town")
PK_HOLDERS = ("AYESHA KHAN", "MUHAMMAD ASIF", "FATIMA NOOR", "HAMZA SIDDIQUI")
REGIONS = {"hbl": PAKISTAN_HBL, "mcb": PAKISTAN_MCB, "meezan": PAKISTAN_MEEZAN}


def _lines(t: Txn) -> list[str]:
    """The narration's lines; a card line carries the amount as `2600.00`, without grouping."""
    printed = f"{abs(t.amount):.2f}"
    return [narrate(part, t.day, printed) for part in segments(t)]


def _newest_first(st: Statement) -> Statement:
    acc = st.accounts[0]
    return replace(st, accounts=(replace(acc, txns=acc.txns[::-1]),))


def _hbl(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    if rng.random() < 0.6:
        figures(
            flow,
            [
                ("Opening Balance", EN.magnitude(acc.opening)),
                ("Total Debit", EN.magnitude(acc.total_debits)),
                ("Total Credit", EN.magnitude(acc.total_credits)),
                ("Closing Balance", EN.magnitude(acc.closing)),
            ],
            0.4,
        )

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD-MM-YYYY"),
            "value": fmt_date(t.value_day, "DD-MM-YYYY"),
            "desc": "\n".join(_lines(t)),
            "out" if t.amount < 0 else "in": EN.magnitude(t.amount),
            "bal": EN.magnitude(t.balance),
        }

    columns = [
        Column("date", "Transaction\nDate"),
        Column("value", "Value Date"),
        Column("desc", "Description", wrap=True, truth=DESC),
        Column("out", "Debit", "r"),
        Column("in", "Credit", "r"),
        Column("bal", "Balance", "r"),
    ]
    style = Style.vary(rng, rng.choice(("none", "header")), (170, 250))
    newest = _newest_first(st).accounts[0]
    LinedTable(flow, columns, style).draw(rows(newest, 0, log, cells))


def _mcb(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    for line in (
        f"{acc.masked} | {st.holder.name}",
        f"Opening Balance : {EN.magnitude(acc.opening)}",
        f"Closing Balance : {EN.magnitude(acc.closing)}",
        "Currency : PKR",
    ):
        page_note(flow, line, size=flow.spec.size, gray=0.0)
    flow.y -= flow.spec.size

    def cells(t: Txn) -> dict[str, str]:
        mark = "Dr" if t.amount < 0 else "Cr"
        return {
            "date": fmt_date(t.day, "DD MON YYYY"),
            "desc": " ".join(_lines(t)),
            "ref": f"10{serial(t, 8)}",
            "amt": f"{EN.magnitude(t.amount)}{mark}",
            "bal": EN.magnitude(t.balance),
        }

    columns = [
        Column("date", "Date"),
        Column("desc", "Description", wrap=True, truth=DESC),
        Column("ref", "Reference Number"),
        Column("amt", "Amount", "r"),
        Column("bal", "Balance", "r"),
    ]
    style = Style.vary(rng, rng.choice(("rows", "none")), (150, 230))
    newest = _newest_first(st).accounts[0]
    LinedTable(flow, columns, style).draw(rows(newest, 0, log, cells))


def _grid(flow: Flow, labels: tuple[str, ...], values: tuple[str, ...]) -> None:
    """Meezan's header: one row of labels over one row of values, without rules."""
    columns = [Column(f"c{i}", label) for i, label in enumerate(labels)]
    cells = Row({f"c{i}": value for i, value in enumerate(values)})
    Table(flow, columns, Style(rules="none", header_fill=None, pad=3.0)).draw([cells])
    flow.y -= flow.spec.size * 0.6


def _meezan(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    span = (fmt_date(st.start, "DD MON YYYY"), fmt_date(st.end, "DD MON YYYY"))
    titles = ("Account Title", "Account Number", "IBAN")
    _grid(flow, titles, (st.holder.name, acc.masked, _iban(st)))
    _grid(flow, ("Currency", "From Date", "To Date"), ("Pakistan Rupee(PKR)", *span))
    balances = (f"PKR{EN.magnitude(acc.opening)}", f"PKR{EN.magnitude(acc.closing)}")
    _grid(flow, ("Opening Balance", "Closing Balance"), balances)

    def cells(t: Txn) -> dict[str, str]:
        sign = "-" if t.amount < 0 else "+"
        return {
            "date": fmt_date(t.day, "DD MON YYYY"),
            "desc": "\n".join(_lines(t)),
            "out" if t.amount < 0 else "in": f"{sign} PKR{EN.magnitude(t.amount)}",
            "bal": f"PKR{EN.magnitude(t.balance)}",
        }

    columns = [
        Column("date", "Booking Date"),
        Column("desc", "Description", wrap=True, truth=DESC),
        Column("in", "Credit", "r"),
        Column("out", "Debit", "r"),
        Column("bal", "Available Balance", "r"),
    ]
    style = Style.vary(rng, rng.choice(("header", "rows")), (150, 230))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))


def _iban(st: Statement) -> str:
    """PK, check digits, the bank's four-letter code, then the account number."""
    masked = st.accounts[0].masked
    return f"PK{int(masked[-2:]) % 89 + 10}{st.bank.name[:4].upper()}00{masked}"


PK_TABLES = {"hbl": _hbl, "mcb": _mcb, "meezan": _meezan}


def _head(rng: Random, st: Statement, variant: str) -> Flow:
    acc = st.accounts[0]
    day = "DD-MM-YYYY" if variant == "hbl" else "DD MON YYYY"
    span = f"{fmt_date(st.start, day)} to {fmt_date(st.end, day)}"
    cnic = f"{rng.randint(35000, 42999)}-XXXXXXX-{rng.randint(1, 9)}"
    details = [("Account Title", st.holder.name), ("Account Number", acc.masked)]
    if variant == "hbl":
        details += [("IBAN", _iban(st)), ("CNIC Number", cnic), ("Period", span)]
    elif variant == "mcb":
        details += [("Branch", f"{rng.randint(100, 1999):04d} {rng.choice(PK_TOWNS).split()[0]}")]
        details += [("Statement Period", span)]
    else:
        details += [("Account Type", "Current Account")]
    page = {"hbl": "Page {n} of {total}", "mcb": "{n}", "meezan": "Page {n} / {total}"}[variant]
    title = "Account Activity" if variant == "hbl" else "Account Statement"
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(HELVETICA, TIMES, DEJAVU), size=(6.5, 8.0)),
        (title, details),
        page,
        "This is a system generated statement and does not require a signature.",
        f"{title} {acc.masked}",
    )
    if variant == "hbl":
        page_note(flow, f"Account Activity generated through {st.bank.name.split()[0]} Mobile")
    return flow


def pk_statement(rng: Random) -> Built:
    variant = rng.choice(sorted(PK_TABLES))
    mask = f"{rng.randint(1000, 9999)}{rng.randint(10**7, 10**8 - 1)}{{last4}}"
    pool = (*EVERYDAY, "card", "transfer_out")
    plan = Plan("Current Account", rng.randint(20, 44), (200, 3000), pool=pool, mask=mask)
    names = (rng.choice(PK_BANKS), PK_TOWNS, rng.choice(PK_HOLDERS))
    st = local_statement(rng, REGIONS[variant], names, [plan], period(rng), PK_STREETS)
    flow = _head(rng, st, variant)
    log = TruthLog()
    PK_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, EN)


LAYOUTS = (
    Layout(
        "pk_statement",
        "Pakistani statements (HBL / MCB / Meezan style): rows newest first with DD-MM-YYYY "
        "transaction and value dates and narrations over three or four lines (Raast transfers, "
        "Debit Card/POS lines carrying the card, the date and the amount unformatted); or "
        "`05 Oct 2026` dates, a Reference Number column and amounts with Dr / Cr glued on "
        "(5,000.00Dr); or label rows over value rows, Credit before Debit as `+ PKR42,500.00` and "
        "`- PKR43.00`, balances as PKR43,237.01",
        pk_statement,
    ),
)
