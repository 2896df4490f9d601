"""British and Irish current accounts: paid out / paid in / balance columns."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import EN, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, rows, start, statement, totals
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import Account, TruthLog, Txn
from cypheredge.synth.regions_english import IRELAND, UK
from cypheredge.synth.render.blocks import (
    SMALL_PRINT,
    heading,
    notices_page,
    summary_box,
)
from cypheredge.synth.render.flow import PageSpec
from cypheredge.synth.render.table import Carry, Column, Row, Style, Table

TOWNS = ("London EC2V 7HN", "Manchester M1 4BT", "Leeds LS1 5AB", "Bristol BS1 6JQ")
HOLDERS = ("MR JOHN CITIZEN", "MS AMELIA HART", "DR ROHAN MEHTA", "MRS GRACE OWUSU")
LEGAL = (
    "{bank} plc. Authorised by the Prudential Regulation Authority. Registered in England 0123456."
)


def _money(value: Decimal) -> str:
    return signed(EN, value)


def _ledger_columns(currency: str) -> list[Column]:
    return [
        Column("date", "Date"),
        Column("desc", "Description", wrap=True, truth="description"),
        Column("out", f"Paid out\n({currency})", "r"),
        Column("in", f"Paid in\n({currency})", "r"),
        Column("bal", f"Balance\n({currency})", "r"),
    ]


def _carry(words: tuple[str, str]) -> Carry:
    return Carry(
        carried=lambda b: {"desc": words[0], "bal": _money(b)},
        brought=lambda b: {"desc": words[1], "bal": _money(b)},
    )


def _ledger_rows(account: Account, index: int, log: TruthLog, day: str) -> list[Row]:
    def cells(t: Txn) -> dict[str, str]:
        amount = EN.magnitude(t.amount)
        return {
            "date": fmt_date(t.day, day),
            "desc": t.description,
            "bal": _money(t.balance),
            "out" if t.amount < 0 else "in": amount,
        }

    return rows(account, index, log, cells)


def uk_ruled(rng: Random) -> Built:
    bank = rng.choice(("Albion & Thames Bank", "Royal Mercia Bank", "Pennine Savings Bank"))
    plan = Plan("Current Account", rng.randint(30, 60), (400, 4000), mask="XXXX XXXX {last4}")
    st = statement(rng, UK, (bank, TOWNS, rng.choice(HOLDERS)), [plan])
    acc, day = st.accounts[0], "DD MON YYYY"
    first, last = fmt_date(st.start, day), fmt_date(st.end, day)
    details = [
        ("Account number", acc.masked),
        ("Sort code", f"{rng.randint(10, 99)}-45-77"),
        ("Statement period", f"{first} to {last}"),
        ("Currency", "GBP (£)"),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng),
        ("Statement", details),
        "Page {n} of {total}",
        LEGAL.format(bank=bank),
        f"Current Account {acc.masked} (continued)",
    )
    labels = (f"Balance on {first}", "Money in", "Money out", f"Balance on {last}")
    totals(flow, acc, "Your account summary", labels, lambda v: f"£{_money(v)}")
    log = TruthLog()
    opening = {"date": first, "desc": "BALANCE BROUGHT FORWARD", "bal": _money(acc.opening)}
    closing = {"date": last, "desc": "BALANCE CARRIED FORWARD", "bal": _money(acc.closing)}
    body = [Row(opening, balance=acc.opening, bold=True), *_ledger_rows(acc, 0, log, day)]
    body.append(Row(closing, bold=True))
    carry = _carry(("Balance carried forward", "Balance brought forward"))
    Table(flow, _ledger_columns("£"), Style.vary(rng, "grid", (150, 250)), carry).draw(body)
    notices_page(flow, "Important information about your account", SMALL_PRINT)
    return Built(flow, st, log, EN)


SAVER = Plan(
    "Instant Saver",
    6,
    (2000, 9000),
    mandatory=("interest",),
    optional=(),
    pool=("transfer_in", "transfer_out"),
    cheques=False,
)


def uk_two_accounts(rng: Random) -> Built:
    bank = rng.choice(("Northgate Bank", "Severn Valley Bank", "Lothian & Clyde Bank"))
    current = Plan("Current Account", rng.randint(12, 26), (300, 3000))
    saver = replace(SAVER, count=rng.randint(4, 8))
    st = statement(rng, UK, (bank, TOWNS, rng.choice(HOLDERS)), [current, saver])
    day = "DD/MM/YYYY"
    period = f"{fmt_date(st.start, day)} - {fmt_date(st.end, day)}"
    details = [
        ("Statement date", fmt_date(st.end, day)),
        ("Period", period),
        ("Customer number", f"{rng.randrange(10**8):08d}"),
        ("Currency", "GBP"),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng),
        ("Combined statement", details),
        "Page {n}/{total}",
        running=f"Statement {fmt_date(st.end, day)}",
    )
    log = TruthLog()
    style = Style.vary(rng, "header", (170, 280))
    carry = _carry(("Carried forward", "Brought forward"))
    for index, acc in enumerate(st.accounts):
        heading(flow, f"{acc.name}   Account no. {acc.masked}")
        opening = {"desc": "Balance brought forward", "bal": _money(acc.opening)}
        body = [Row(opening, balance=acc.opening), *_ledger_rows(acc, index, log, day)]
        body.append(Row({"desc": "Balance carried forward", "bal": _money(acc.closing)}))
        Table(flow, _ledger_columns("£"), style, carry).draw(body)
        flow.y -= flow.spec.size * 2
    if rng.random() < 0.5:
        notices_page(flow, "Your savings and current account terms", SMALL_PRINT[::-1])
    return Built(flow, st, log, EN)


IE_COLUMNS = (
    Column("date", "Date"),
    Column("desc", "Details", wrap=True, truth="description"),
    Column("out", "Debit €", "r"),
    Column("in", "Credit €", "r"),
    Column("bal", "Balance €", "r"),
)


def _day_rows(acc: Account, log: TruthLog, day: str) -> list[Row]:
    """Rows printing the date on each day's first row and the balance on its last row."""
    firsts = {t.day: i for i, t in reversed(list(enumerate(acc.txns)))}.values()
    lasts = {t.day: i for i, t in enumerate(acc.txns)}.values()
    position = {id(t): i for i, t in enumerate(acc.txns)}

    def cells(t: Txn) -> dict[str, str]:
        i = position[id(t)]
        out = {"desc": t.description, "out" if t.amount < 0 else "in": EN.magnitude(t.amount)}
        out |= {"date": fmt_date(t.day, day)} if i in firsts else {}
        return out | ({"bal": _money(t.balance)} if i in lasts else {})

    return rows(acc, 0, log, cells, balance=lambda t: position[id(t)] in lasts)


