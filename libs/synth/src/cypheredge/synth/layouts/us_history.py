"""us_history: a Wells Fargo style checking statement whose activity is printed twice.

Modelled on Wells Fargo's consumer and small-business checking statements: an "Activity
summary" box, a "Transaction history" in date order under "Date / Check Number / Description
/ Deposits/ Additions / Withdrawals/ Subtractions / Ending daily balance" (the balance only on
a day's last row, the check number in a column of its own), "Ending balance on 1/31" and
"Totals" rows, then a second view of the same activity: either the "Summary of checks
written (checks listed are also displayed in the preceding Transaction history)" in three
Number / Date / Amount column groups, or, as other US and UK banks print, the activity again
by type ("Deposits and other credits", "Withdrawals and other debits", each in date order
with its own total), after the history or before it.

Truth: the transaction history only, in printed order, dated by its row, description as
printed (the check number is a column of its own, not part of it); the second view re-lists
rows already counted, so none of its rows is a transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from random import Random

from reportlab.lib.pagesizes import LETTER

from cypheredge.synth.formats import EN
from cypheredge.synth.layouts.common import Built, Layout, rows, statement
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Account, TruthLog, Txn
from cypheredge.synth.regions_english import US
from cypheredge.synth.render.blocks import (
    continuation,
    footer,
    heading,
    letterhead,
    note,
    summary_box,
)
from cypheredge.synth.render.flow import Flow, PageSpec
from cypheredge.synth.render.table import Column, Row, Style, Table

TOWNS = ("Des Moines, IA 50309", "Phoenix, AZ 85004", "Charlotte, NC 28202", "Boise, ID 83702")
HOLDERS = ("JANE Q PUBLIC", "ROBERT L MARTINEZ", "EMILY CHEN", "MARCUS JOHNSON", "ANA RUIZ")
BANKS = ("Stagecoach Bank, N.A.", "Prairie Wells Bank", "Frontier Trust Bank")
CHECKS_NOTE = "(checks listed are also displayed in the preceding Transaction history)"


def _md(day: date) -> str:
    """Wells Fargo's row date: month and day, neither padded (1/5)."""
    return f"{day.month}/{day.day}"


def _long(day: date) -> str:
    return f"{day.month}/{day.day}/{day.year}"


def _check_number(t: Txn) -> str:
    return t.description.rsplit(" ", 1)[-1] if t.kind == "check" else ""


def _history(flow: Flow, style: Style, account: Account, log: TruthLog) -> None:
    last_of_day = {t.day: i for i, t in enumerate(account.txns)}

    def cells(t: Txn) -> dict[str, str]:
        index = account.txns.index(t)
        shown = last_of_day[t.day] == index
        return {
            "date": _md(t.day),
            "chk": _check_number(t),
            "desc": "CHECK" if t.kind == "check" else t.description,
            "in": EN.magnitude(t.amount) if t.amount >= 0 else "",
            "out": EN.magnitude(-t.amount) if t.amount < 0 else "",
            "bal": EN.magnitude(t.balance) if shown else "",
        }

    def shown(t: Txn) -> bool:
        return last_of_day[t.day] == account.txns.index(t)

    body = rows(account, 0, log, cells, balance=shown)
    end = account.txns[-1].day if account.txns else None
    if end is not None:
        body.append(
            Row(
                {
                    "desc": f"Ending balance on {_md(end)}",
                    "bal": EN.magnitude(account.closing),
                }
            )
        )
    body.append(
        Row(
            {
                "desc": "Totals",
                "in": f"${EN.magnitude(account.total_credits)}",
                "out": f"${EN.magnitude(account.total_debits)}",
            },
            bold=True,
        )
    )
    columns = [
        Column("date", "Date"),
        Column("chk", "Check Number"),
        Column("desc", "Description", wrap=True, truth="description"),
        Column("in", "Deposits/ Additions", "r"),
        Column("out", "Withdrawals/ Subtractions", "r"),
        Column("bal", "Ending daily balance", "r"),
    ]
    heading(flow, "Transaction history")
    Table(flow, columns, style).draw(body)


