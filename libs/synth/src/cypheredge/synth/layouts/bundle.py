"""Several statements in one PDF: what customers upload when they merge downloads, or what a bank
sends as a statement pack.

Two kinds, drawn from the seed:
- a run of 2-4 consecutive monthly statements of ONE account (calendar months or a billing cycle
  such as the 15th to the 14th): each starts on a new page with its own letterhead, period,
  summary box and opening and closing rows, and the closing balance of month N is the opening
  balance of month N+1;
- the statements of several accounts of one customer for the same period (current, savings,
  a second current account), each on its own pages.
Page numbers restart with each statement ("Page 1 of 2"), as they do when statements are merged;
later pages of a statement repeat its account and period; some packs open with a cover page that
lists every statement with its closing balance (figures that are no transaction).
The house style (UK, US or Australian columns and words) is drawn per pack.
Truth: one account entry per statement in document order, each with its own period, opening and
closing balance and `statement` index; every transaction points at its statement's entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import EN, fmt_date, marked, signed
from cypheredge.synth.layouts.common import STREETS, Built, Layout, framed, rows
from cypheredge.synth.ledger import Plan, make_account
from cypheredge.synth.model import Account, Party, Statement, TruthLog, Txn
from cypheredge.synth.regions import Region
from cypheredge.synth.regions_english import AUSTRALIA, UK, US
from cypheredge.synth.render.blocks import letterhead, summary_box
from cypheredge.synth.render.flow import Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Row, Style, Table

Money = Callable[[Decimal], str]


@dataclass(frozen=True)
class House:
    key: str
    region: Region
    banks: tuple[str, ...]
    towns: tuple[str, ...]
    day: str
    columns: tuple[Column, ...]
    ends: tuple[str, str]
    labels: tuple[str, str, str, str]


HOUSES = (
    House(
        "uk",
        UK,
        ("Thames & Severn Bank", "Northgate Bank"),
        ("London EC2V 7HN", "Leeds LS1 5AB"),
        "DD MON YYYY",
        (
            Column("date", "Date"),
            Column("desc", "Description", wrap=True, truth="description"),
            Column("out", "Paid out", "r"),
            Column("in", "Paid in", "r"),
            Column("bal", "Balance", "r"),
        ),
        ("Balance brought forward", "Balance carried forward"),
        ("Opening balance", "Money in", "Money out", "Closing balance"),
    ),
    House(
        "us",
        US,
        ("Prairie State Bank", "Harbor Point Bank"),
        ("Chicago, IL 60603", "Columbus, OH 43215"),
        "MM/DD/YYYY",
        (
            Column("date", "Date"),
            Column("desc", "Description", wrap=True, truth="description"),
            Column("amount", "Amount", "r"),
            Column("bal", "Balance", "r"),
        ),
        ("Beginning Balance", "Ending Balance"),
        ("Beginning Balance", "Deposits and Credits", "Withdrawals and Debits", "Ending Balance"),
    ),
    House(
        "au",
        AUSTRALIA,
        ("Wattle Savings Bank", "Bluegum Mutual Bank"),
        ("SYDNEY NSW 2000", "FITZROY VIC 3065"),
        "DD MON",
        (
            Column("date", "Date"),
            Column("desc", "Transaction", wrap=True, truth="description"),
            Column("out", "Debit", "r"),
            Column("in", "Credit", "r"),
            Column("bal", "Balance", "r"),
        ),
        ("OPENING BALANCE", "CLOSING BALANCE"),
        ("Opening balance", "Total credits", "Total debits", "Closing balance"),
    ),
)


@dataclass
class Pages:
    """Which page each statement starts on, filled while laying out and read when the footers
    are drawn, so page numbers restart with each statement; and the running header in force."""

    starts: list[int] = field(default_factory=list)
    running: str = ""
    fresh: bool = False  # a statement's first page: its letterhead, not the running header
    number: int = 1  # the first statement's number; consecutive statements count on

    def footer(self, n: int, total: int) -> str:
        k = max(i for i, first in enumerate(self.starts) if first <= n)
        end = self.starts[k + 1] if k + 1 < len(self.starts) else total + 1
        return f"Page {n - self.starts[k] + 1} of {end - self.starts[k]}"

    def header(self, flow: Flow) -> None:
        if self.fresh:
            return
        size = flow.spec.size
        flow.text(flow.left, flow.y - size * 1.2, self.running, bold=True)
        flow.y -= size * 1.8
        flow.line(flow.left, flow.y, flow.right, flow.y, 0.6)
        flow.y -= size


def _money(house: House) -> Money:
    if house.key == "au":
        return lambda v: marked(EN, v, credit="CR", debit="DR")
    return lambda v: signed(EN, v)


def _months(rng: Random, count: int) -> list[tuple[date, date]]:
    """`count` consecutive statement periods: calendar months or a cycle from day `d`."""
    year, month = rng.choice((2023, 2024)), rng.randint(1, 12)
    day = 1 if rng.random() < 0.5 else rng.randint(2, 28)
    bounds = []
    for i in range(count + 1):
        m = month - 1 + i
        bounds.append(date(year + m // 12, m % 12 + 1, day))
    return [(bounds[i], bounds[i + 1] - timedelta(days=1)) for i in range(count)]


def _monthly(rng: Random, house: House) -> tuple[list[Account], list[tuple[date, date]]]:
    """One account's history over several months, cut at the statement dates."""
    periods = _months(rng, rng.randint(2, 4))
    plan = Plan(
        "Current Account", rng.randint(18, 40) * len(periods), (400, 3000), mask="****{last4}"
    )
    whole = make_account(rng, house.region, periods[0][0], periods[-1][1], plan)
    out, opening = [], whole.opening
    for k, (first, last) in enumerate(periods):
        txns = tuple(t for t in whole.txns if first <= t.day <= last)
        out.append(replace(whole, opening=opening, txns=txns, start=first, end=last, statement=k))
        opening = txns[-1].balance if txns else opening
    return out, periods