def ie_day_balance(rng: Random) -> Built:
    """Irish style: the date on a day's first row only, the balance on its last row only."""
    bank = rng.choice(("Liffey Savings Bank", "Bank of Connacht"))
    # More rows than days, so most days carry several rows and one printed balance.
    plan = Plan("Current Account", rng.randint(40, 60), (500, 3500), mask="{last4}")
    towns = ("Dublin 2", "Cork T12 X70A", "Galway H91")
    st = statement(rng, IRELAND, (bank, towns, rng.choice(("SEAN MURPHY", "AOIFE KELLY"))), [plan])
    acc, day = st.accounts[0], "DD MON YYYY"
    iban = f"IE{rng.randint(10, 99)} BCON 9{rng.randrange(10**4):04d} **** {acc.masked}"
    period = f"{fmt_date(st.start, day)} to {fmt_date(st.end, day)}"
    details = [("IBAN", iban), ("Date of statement", fmt_date(st.end, day)), ("Period", period)]
    head = ("Statement of Account", details)
    flow = start(
        rng, st, PageSpec.vary(rng), head, "Page {n} of {total}", "", f"Account {acc.masked}"
    )
    log = TruthLog()
    opening = {"date": fmt_date(st.start, day), "desc": "BALANCE FORWARD"}
    body = [Row(opening | {"bal": _money(acc.opening)}), *_day_rows(acc, log, day)]
    Table(flow, IE_COLUMNS, Style.vary(rng, "rows")).draw(body)
    flow.y -= flow.spec.size
    ends = [("Opening balance", acc.opening), ("Closing balance", acc.closing)]
    summary_box(flow, "Summary", [(label, f"€{_money(v)}") for label, v in ends], 0.4)
    return Built(flow, st, log, EN)


LAYOUTS = (
    Layout(
        "uk_ruled",
        "ruled grid; 03 Jan 2025 dates; paid out/paid in/balance; £; summary box; "
        "brought/carried forward rows at every page break; multi-page with repeated headers; "
        "wrapped descriptions; terms page without transactions",
        uk_ruled,
    ),
    Layout(
        "uk_two_accounts",
        "current + savings account in one PDF, each with its own table "
        "and brought/carried forward rows; DD/MM/YYYY; borderless with header rule",
        uk_two_accounts,
    ),
    Layout(
        "ie_day_balance",
        "€; date printed on a day's first row only and balance on its last row "
        "only (balance null elsewhere); horizontal rules; 03 Jan 2025 dates",
        ie_day_balance,
    ),
)
