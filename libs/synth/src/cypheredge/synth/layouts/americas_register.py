"""us_checking_register: US checking without a running-balance column.

Modelled on Bank of America's consumer statement (Account summary with "Beginning balance on
January 1, 2025", sections "Deposits and other additions" / "Withdrawals and other
subtractions" / "Checks" / "Service fees", withdrawals and checks printed with a minus sign,
"Total withdrawals and other subtractions -$2,345.67", a Checks table two across
"Date  Check #  Amount" with "*" after a number that follows a gap, "Daily ledger balances"
three across); on community-bank and credit-union prints such as the Howard Bank statement in
the real corpus (30_howard_bank_checking_us) and Webster/Yampa Valley ("Account Summary" rows
"3 Credit(s) This Period" / "20 Debit(s) This Period", "Checks Cleared" three across with the
check number first and the date paid after it, "Daily Balances", MM/DD/YYYY, debits with a
trailing minus as Navy Federal prints "20.00 -"); and on older Wells Fargo prints ("Checks paid"
with "Number  Date  Amount" three across, unpadded "1/3" dates without a year, "Total checks
paid", "Daily ledger balance summary").

Truth: the deposits, then the withdrawals, then the checks in the grid's reading order (left to
right, then down: the grid is filled that way, by check number), then the service fees, as
printed; no balances (none is printed beside a row). A check printed with only its number is
described "Check 1234": the grid's own word for what the number is (the section is "Checks" and
the column "Check #"/"Number"), without the "*" gap marker, which is a footnote and not part of
the description. Summary lines, totals, counts and the daily balance table are not rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import EN, fmt_date
from cypheredge.synth.layouts.americas_table import ReadingTable, usd
from cypheredge.synth.layouts.common import Built, rows, start, statement
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Account, Statement, Truth, TruthLog, Txn
from cypheredge.synth.regions_english import US
from cypheredge.synth.render.blocks import heading, notices_page, summary_box
from cypheredge.synth.render.flow import Flow, PageSpec
from cypheredge.synth.render.table import Column, Row, Style

TOWNS = ("Charlotte, NC 28255", "Baltimore, MD 21224", "Denver, CO 80202", "Boise, ID 83702")
HOLDERS = ("JOHN DOE", "MARY K JOHNSON", "LUIS A HERNANDEZ", "SARAH E MILLER")
DISCLOSURES = (
    "IN CASE OF ERRORS OR QUESTIONS ABOUT YOUR ELECTRONIC TRANSFERS: call us at 1-877-527-2703 "
    "or write to 3301 Boston Street, Baltimore, MD 21224 no later than 60 days after we sent "
    "the FIRST statement on which the problem appeared.",
    "Overdraft and returned item fees: $35.00 per item, up to 4 per day. Monthly maintenance "
    "fee $12.00, waived with a minimum daily balance of $1,500.00.",
    "CHECKS OUTSTANDING: enter the final balance as per statement, add deposits not credited, "
    "subtract checks outstanding; the balance should agree with your checkbook.",
)


@dataclass(frozen=True)
class Bank:
    key: str
    names: tuple[str, ...]
    day: Callable[[date], str]
    sections: tuple[str, str, str]  # deposits, withdrawals, checks
    totals: tuple[str, str, str]
    grid: tuple[str, ...]  # the order of "number", "date" and "amount" in a check cell
    titles: dict[str, str]  # grid column titles
    across: tuple[int, ...]  # checks per grid line
    debit: Callable[[Decimal], str]  # a withdrawal or check amount as printed
    fees: bool  # service fees in a section of their own


def _wf_day(day: date) -> str:
    return f"{day.month}/{day.day}"


BANKS = (
    Bank(
        "boa",
        ("Bank of the Carolinas, N.A.", "Liberty National Bank"),
        lambda d: fmt_date(d, "MM/DD/YY"),
        ("Deposits and other additions", "Withdrawals and other subtractions", "Checks"),
        (
            "Total deposits and other additions",
            "Total withdrawals and other subtractions",
            "Total checks",
        ),
        ("date", "number", "amount"),
        {"date": "Date", "number": "Check #", "amount": "Amount"},
        (2,),
        lambda v: f"-{EN.magnitude(v)}",
        True,
    ),
    Bank(
        "cu",
        ("Chesapeake Community Bank", "Yampa Federal Credit Union"),
        lambda d: fmt_date(d, "MM/DD/YYYY"),
        ("Deposits", "Other Debits", "Checks Cleared"),
        ("Total Deposits", "Total Other Debits", "Total Checks Cleared"),
        ("number", "date", "amount"),
        {"number": "Check Nbr", "date": "Date", "amount": "Amount"},
        (3,),
        lambda v: f"${EN.magnitude(v)}",
        False,
    ),
    Bank(
        "nfcu",
        ("Patriot Federal Credit Union", "Harbor Navy Credit Union"),
        lambda d: fmt_date(d, "MM/DD"),
        ("Deposits/Credits", "Withdrawals/Debits", "Items Paid"),
        ("Total Deposits/Credits", "Total Withdrawals/Debits", "Total Items Paid"),
        ("number", "amount", "date"),
        {"number": "Check", "amount": "Amount", "date": "Date Paid"},
        (2, 3),
        lambda v: f"{EN.magnitude(v)} -",
        False,
    ),
    Bank(
        "wf",
        ("Western Pioneer Bank, N.A.", "Cascade Fargo Bank"),
        _wf_day,
        ("Deposits/Credits", "Withdrawals/Debits", "Checks paid"),
        ("Total deposits/credits", "Total withdrawals/debits", "Total checks paid"),
        ("number", "date", "amount"),
        {"number": "Number", "date": "Date", "amount": "Amount"},
        (3,),
        lambda v: EN.magnitude(v),
        False,
    ),
)


def us_checking_register(rng: Random) -> Built:
    bank = rng.choice(BANKS)
    plan = Plan(
        "Checking",
        rng.randint(26, 46),
        (900, 6000),
        mask="XXXXXXXX{last4}",
        pool=(*EVERYDAY, "check", "check", "check", "check"),
        cheques=True,
    )
    names = (rng.choice(bank.names), TOWNS, rng.choice(HOLDERS))
    st = statement(rng, US, names, [plan], rollover=bank.key == "wf" and rng.random() < 0.5)
    flow = _flow(rng, st)
    _summary(flow, bank, st)
    log = TruthLog()
    style = Style.vary(rng, rng.choice(("header", "none", "rows")), desc=(230, 340))
    acc = st.accounts[0]
    checks = [t for t in acc.txns if t.kind == "check"]
    fees = [t for t in acc.txns if t.kind == "fee" and bank.fees]
    credits = [t for t in acc.txns if t.amount >= 0]
    debits = [t for t in acc.txns if t.amount < 0 and t not in checks and t not in fees]
    _section(flow, bank, style, acc, credits, log, 0)
    _section(flow, bank, style, acc, debits, log, 1)
    if checks:
        _grid(flow, rng, bank, style, _numbered(rng, checks), log)
    if bank.fees:
        _section(flow, bank, style, acc, fees, log, -1)
    _daily(flow, rng, bank, acc)
    notices_page(flow, "IMPORTANT INFORMATION ABOUT YOUR ACCOUNT", DISCLOSURES)
    return Built(flow, st, log, EN)


def _flow(rng: Random, st: Statement) -> Flow:
    acc, long = st.accounts[0], "MONTH D, YYYY"
    period_text = f"{fmt_date(st.start, long)} to {fmt_date(st.end, long)}"
    details = [
        ("Account number", acc.masked),
        ("Statement period", period_text),
        ("Customer service", "1-800-432-1000"),
    ]
    head = ("Your checking account", details)
    running = f"{st.holder.name}  |  Account # {acc.masked}  |  {period_text}"
    legal = "Member FDIC  Equal Housing Lender"
    return start(rng, st, PageSpec.vary(rng), head, "Page {n} of {total}", legal, running)


def _summary(flow: Flow, bank: Bank, st: Statement) -> None:
    """Beginning/ending balance with the period's totals and counts: figures, not rows."""
    acc = st.accounts[0]
    checks = sum((-t.amount for t in acc.txns if t.kind == "check"), Decimal(0))
    fees = sum((-t.amount for t in acc.txns if t.kind == "fee"), Decimal(0)) if bank.fees else 0
    others = acc.total_debits - checks - fees
    ups = sum(1 for t in acc.txns if t.amount >= 0)
    downs = len(acc.txns) - ups
    first, last = fmt_date(st.start, "MONTH D, YYYY"), fmt_date(st.end, "MONTH D, YYYY")
    if bank.key == "cu":
        pairs = [
            (f"{bank.day(st.start)} Beginning Balance", usd(acc.opening)),
            (f"{ups} Credit(s) This Period", usd(acc.total_credits)),
            (f"{downs} Debit(s) This Period", usd(acc.total_debits)),
            (f"{bank.day(st.end)} Ending Balance", usd(acc.closing)),
        ]
    else:
        pairs = [
            (f"Beginning balance on {first}", usd(acc.opening)),
            (bank.sections[0], EN.magnitude(acc.total_credits)),
            (bank.sections[1], f"-{EN.magnitude(others)}"),
            (bank.sections[2], f"-{EN.magnitude(checks)}"),
        ]
        pairs += [("Service fees", f"-{EN.magnitude(Decimal(fees))}")] if bank.fees else []
        pairs += [
            (f"Ending balance on {last}", usd(acc.closing)),
            (f"# of deposits/credits: {ups}", ""),
            (f"# of withdrawals/debits: {downs}", ""),
        ]
    summary_box(flow, "Account Summary", pairs, 0.6)