def _several(rng: Random, house: House) -> tuple[list[Account], list[tuple[date, date]]]:
    """The same period's statements of two or three accounts of one customer."""
    ((first, last),) = _months(rng, 1)
    plans = [
        Plan("Current Account", rng.randint(18, 32), (300, 3000), mask="****{last4}"),
        Plan(
            "Savings Account",
            rng.randint(3, 7),
            (2000, 9000),
            mandatory=("interest",),
            optional=(),
            pool=("transfer_in", "transfer_out"),
            cheques=False,
            mask="****{last4}",
        ),
    ]
    if rng.random() < 0.4:
        plans.append(replace(plans[0], name="Joint Current Account", count=rng.randint(12, 24)))
    accounts = [
        replace(make_account(rng, house.region, first, last, plan), statement=k)
        for k, plan in enumerate(plans)
    ]
    return accounts, [(first, last)] * len(accounts)


def _begin(flow: Flow, pages: Pages) -> None:
    """Every statement (and the cover) starts on a page of its own, without a running header."""
    if pages.starts:
        pages.fresh = True
        flow.new_page()
        pages.fresh = False
    pages.starts.append(flow.page)


def _statement_pages(
    flow: Flow, rng: Random, pack: tuple[House, Pages], st: Statement, acc: Account, log: TruthLog
) -> None:
    """One statement of the pack: letterhead, summary, table; it starts on a fresh page."""
    house, pages = pack
    first, last = acc.start or st.start, acc.end or st.end
    long = "D MONTH YYYY"
    period = f"{fmt_date(first, long)} to {fmt_date(last, long)}"
    _begin(flow, pages)
    pages.running = f"{acc.name} {acc.masked}   {period}"
    details = [
        ("Account", f"{acc.name} {acc.masked}"),
        ("Statement period", period),
        ("Statement number", str(pages.number + acc.statement)),
    ]
    letterhead(flow, rng, st, "Statement", details)
    money = _money(house)
    values = (
        money(acc.opening),
        EN.magnitude(acc.total_credits),
        EN.magnitude(acc.total_debits),
        money(acc.closing),
    )
    summary_box(flow, "Summary", list(zip(house.labels, values, strict=True)), 0.5)
    index = next(i for i, a in enumerate(st.accounts) if a is acc)
    body = framed(
        {"date": fmt_date(first, house.day), "desc": house.ends[0], "bal": money(acc.opening)},
        rows(acc, index, log, _cells(house, money)),
        {"date": fmt_date(last, house.day), "desc": house.ends[1], "bal": money(acc.closing)},
        balance=acc.opening,
    )
    carry = Carry(
        carried=lambda b: {"desc": "Balance carried forward", "bal": money(b)},
        brought=lambda b: {"desc": "Balance brought forward", "bal": money(b)},
    )
    Table(flow, house.columns, Style.vary(rng, "header", (200, 300)), carry).draw(body)


