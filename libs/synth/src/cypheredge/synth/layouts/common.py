"""What every layout shares: its registry entry, the statement period, parties and row building."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import NumberStyle
from cypheredge.synth.ledger import Plan, make_account
from cypheredge.synth.model import Account, Party, Statement, Truth, TruthLog, Txn, build_truth
from cypheredge.synth.regions import Region
from cypheredge.synth.render.blocks import Pairs, continuation, footer, letterhead, summary_box
from cypheredge.synth.render.flow import Flow, PageSpec
from cypheredge.synth.render.table import Row

Cells = Callable[[Txn], dict[str, str]]


@dataclass
class Built:
    """A laid-out statement: the flow to render and the truth the flow filled in."""

    flow: Flow
    statement: Statement
    log: TruthLog
    numbers: NumberStyle

    def truth(self) -> Truth:
        return build_truth(self.statement, self.log)


@dataclass(frozen=True)
class Layout:
    """A registry entry: one family of real-world statements, its variants drawn from the seed.

    `covers` says which real-world conventions it exercises. A `held_out` family is never
    looked at while the extractor is tuned: the benchmark scores it on its own line."""

    name: str
    covers: str
    build: Callable[[Random], Built] = field(repr=False)
    held_out: bool = False


def period(rng: Random, rollover: bool = False) -> tuple[date, date]:
    """A statement period of about a month; `rollover` makes it run from December into January."""
    year = rng.choice((2023, 2024, 2025))
    if rollover:
        start = date(year, 12, rng.randint(8, 22))  # January gets 4+ days
        return start, start + timedelta(days=rng.randint(28, 31) - 1)
    month = rng.randint(1, 11)
    if rng.random() < 0.5:
        start = date(year, month, 1)
        return start, date(year, month + 1, 1) - timedelta(days=1)
    start = date(year, month, rng.randint(2, 20))
    return start, start + timedelta(days=rng.randint(28, 31) - 1)


STREETS = (
    "High Street",
    "Station Road",
    "Church Lane",
    "Park Avenue",
    "Mill Road",
    "Market Square",
)


def parties(rng: Random, bank: str, towns: Sequence[str], holder: str) -> tuple[Party, Party]:
    """The bank and the account holder, with plausible postal addresses."""
    bank_party = Party(bank, (f"{rng.randint(1, 250)} {rng.choice(STREETS)}", rng.choice(towns)))
    home = (f"{rng.randint(2, 180)} {rng.choice(STREETS)}", rng.choice(towns))
    return bank_party, Party(holder, home)


def statement(
    rng: Random,
    region: Region,
    names: tuple[str, Sequence[str], str],
    plans: Sequence[Plan],
    rollover: bool = False,
) -> Statement:
    """Period, parties and one account per plan; `names` is (bank, towns, holder)."""
    start, end = period(rng, rollover)
    bank, holder = parties(rng, *names)
    accounts = tuple(make_account(rng, region, start, end, plan) for plan in plans)
    return Statement(bank, holder, start, end, accounts)


def rows(
    account: Account,
    index: int,
    log: TruthLog,
    cells: Cells,
    balance: Callable[[Txn], bool] | None = None,
) -> list[Row]:
    """Table rows for an account's transactions, each registered in the truth log."""
    out = []
    for txn in account.txns:
        shown = True if balance is None else balance(txn)
        truth = log.row(txn, index, account.currency, balance=shown)
        out.append(Row(cells(txn), truth=truth, balance=txn.balance))
    return out


def start(
    rng: Random,
    st: Statement,
    spec: PageSpec,
    head: tuple[str, Pairs],
    page: str,
    legal: str = "",
    running: str | None = None,
) -> Flow:
    """A flow with the first page's letterhead; `head` is (title, account details) and
    `running` the header line repeated on later pages."""
    later = continuation(st.bank.name, running) if running else None
    flow = Flow(spec, footer(page), legal, later)
    letterhead(flow, rng, st, *head)
    return flow


def totals(
    flow: Flow,
    account: Account,
    title: str,
    labels: tuple[str, str, str, str],
    money: Callable[[Decimal], str],
    width: float = 0.55,
) -> None:
    """Opening, money in, money out and closing in a box: figures that are not rows."""
    values = (account.opening, account.total_credits, account.total_debits, account.closing)
    summary_box(flow, title, list(zip(labels, map(money, values), strict=True)), width)


def framed(
    opening: dict[str, str],
    body: list[Row],
    *closing: dict[str, str],
    balance: Decimal | None = None,
    bold: bool = True,
) -> list[Row]:
    """Transaction rows between non-transaction rows (balance forward, totals, new balance);
    `balance` lets a page break right after the opening row carry it forward."""
    return [Row(opening, balance=balance, bold=bold), *body, *(Row(c, bold=bold) for c in closing)]