def _section(
    flow: Flow,
    bank: Bank,
    style: Style,
    acc: Account,
    picked: Sequence[Txn],
    log: TruthLog,
    which: int,
) -> None:
    """One section: Date / Description / Amount rows and the section's total line."""
    if not picked:
        return
    title = bank.sections[which] if which >= 0 else "Service fees"
    heading(flow, title)
    subset = replace(acc, txns=tuple(picked))

    def cells(t: Txn) -> dict[str, str]:
        amount = EN.magnitude(t.amount) if t.amount >= 0 else bank.debit(-t.amount)
        return {"date": bank.day(t.day), "desc": t.description, "amount": amount}

    body = rows(subset, 0, log, cells, balance=lambda t: False)
    total = sum((abs(t.amount) for t in picked), Decimal(0))
    label = bank.totals[which] if which >= 0 else "Total service fees"
    shown = usd(total) if which == 0 else (f"-{usd(total)}" if bank.key == "boa" else usd(total))
    body.append(Row({"desc": label, "amount": shown}, bold=True))
    columns = [
        Column("date", "Date"),
        Column("desc", "Description", wrap=True, truth="description"),
        Column("amount", "Amount", "r"),
    ]
    ReadingTable(flow, columns, style).draw(body)


def _numbered(rng: Random, checks: Sequence[Txn]) -> list[tuple[str, Txn]]:
    """Check numbers in ascending order, with gaps marked "*"; checks clear out of sequence."""
    number = rng.randint(1001, 4800)
    order = list(checks)
    for i in range(len(order) - 1):
        if rng.random() < 0.3:
            order[i], order[i + 1] = order[i + 1], order[i]
    out = []
    for txn in order:
        gap = rng.random() < 0.2
        number += rng.randint(2, 4) if gap else 1
        out.append((f"{number}{'*' if gap else ''}", replace(txn, description=f"Check {number}")))
    return out