def _cells(house: House, money: Money) -> Callable[[Txn], dict[str, str]]:
    def cells(t: Txn) -> dict[str, str]:
        out = {"date": fmt_date(t.day, house.day), "desc": t.description, "bal": money(t.balance)}
        if house.key == "us":
            return out | {"amount": signed(EN, t.amount)}
        return out | {"out" if t.amount < 0 else "in": EN.magnitude(t.amount)}

    return cells


def _cover(flow: Flow, rng: Random, st: Statement, house: House) -> None:
    """A cover page listing the pack: periods and closing balances that are no transactions."""
    money = _money(house)
    columns = (
        Column("acc", "Account"),
        Column("period", "Statement period"),
        Column("close", "Closing balance", "r"),
    )
    cells = [
        {
            "acc": f"{a.name} {a.masked}",
            "period": f"{fmt_date(a.start or st.start, 'DD/MM/YYYY')} - "
            f"{fmt_date(a.end or st.end, 'DD/MM/YYYY')}",
            "close": money(a.closing),
        }
        for a in st.accounts
    ]
    size = flow.spec.size
    flow.text(
        flow.left,
        flow.y - size * 1.6,
        f"{st.bank.name}: your statements",
        bold=True,
        size=size * 1.5,
    )
    flow.y -= size * 3.5
    flow.text(flow.left, flow.y - size, f"Prepared for {st.holder.name}")
    flow.y -= size * 2.5
    Table(flow, columns, Style.vary(rng, "rows")).draw([Row(c) for c in cells])


def bundle(rng: Random) -> Built:
    house = rng.choice(HOUSES)
    several = rng.random() < 0.4
    accounts, periods = (_several if several else _monthly)(rng, house)
    bank = Party(
        rng.choice(house.banks),
        (f"{rng.randint(1, 250)} {rng.choice(STREETS)}", rng.choice(house.towns)),
    )
    holder = Party(
        rng.choice(("MR JOHN CITIZEN", "MS EMILY CHEN", "MR S DLAMINI")),
        (f"{rng.randint(2, 180)} {rng.choice(STREETS)}", rng.choice(house.towns)),
    )
    st = Statement(bank, holder, periods[0][0], periods[-1][1], tuple(accounts))
    pages = Pages(number=rng.randint(11, 90))
    spec = PageSpec.vary(rng)
    flow = Flow(spec, pages.footer, "", pages.header)
    if rng.random() < 0.3:
        _begin(flow, pages)
        _cover(flow, rng, st, house)
    log = TruthLog()
    for acc in st.accounts:
        _statement_pages(flow, rng, (house, pages), st, acc, log)
    return Built(flow, st, log, EN)


LAYOUTS = (
    Layout(
        "bundle",
        "several statements in one PDF: 2-4 consecutive monthly statements of one account "
        "(closing of month N = opening of N+1) or one statement per account of one customer; "
        "each with its own letterhead, period, summary, opening/closing rows; page numbers "
        "restart per statement; optional cover page listing closing balances; UK/US/AU styles; "
        "truth: one account entry per statement with its own period and statement index",
        bundle,
    ),
)
