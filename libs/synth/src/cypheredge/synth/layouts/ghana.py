"""Family from Ghana: statements of GCB Bank, Ecobank Ghana and Stanbic Bank Ghana.

Held out in the fourth split; tuned on since that split was scored.

Public sources on Ghanaian prints are thinner than on the other countries of this split, so the
family keeps to what public material does show and to the conventions Ghanaian banks share with
their West African neighbours: cedis as GHS or with the cedi sign (GH₵, as GCB's published annual
reports write it), 1,234.56; Ecobank Ghana's branch names (`ECOBANK GH ACCRA MAIN`, `... TEMA`,
`... LEGON`, from its published branch list) on the statement; mobile-money (MOMO) transfers and
GhIPSS Instant Pay (GIP) transfers in the narrations; and the electronic transfer levy described
in kowalski-github/E-Levy (README: a levy on electronic transfers above GHS 100, charged by banks
and mobile-money issuers and added to the transfer; 1.5% when it started in May 2022, 1% since
2023), posted as a row of its own after the transfer it falls on. GCB prints Trans Date / Value
Date / Narration / Debit / Credit / Balance with DD-MON-YY dates, BALANCE B/F first, BALANCE C/F
and B/F at page breaks and CLOSING BALANCE last;
Ecobank prints a reference column and a summary in GH₵; Stanbic prints money out and money in
with the running balance.
"""

from __future__ import annotations

from decimal import Decimal
from random import Random

from cypheredge.synth.formats import EN, fmt_date
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start, totals
from cypheredge.synth.layouts.local_kit import LinedTable, local_statement, page_note, segments
from cypheredge.synth.layouts.local_levies import levied
from cypheredge.synth.layouts.local_print import serial, side
from cypheredge.synth.layouts.local_regions_south import GHANA
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
GH_BANKS = ("Gold Coast Commercial Bank", "Volta Trust Bank Ghana", "Ashanti Standard Bank")
GH_TOWNS = ("Ridge, Accra", "Adum, Kumasi", "Community 1, Tema", "Market Circle, Takoradi")
GH_STREETS = ("{n} Independence Avenue", "{n} Kwame Nkrumah Avenue", "Plot {n}, Spintex Road")
GH_HOLDERS = ("EMMANUEL KOJO ANSAH", "GIFTY AMA OWUSU", "SAMUEL KWAKU BOATENG", "ESI ADJOA MENSAH")
BRANCHES = ("ACCRA MAIN", "TEMA", "LEGON", "KUMASI ADUM", "TAKORADI HARBOUR", "SUNYANI")
LEVY = Decimal("0.01")
LEGAL = "Deposits are protected by the Ghana Deposit Protection Corporation within its limits."


def _levied(t: Txn) -> bool:
    """The E-Levy falls on electronic transfers out above GHS 100."""
    return t.kind in ("transfer_out", "rent") and -t.amount > 100


def _cedi(value: Decimal) -> str:
    return f"GH₵ {EN.magnitude(value)}"


def _gcb(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD-MON-YY").upper(),
            "value": fmt_date(t.value_day, "DD-MON-YY").upper(),
            "desc": "\n".join(segments(t)),
            "bal": EN.magnitude(t.balance),
        } | side(EN, t)

    columns = [
        Column("date", "Trans Date"),
        Column("value", "Value Date"),
        Column("desc", "Narration", wrap=True, truth=DESC),
        Column("out", "Debit", "r"),
        Column("in", "Credit", "r"),
        Column("bal", "Balance", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "BALANCE C/F", "bal": EN.magnitude(b)},
        brought=lambda b: {"desc": "BALANCE B/F", "bal": EN.magnitude(b)},
    )
    start_day = fmt_date(st.start, "DD-MON-YY").upper()
    body = framed(
        {"date": start_day, "desc": "BALANCE B/F", "bal": EN.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "CLOSING BALANCE", "bal": EN.magnitude(acc.closing)},
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("grid", "rows")), (170, 260))
    LinedTable(flow, columns, style, carry).draw(body)


