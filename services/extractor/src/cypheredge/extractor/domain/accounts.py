"""Several accounts in one PDF: account numbers printed between tables split the rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from cypheredge.extractor.domain.context import DocContext
from cypheredge.extractor.domain.metadata import BalanceFact, account_id, balance_fact
from cypheredge.extractor.domain.normalise import signed_balance
from cypheredge.extractor.domain.page import PageParse
from cypheredge.extractor.domain.rows import RawRow, RowKind
from cypheredge.extractor.domain.vocabulary import Role


@dataclass(slots=True)
class AccountRun:
    """One account as the document presents it: its names, rows and balance facts."""

    hint: str | None = None
    strength: int = 0
    aliases: set[str] = field(default_factory=set)
    rows: list[RawRow] = field(default_factory=list)
    facts: list[BalanceFact] = field(default_factory=list)

    @property
    def has_transactions(self) -> bool:
        return any(r.kind is RowKind.TXN for r in self.rows)


def split_accounts(pages: Sequence[PageParse], ctx: DocContext) -> list[AccountRun]:
    """Walk rows, account numbers and balance facts in reading order; a new number printed
    after an account already has transactions starts the next account."""
    events: list[tuple[int, float, int, object]] = []
    mark, order = ctx.reading.decimal_mark, ctx.reading.date_order
    period = ctx.period
    for page in pages:
        for line in page.outside:
            ident = account_id(line)
            if ident is not None:
                events.append((page.number, line.y0, 0, ident))
            fact = balance_fact(line, page.number, mark, order, period)
            if fact is not None:
                events.append((page.number, line.y0, 1, fact))
        for row in page.rows:
            events.append((page.number, row.y0, 2, row))
    events.sort(key=lambda e: (e[0], e[1], e[2]))
    runs = [AccountRun()]
    current = 0
    for _, _, _, item in events:
        if isinstance(item, tuple):
            current = _switch(runs, current, item[0], item[1])
        elif isinstance(item, BalanceFact):
            runs[current].facts.append(item)
        elif isinstance(item, RawRow):
            item.account = current
            runs[current].rows.append(item)
            carry = _carry_fact(item)
            if carry is not None:
                runs[current].facts.append(carry)
    return [run for i, run in enumerate(runs) if i == 0 or run.rows]


def _keys(ident: str) -> set[str]:
    """An account is known by its full number and by its last four digits (masked copies)."""
    digits = "".join(c for c in ident if c.isdigit())
    keys = {ident.replace(" ", "")}
    if len(digits) >= 4:
        keys.add(f"*{digits[-4:]}")
    return keys


def _switch(runs: list[AccountRun], current: int, ident: str, strength: int) -> int:
    keys = _keys(ident)
    for i, run in enumerate(runs):
        if keys & run.aliases:
            _name(run, ident, strength, keys)
            return i
    run = runs[current]
    if not run.has_transactions or not run.aliases:
        # Before its first row, or while it has no number yet, a number names this account.
        _name(run, ident, strength, keys)
        return current
    runs.append(AccountRun(ident, strength, keys))
    return len(runs) - 1


def _name(run: AccountRun, ident: str, strength: int, keys: set[str]) -> None:
    run.aliases |= keys
    if strength > run.strength:
        run.hint, run.strength = ident, strength


def _carry_fact(row: RawRow) -> BalanceFact | None:
    if row.kind not in (RowKind.OPENING, RowKind.CLOSING):
        return None
    money = row.money
    value = signed_balance(
        money.get(Role.BALANCE) or money.get(Role.AMOUNT) or money.get(Role.CREDIT)
    )
    if value is None:
        return None
    side = 1 if row.kind is RowKind.OPENING else -1
    return BalanceFact(row.page, row.y0, side, value)
