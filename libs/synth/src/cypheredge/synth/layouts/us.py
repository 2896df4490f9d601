"""United States checking accounts: section tables without balances, and a signed-amount ledger."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from random import Random

from reportlab.lib.pagesizes import LETTER

from cypheredge.synth.formats import EN, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, rows, statement
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Account, Statement, TruthLog, Txn
from cypheredge.synth.regions_english import US
from cypheredge.synth.render.blocks import (
    continuation,
    footer,
    heading,
    letterhead,
    notices_page,
    summary_box,
)
from cypheredge.synth.render.flow import Flow, PageSpec
from cypheredge.synth.render.table import Column, Row, Style, Table

TOWNS = ("Chicago, IL 60603", "Austin, TX 78701", "Portland, OR 97204", "Columbus, OH 43215")
HOLDERS = ("JANE Q PUBLIC", "ROBERT L MARTINEZ", "EMILY CHEN", "MARCUS JOHNSON")
DISCLOSURES = (
    "IN CASE OF ERRORS OR QUESTIONS ABOUT YOUR ELECTRONIC FUNDS TRANSFERS: call us at "
    "1-800-555-0199 or write to us no later than 60 days after we sent you the FIRST statement on "
    "which the problem or error appeared.",
    "Overdraft fee: $34.00 per item, maximum 3 per day. Monthly service fee: $12.00, waived with "
    "a minimum daily balance of $1,500.00 or $500.00 in qualifying direct deposits.",
    "Member FDIC. Deposits are insured up to $250,000.00 per depositor, for each account "
    "ownership category. Equal Housing Lender.",
)
SECTIONS: tuple[tuple[str, str, Callable[[Txn], bool]], ...] = (
    ("DEPOSITS AND ADDITIONS", "Total Deposits and Additions", lambda t: t.amount >= 0),
    ("CHECKS PAID", "Total Checks Paid", lambda t: t.kind == "check"),
    (
        "ELECTRONIC WITHDRAWALS",
        "Total Electronic Withdrawals",
        lambda t: t.amount < 0 and t.kind != "check",
    ),
)


def _section_table(
    flow: Flow,
    style: Style,
    account: Account,
    picked: Sequence[Txn],
    log: TruthLog,
    total_label: str,
) -> None:
    subset = Account(account.name, account.masked, account.currency, account.opening, tuple(picked))

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "MM/DD"),
            "desc": t.description,
            "amount": EN.magnitude(t.amount),
        }

    body = rows(subset, 0, log, cells, balance=lambda t: False)
    total = sum((abs(t.amount) for t in picked), Decimal(0))
    body.append(Row({"desc": total_label, "amount": f"${EN.magnitude(total)}"}, bold=True))
    columns = [
        Column("date", "DATE"),
        Column("desc", "DESCRIPTION", wrap=True, truth="description"),
        Column("amount", "AMOUNT", "r"),
    ]
    Table(flow, columns, style).draw(body)


def _daily_balances(flow: Flow, rng: Random, account: Account) -> None:
    """Day-end balances in three column pairs: dates and amounts that are not transactions."""
    ends = {t.day: t.balance for t in account.txns}
    pairs = [(fmt_date(d, "MM/DD"), f"${signed(EN, b)}") for d, b in sorted(ends.items())]
    per = -(-len(pairs) // 3)
    body = []
    for i in range(per):
        cells = {}
        for group in range(3):
            if group * per + i < len(pairs):
                day, amount = pairs[group * per + i]
                cells[f"d{group}"], cells[f"a{group}"] = day, amount
        body.append(Row(cells))
    columns = [
        col for g in range(3) for col in (Column(f"d{g}", "DATE"), Column(f"a{g}", "AMOUNT", "r"))
    ]
    heading(flow, "DAILY ENDING BALANCE")
    Table(flow, columns, Style.vary(rng, "none")).draw(body)


def _summary(flow: Flow, st: Statement, account: Account) -> None:
    day = "MONTH D, YYYY"
    checks = sum((-t.amount for t in account.txns if t.kind == "check"), Decimal(0))
    summary_box(
        flow,
        "CHECKING SUMMARY",
        [
            (f"Beginning Balance {fmt_date(st.start, day)}", f"${signed(EN, account.opening)}"),
            ("Deposits and Additions", f"${EN.magnitude(account.total_credits)}"),
            ("Checks Paid", f"-${EN.magnitude(checks)}"),
            ("Electronic Withdrawals", f"-${EN.magnitude(account.total_debits - checks)}"),
            (f"Ending Balance {fmt_date(st.end, day)}", f"${signed(EN, account.closing)}"),
        ],
        0.62,
    )


def us_sections(rng: Random) -> Built:
    bank = rng.choice(("Lakeshore National Bank", "First Prairie Bank, N.A.", "Cascade Federal"))
    plan = Plan(
        "Total Checking",
        rng.randint(24, 42),
        (800, 5000),
        mask="000000{last4}",
        pool=(*EVERYDAY, "check", "check", "check"),
    )
    st = statement(rng, US, (bank, TOWNS, rng.choice(HOLDERS)), [plan], rollover=True)
    acc, day = st.accounts[0], "MONTH D, YYYY"
    flow = Flow(
        PageSpec.vary(rng, paper=(LETTER,)),
        footer("Page {n} of {total}"),
        "Member FDIC",
        continuation(bank, f"Account Number: {acc.masked}"),
    )
    letterhead(
        flow,
        rng,
        st,
        "CHECKING STATEMENT",
        [
            ("Statement period", f"{fmt_date(st.start, day)} through {fmt_date(st.end, day)}"),
            ("Account Number", acc.masked),
            ("Customer Service", "1-800-555-0199"),
        ],
    )
    _summary(flow, st, acc)
    log = TruthLog()
    style = Style.vary(rng, rng.choice(("header", "none")), desc=(240, 360))
    for title, total, keep in SECTIONS:
        picked = [t for t in acc.txns if keep(t)]
        if picked:
            heading(flow, title)
            _section_table(flow, style, acc, picked, log, total)
    _daily_balances(flow, rng, acc)
    notices_page(flow, "IMPORTANT DISCLOSURES", DISCLOSURES)
    return Built(flow, st, log, EN)


def us_signed(rng: Random) -> Built:
    """One signed amount column: debits in parentheses, optionally with the dollar sign."""
    bank = rng.choice(("Golden Gate Credit Union", "Harbor Point Bank", "Mesa Verde Savings"))
    plan = Plan("Everyday Checking", rng.randint(35, 70), (500, 4000), mask="****{last4}")
    st = statement(rng, US, (bank, TOWNS, rng.choice(HOLDERS)), [plan])
    acc, day = st.accounts[0], "MM/DD/YYYY"
    symbol = rng.choice(("$", ""))
    flow = Flow(
        PageSpec.vary(rng),
        footer("{n} of {total}"),
        "",
        continuation(bank, f"Everyday Checking {acc.masked}"),
    )
    letterhead(
        flow,
        rng,
        st,
        "Account Statement",
        [
            ("Account", acc.masked),
            ("Statement Period", f"{fmt_date(st.start, day)} - {fmt_date(st.end, day)}"),
            ("Beginning Balance", f"${signed(EN, acc.opening, negative='parens')}"),
            ("Ending Balance", f"${signed(EN, acc.closing, negative='parens')}"),
        ],
    )

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, day),
            "desc": t.description,
            "amount": signed(EN, t.amount, negative="parens", symbol=symbol),
            "bal": signed(EN, t.balance, negative="parens", symbol=symbol),
        }

    log = TruthLog()
    columns = [
        Column("date", "Posting Date"),
        Column("desc", "Description", wrap=True, truth="description"),
        Column("amount", "Amount", "r"),
        Column("bal", "Balance", "r"),
    ]
    Table(flow, columns, Style.vary(rng, "none", desc=(220, 330))).draw(rows(acc, 0, log, cells))
    return Built(flow, st, log, EN)


LAYOUTS = (
    Layout(
        "us_sections",
        "US sections (Deposits / Checks Paid / Electronic Withdrawals) each with "
        "its own table and total row, no running balance; MM/DD dates without a year in a "
        "December->January period; checking summary box; daily ending balance table; "
        "disclosures page",
        us_sections,
    ),
    Layout(
        "us_signed",
        "one signed amount column with negatives in parentheses, optional $ on "
        "every amount; MM/DD/YYYY; borderless, sometimes zebra-striped; long multi-page table "
        "with repeated headers",
        us_signed,
    ),
)