def _ecobank(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    labels = ("Opening Balance", "Total Credits", "Total Debits", "Closing Balance")
    totals(flow, acc, "Account Summary", labels, _cedi, 0.45)

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD-MON-YYYY"),
            "ref": f"{'MM' if 'MOMO' in t.description else 'FT'}{serial(t, 10)}",
            "desc": " ".join(segments(t)),
            "value": fmt_date(t.value_day, "DD-MON-YYYY"),
            "bal": EN.magnitude(t.balance),
        } | side(EN, t)

    columns = [
        Column("date", "Transaction\nDate"),
        Column("ref", "Reference"),
        Column("desc", "Description", wrap=True, truth=DESC),
        Column("value", "Value\nDate"),
        Column("out", "Debit", "r"),
        Column("in", "Credit", "r"),
        Column("bal", "Balance", "r"),
    ]
    style = Style.vary(rng, rng.choice(("header", "rows")), (150, 230))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))


def _stanbic(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    page_note(
        flow, f"Balance at {fmt_date(st.start, 'DD/MM/YYYY')}: {_cedi(acc.opening)}", gray=0.0
    )

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM/YYYY"),
            "desc": "\n".join(segments(t)),
            "bal": EN.magnitude(t.balance),
        } | side(EN, t)

    columns = [
        Column("date", "Date"),
        Column("desc", "Transaction Details", wrap=True, truth=DESC),
        Column("out", "Money Out", "r"),
        Column("in", "Money In", "r"),
        Column("bal", "Balance", "r"),
    ]
    style = Style.vary(rng, rng.choice(("none", "rows")), (200, 300))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))
    page_note(flow, f"Balance at {fmt_date(st.end, 'DD/MM/YYYY')}: {_cedi(acc.closing)}", gray=0.0)


GH_TABLES = {"gcb": _gcb, "ecobank": _ecobank, "stanbic": _stanbic}


def gh_statement(rng: Random) -> Built:
    variant = rng.choice(sorted(GH_TABLES))
    mask = f"{rng.randint(10**8, 10**9 - 1)}{{last4}}"
    count = rng.randint(22, 46)
    pool = (*EVERYDAY, "transfer_out", "transfer_out")
    plan = Plan("Current Account", count, (300, 3000), pool=pool, cheques=False, mask=mask)
    names = (rng.choice(GH_BANKS), GH_TOWNS, rng.choice(GH_HOLDERS))
    st = local_statement(rng, GHANA, names, [plan], period(rng), GH_STREETS)
    st = levied(st, _levied, LEVY, "E-LEVY|ELECTRONIC TRANSFER LEVY")
    acc = st.accounts[0]
    branch = rng.choice(BRANCHES)
    span = f"{fmt_date(st.start, 'DD-MON-YYYY')} to {fmt_date(st.end, 'DD-MON-YYYY')}"
    details = [
        ("Account Name", st.holder.name),
        ("Account Number", acc.masked),
        ("Branch", f"{st.bank.name.split()[0].upper()} GH {branch}"),
        ("Currency", "GHS"),
        ("Period", span),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(DEJAVU,), size=(6.5, 8.0)),
        ("STATEMENT OF ACCOUNT", details),
        rng.choice(("Page {n} of {total}", "Page {n}")),
        LEGAL,
        f"Statement of Account {acc.masked}",
    )
    log = TruthLog()
    GH_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, EN)


LAYOUTS = (
    Layout(
        "gh_statement",
        "Ghanaian statements (GCB / Ecobank / Stanbic style): GHS and the cedi sign, 1,234.56, "
        "MOMO and GIP transfers and the 1% E-Levy posted after each transfer it falls on; "
        "DD-MON-YY trans and value dates, multi-line narrations, separate debit and credit "
        "between BALANCE B/F and C/F rows; or a GH₵ account summary, a reference column and the "
        "value date after the description; or Money Out / Money In with balances written "
        "before and after the table",
        gh_statement,
    ),
)
