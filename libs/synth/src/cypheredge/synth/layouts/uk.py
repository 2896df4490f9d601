"""British and Irish current accounts: paid out / paid in / balance columns."""

from __future__ import annotations

from decimal import Decimal
from random import Random

from cypheredge.synth.formats import EN, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, rows, statement
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import Account, TruthLog, Txn
from cypheredge.synth.regions_english import IRELAND, UK
from cypheredge.synth.render.blocks import (
    SMALL_PRINT,
    continuation,
    footer,
    heading,
    letterhead,
    notices_page,
    summary_box,
)
from cypheredge.synth.render.flow import Flow, PageSpec
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
    flow = Flow(
        PageSpec.vary(rng),
        footer("Page {n} of {total}"),
        LEGAL.format(bank=bank),
        continuation(bank, f"Current Account {acc.masked} (continued)"),
    )
    start, end = fmt_date(st.start, day), fmt_date(st.end, day)
    letterhead(
        flow,
        rng,
        st,
        "Statement",
        [
            ("Account number", acc.masked),
            ("Sort code", f"{rng.randint(10, 99)}-45-77"),
            ("Statement period", f"{start} to {end}"),
            ("Currency", "GBP (£)"),
        ],
    )
    summary_box(
        flow,
        "Your account summary",
        [
            (f"Balance on {start}", f"£{_money(acc.opening)}"),
            ("Money in", f"£{EN.magnitude(acc.total_credits)}"),
            ("Money out", f"£{EN.magnitude(acc.total_debits)}"),
            (f"Balance on {end}", f"£{_money(acc.closing)}"),
        ],
    )
    log = TruthLog()
    body = [
        Row(
            {"date": start, "desc": "BALANCE BROUGHT FORWARD", "bal": _money(acc.opening)},
            balance=acc.opening,
            bold=True,
        )
    ]
    body += _ledger_rows(acc, 0, log, day)
    body.append(
        Row({"date": end, "desc": "BALANCE CARRIED FORWARD", "bal": _money(acc.closing)}, bold=True)
    )
    style = Style.vary(rng, "grid", desc=(150, 250))
    Table(
        flow,
        _ledger_columns("£"),
        style,
        _carry(("Balance carried forward", "Balance brought forward")),
    ).draw(body)
    notices_page(flow, "Important information about your account", SMALL_PRINT)
    return Built(flow, st, log, EN)


def uk_two_accounts(rng: Random) -> Built:
    bank = rng.choice(("Northgate Bank", "Severn Valley Bank", "Lothian & Clyde Bank"))
    plans = [
        Plan("Current Account", rng.randint(12, 26), (300, 3000), mask="****{last4}"),
        Plan(
            "Instant Saver",
            rng.randint(4, 8),
            (2000, 9000),
            mandatory=("interest",),
            optional=(),
            pool=("transfer_in", "transfer_out"),
            cheques=False,
            mask="****{last4}",
        ),
    ]
    st = statement(rng, UK, (bank, TOWNS, rng.choice(HOLDERS)), plans)
    day = "DD/MM/YYYY"
    flow = Flow(
        PageSpec.vary(rng),
        footer("Page {n}/{total}"),
        "",
        continuation(bank, f"Statement {fmt_date(st.end, day)}"),
    )
    letterhead(
        flow,
        rng,
        st,
        "Combined statement",
        [
            ("Statement date", fmt_date(st.end, day)),
            ("Period", f"{fmt_date(st.start, day)} - {fmt_date(st.end, day)}"),
            ("Customer number", f"{rng.randrange(10**8):08d}"),
            ("Currency", "GBP"),
        ],
    )
    log = TruthLog()
    style = Style.vary(rng, "header", desc=(170, 280))
    carry = _carry(("Carried forward", "Brought forward"))
    for index, acc in enumerate(st.accounts):
        heading(flow, f"{acc.name}   Account no. {acc.masked}")
        body = [
            Row(
                {"desc": "Balance brought forward", "bal": _money(acc.opening)}, balance=acc.opening
            )
        ]
        body += _ledger_rows(acc, index, log, day)
        body.append(Row({"desc": "Balance carried forward", "bal": _money(acc.closing)}))
        Table(flow, _ledger_columns("£"), style, carry).draw(body)
        flow.y -= flow.spec.size * 2
    if rng.random() < 0.5:
        notices_page(flow, "Your savings and current account terms", SMALL_PRINT[::-1])
    return Built(flow, st, log, EN)


def ie_day_balance(rng: Random) -> Built:
    """Irish style: the date on a day's first row only, the balance on its last row only."""
    bank = rng.choice(("Liffey Savings Bank", "Bank of Connacht"))
    plan = Plan("Current Account", rng.randint(25, 45), (500, 3500), mask="{last4}")
    st = statement(
        rng,
        IRELAND,
        (
            bank,
            ("Dublin 2", "Cork T12 X70A", "Galway H91"),
            rng.choice(("SEAN MURPHY", "AOIFE KELLY")),
        ),
        [plan],
    )
    acc, day = st.accounts[0], "DD MON YYYY"
    flow = Flow(
        PageSpec.vary(rng),
        footer("Page {n} of {total}"),
        "",
        continuation(bank, f"Account {acc.masked}"),
    )
    letterhead(
        flow,
        rng,
        st,
        "Statement of Account",
        [
            ("IBAN", f"IE{rng.randint(10, 99)} BCON 9{rng.randrange(10**4):04d} **** {acc.masked}"),
            ("Date of statement", fmt_date(st.end, day)),
            ("Period", f"{fmt_date(st.start, day)} to {fmt_date(st.end, day)}"),
        ],
    )
    firsts = {t.day: i for i, t in reversed(list(enumerate(acc.txns)))}
    lasts = {t.day: i for i, t in enumerate(acc.txns)}
    index_of = {id(t): i for i, t in enumerate(acc.txns)}

    def cells(t: Txn) -> dict[str, str]:
        i = index_of[id(t)]
        out = {"desc": t.description, "out" if t.amount < 0 else "in": EN.magnitude(t.amount)}
        if firsts[t.day] == i:
            out["date"] = fmt_date(t.day, day)
        if lasts[t.day] == i:
            out["bal"] = _money(t.balance)
        return out

    log = TruthLog()
    body = [
        Row(
            {"date": fmt_date(st.start, day), "desc": "BALANCE FORWARD", "bal": _money(acc.opening)}
        )
    ]
    body += rows(acc, 0, log, cells, balance=lambda t: lasts[t.day] == index_of[id(t)])
    columns = [
        Column("date", "Date"),
        Column("desc", "Details", wrap=True, truth="description"),
        Column("out", "Debit €", "r"),
        Column("in", "Credit €", "r"),
        Column("bal", "Balance €", "r"),
    ]
    Table(flow, columns, Style.vary(rng, "rows")).draw(body)
    flow.y -= flow.spec.size
    summary_box(
        flow,
        "Summary",
        [
            ("Opening balance", f"€{_money(acc.opening)}"),
            ("Closing balance", f"€{_money(acc.closing)}"),
        ],
        0.4,
    )
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
