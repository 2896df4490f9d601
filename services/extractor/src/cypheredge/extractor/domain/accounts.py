"""Several accounts, or several statements, in one PDF.

Account numbers printed between tables split the rows by account; a statement period printed
after an account already has transactions starts the next statement (a bundle of monthly
statements, or one statement per account of a customer). Each run is one account of one
statement: its own rows, balance facts and period.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from cypheredge.extractor.domain.context import DocContext
from cypheredge.extractor.domain.metadata import BalanceFact, account_id, balance_fact, find_period
from cypheredge.extractor.domain.normalise import signed_balance
from cypheredge.extractor.domain.page import PageParse
from cypheredge.extractor.domain.rows import RawRow, RowKind
from cypheredge.extractor.domain.vocabulary import Role

Period = tuple[date, date]


@dataclass(slots=True)
class AccountRun:
    """One account of one statement as the document presents it."""

    hint: str | None = None
    strength: int = 0
    aliases: set[str] = field(default_factory=set)
    rows: list[RawRow] = field(default_factory=list)
    facts: list[BalanceFact] = field(default_factory=list)
    statement: int = 0
    period: Period | None = None

    @property
    def has_transactions(self) -> bool:
        return any(r.kind is RowKind.TXN for r in self.rows)


@dataclass(slots=True)
class _Walk:
    """The runs found so far and where the reading stands."""

    runs: list[AccountRun]
    current: int = 0
    statement: int = 0
    period: Period | None = None
    tentative: int | None = None  # the run a number began, until a header or fact confirms it

    @property
    def run(self) -> AccountRun:
        return self.runs[self.current]


def split_accounts(pages: Sequence[PageParse], ctx: DocContext) -> list[AccountRun]:
    """Walk rows, account numbers, periods and balance facts in reading order."""
    walk = _Walk([AccountRun(period=ctx.period)], period=ctx.period)
    for item in _events(pages, ctx):
        if isinstance(item, RawRow) and walk.tentative is not None:
            _withdraw(walk)
        if not isinstance(item, (RawRow, _Ident)):
            walk.tentative = None  # a header, a period or a balance: the account is real
        if isinstance(item, _Header):
            continue
        if isinstance(item, RawRow):
            if not walk.run.rows:
                _settle_candidates(walk)
            item.account = walk.current
            walk.run.rows.append(item)
            carry = _carry_fact(item, ctx.card)
            if carry is not None:
                walk.run.facts.append(carry)
        elif isinstance(item, BalanceFact):
            walk.run.facts.append(item)
        elif isinstance(item, _Ident):
            _switch(walk, item.text, item.strength)
        else:
            _period(walk, item.period)
    kept = [run for run in walk.runs if run.rows or run.facts]
    return kept or walk.runs[:1]


@dataclass(frozen=True, slots=True)
class _Ident:
    text: str
    strength: int


@dataclass(frozen=True, slots=True)
class _Printed:
    period: Period


@dataclass(frozen=True, slots=True)
class _Header:
    """A table header: an account named before it has its own table."""


Event = RawRow | BalanceFact | _Ident | _Printed | _Header


def _events(pages: Sequence[PageParse], ctx: DocContext) -> list[Event]:
    events: list[tuple[int, float, int, Event]] = []
    mark, order = ctx.reading.decimal_mark, ctx.reading.date_order
    for page in pages:
        for line in page.outside:
            period = find_period([line], order)
            if period is not None:
                events.append((page.number, line.y0, 0, _Printed(period)))
            ident = account_id(line)
            if ident is not None:
                events.append((page.number, line.y0, 1, _Ident(*ident)))
            fact = balance_fact(line, page.number, mark, order, period or ctx.period, ctx.card)
            if fact is not None:
                events.append((page.number, line.y0, 2, fact))
        for y in page.headers:
            events.append((page.number, y, 2, _Header()))
        for row in page.rows:
            events.append((page.number, row.y0, 3, row))
    events.sort(key=lambda e: (e[0], e[1], e[2]))
    return [item for _, _, _, item in events]


OTHER_CALENDAR = 5  # years: a period this far from the one before is in another calendar


def _period(walk: _Walk, period: Period) -> None:
    """A period printed once the current statement has rows begins the next statement."""
    if walk.period is not None and abs(period[0].year - walk.period[0].year) > OTHER_CALENDAR:
        return  # the same period in another calendar (Nepal's `Period (BS)` under `(AD)`)
    if walk.run.has_transactions and period != walk.period:
        walk.statement += 1
        previous = walk.run
        walk.runs.append(
            AccountRun(
                previous.hint,
                previous.strength,
                set(previous.aliases),
                statement=walk.statement,
                period=period,
            )
        )
        walk.current = len(walk.runs) - 1
    elif not walk.run.has_transactions:
        walk.run.period = period
    walk.period = period


def _keys(ident: str) -> set[str]:
    """An account is known by its full number and by its last four digits (masked copies)."""
    digits = "".join(c for c in ident if c.isdigit())
    keys = {ident.replace(" ", "")}
    if len(digits) >= 4:
        keys.add(f"*{digits[-4:]}")
    return keys


def _switch(walk: _Walk, ident: str, strength: int) -> None:
    keys = _keys(ident)
    for i, run in enumerate(walk.runs):
        if run.statement == walk.statement and _same_account(run, ident, keys):
            _name(run, ident, strength, keys)
            walk.current = i
            return
    run = walk.run
    if not run.aliases:
        # The first number names the account, even after its first rows (a number printed
        # only in the running header of later pages).
        _name(run, ident, strength, keys)
        return
    # A different number: another account (or a cover page's list, a payment box's payee);
    # before the first row it is only a candidate (`_settle_candidates`).
    previous = walk.current
    walk.runs.append(
        AccountRun(ident, strength, keys, statement=walk.statement, period=walk.period)
    )
    walk.current = len(walk.runs) - 1
    if run.has_transactions:
        walk.tentative = previous


def _withdraw(walk: _Walk) -> None:
    """A number printed among an account's rows (`** YOUR CARD ENDING 4821 EXPIRES **`) that
    no header or balance followed: a notice, not the next account."""
    assert walk.tentative is not None
    if walk.current == len(walk.runs) - 1 and not walk.run.rows:
        dropped = walk.runs.pop()
        walk.current = walk.tentative
        walk.runs[walk.current].facts += dropped.facts
    walk.tentative = None


def _same_account(run: AccountRun, ident: str, keys: set[str]) -> bool:
    """The same number, a masked copy (same last four digits), or one containing the other
    (an IBAN holds the account number)."""
    if keys & run.aliases:
        return True
    digits = "".join(c for c in ident if c.isdigit())
    if len(digits) < 6:
        return False
    for alias in run.aliases:
        known = "".join(c for c in alias if c.isdigit())
        if len(known) >= 6 and (known in digits or digits in known):
            return True
    return False


def _settle_candidates(walk: _Walk) -> None:
    """At a statement's first row: of the numbers printed before it, the strongest names the
    account the rows belong to (an account number over an IBAN; on a tie the first printed, the
    statement's own before a payment box's), and the
    balance facts printed with the others move to it."""
    pending = [
        i for i, run in enumerate(walk.runs) if run.statement == walk.statement and not run.rows
    ]
    if len(pending) < 2:
        return
    best = max(pending, key=lambda i: (walk.runs[i].strength, -i))
    for i in pending:
        if i != best:
            walk.runs[best].facts[:0] = walk.runs[i].facts
            walk.runs[i].facts = []
    walk.runs[best].facts.sort(key=lambda f: (f.page, f.y))
    walk.current = best


def _name(run: AccountRun, ident: str, strength: int, keys: set[str]) -> None:
    run.aliases |= keys
    if strength > run.strength:
        run.hint, run.strength = ident, strength


def _carry_fact(row: RawRow, owed: bool) -> BalanceFact | None:
    if row.kind not in (RowKind.OPENING, RowKind.CLOSING):
        return None
    money = row.money
    value = signed_balance(
        money.get(Role.BALANCE) or money.get(Role.AMOUNT) or money.get(Role.CREDIT), owed
    )
    if value is None:
        return None
    side = 1 if row.kind is RowKind.OPENING else -1
    return BalanceFact(row.page, row.y0, side, value)