def _checks_written(flow: Flow, rng: Random, checks: Sequence[Txn]) -> None:
    """The checks again, in three Number / Date / Amount groups, read down each group."""
    per = -(-len(checks) // 3)
    body = []
    for i in range(per):
        cells = {}
        for group in range(3):
            if group * per + i < len(checks):
                t = checks[group * per + i]
                cells[f"n{group}"] = _check_number(t)
                cells[f"d{group}"] = _md(t.day)
                cells[f"a{group}"] = EN.magnitude(-t.amount)
        body.append(Row(cells))
    columns = [
        col
        for g in range(3)
        for col in (
            Column(f"n{g}", "Number"),
            Column(f"d{g}", "Date"),
            Column(f"a{g}", "Amount", "r"),
        )
    ]
    heading(flow, "Summary of checks written")
    note(flow, CHECKS_NOTE)
    Table(flow, columns, Style.vary(rng, "none")).draw(body)


def _by_type(flow: Flow, style: Style, account: Account) -> None:
    """The activity again, credits then debits, each in date order with its total."""
    sections = (
        ("Deposits and other credits", "Total deposits and other credits", 1),
        ("Withdrawals and other debits", "Total withdrawals and other debits", -1),
    )
    for title, total_label, side in sections:
        picked = [t for t in account.txns if (t.amount >= 0) == (side > 0)]
        if not picked:
            continue
        body = [
            Row(
                {
                    "date": _md(t.day),
                    "desc": t.description,
                    "amount": EN.magnitude(abs(t.amount)),
                }
            )
            for t in picked
        ]
        total = sum((abs(t.amount) for t in picked), Decimal(0))
        body.append(Row({"desc": total_label, "amount": f"${EN.magnitude(total)}"}, bold=True))
        columns = [
            Column("date", "Date"),
            Column("desc", "Description", wrap=True),
            Column("amount", "Amount", "r"),
        ]
        heading(flow, title)
        Table(flow, columns, style).draw(body)


def us_history(rng: Random) -> Built:
    bank = rng.choice(BANKS)
    plan = Plan(
        "Everyday Checking",
        rng.randint(22, 40),
        (900, 5000),
        mask="{last4}",
        pool=(*EVERYDAY, "check", "check", "check"),
    )
    st = statement(rng, US, (bank, TOWNS, rng.choice(HOLDERS)), [plan])
    acc = st.accounts[0]
    flow = Flow(
        PageSpec.vary(rng, paper=(LETTER,)),
        footer("Sheet Seq = {n}"),
        "Member FDIC",
        continuation(bank, f"Account number: {acc.masked}"),
    )
    letterhead(
        flow,
        rng,
        st,
        "Everyday Checking",
        [
            ("Statement period", f"{_long(st.start)} - {_long(st.end)}"),
            ("Account number", acc.masked),
        ],
    )
    summary_box(
        flow,
        "Activity summary",
        [
            (f"Beginning balance on {_long(st.start)}", f"${EN.magnitude(acc.opening)}"),
            ("Deposits/Additions", EN.magnitude(acc.total_credits)),
            ("Withdrawals/Subtractions", f"- {EN.magnitude(acc.total_debits)}"),
            (f"Ending balance on {_long(st.end)}", f"${EN.magnitude(acc.closing)}"),
        ],
        0.6,
    )
    log = TruthLog()
    style = Style.vary(rng, rng.choice(("header", "none")), desc=(200, 280))
    checks = sorted((t for t in acc.txns if t.kind == "check"), key=_check_number)
    view = "checks" if checks and rng.random() < 0.4 else rng.choice(("after", "before"))
    if view == "before":  # the activity by type first, as a summary, then the history
        _by_type(flow, style, acc)
    _history(flow, style, acc, log)
    if view == "checks":
        _checks_written(flow, rng, checks)
    elif view == "after":
        _by_type(flow, style, acc)
    return Built(flow, st, log, EN)


LAYOUTS = (
    Layout(
        "us_history",
        "Wells Fargo style transaction history (check number column, balance on a day's "
        "last row, Ending balance and Totals rows) followed by a second view of the same "
        "activity: the summary of checks written in three column groups, or the activity "
        "again by type with totals; only the history is counted",
        us_history,
    ),
)