def _grid(
    flow: Flow,
    rng: Random,
    bank: Bank,
    style: Style,
    checks: Sequence[tuple[str, Txn]],
    log: TruthLog,
) -> None:
    """The checks grid, several checks per line; each check is its own truth row."""
    heading(flow, bank.sections[2])
    across = rng.choice(bank.across)
    columns = []
    for g in range(across):
        columns += [Column(f"gap{g}", "")] if g else []  # the white space between checks
        columns += [
            Column(f"{k}{g}", bank.titles[k], "r" if k == "amount" else "l") for k in bank.grid
        ]
    body, riders = [], {}
    for first in range(0, len(checks), across):
        row, truths = _grid_row(bank, checks[first : first + across], log)
        riders[id(row)] = truths
        body.append(row)
    total = sum((-t.amount for _, t in checks), Decimal(0))
    shown = f"-{usd(total)}" if bank.key == "boa" else usd(total)
    label = {f"{bank.grid[0]}0": bank.totals[2], f"amount{across - 1}": shown}
    body.append(Row(label, bold=True))
    # No bottom alignment or wrapping: every cell of the grid is one line.
    plain = Style(style.rules, header_fill=style.header_fill, pad=style.pad, row_pad=style.row_pad)
    ReadingTable(flow, columns, plain, riders=riders).draw(body)
    size = flow.spec.size
    legend = "* Indicates a break in check number sequence"
    flow.text(flow.left, flow.y - size * 1.2, legend, size=size * 0.9)
    flow.y -= size * 2


def _grid_row(
    bank: Bank, checks: Sequence[tuple[str, Txn]], log: TruthLog
) -> tuple[Row, list[Truth]]:
    cells: dict[str, str] = {}
    truths: list[Truth] = []
    for g, (printed, txn) in enumerate(checks):
        truths.append(log.row(txn, 0, "USD", balance=False))
        cells |= {
            f"number{g}": printed,
            f"date{g}": bank.day(txn.day),
            f"amount{g}": bank.debit(-txn.amount),
        }
    return Row(cells), truths


def _daily(flow: Flow, rng: Random, bank: Bank, acc: Account) -> None:
    """End-of-day balances three across: dates and amounts that are not transactions."""
    ends = {t.day: t.balance for t in acc.txns}
    pairs = [(bank.day(d), usd(b)) for d, b in sorted(ends.items())]
    across = rng.choice((2, 3))
    per = -(-len(pairs) // across)
    body = []
    for i in range(per):
        cells = {}
        for g in range(across):
            if g * per + i < len(pairs):
                cells[f"d{g}"], cells[f"b{g}"] = pairs[g * per + i]
        body.append(Row(cells))
    title = {"boa": "Daily ledger balances", "wf": "Daily ledger balance summary"}
    heading(flow, title.get(bank.key, "Daily Balances"))
    columns = []
    for g in range(across):
        columns += [Column(f"gap{g}", "")] if g else []
        columns += [Column(f"d{g}", "Date"), Column(f"b{g}", "Balance ($)", "r")]
    ReadingTable(flow, columns, Style.vary(rng, "none")).draw(body)
