"""What the local-print families share: forced line breaks, custom periods, day markers, dates.

Used by the Italian, Dutch, Polish, Mexican, Emirati and Philippine families (the first held-out
split, tuned on since) and by the later splits. Kept apart from layouts/common.py so that
changing it never moves the older tuned families' output.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

from cypheredge.synth.layouts.common import parties
from cypheredge.synth.ledger import Plan, make_account
from cypheredge.synth.model import Account, Party, Statement, Txn
from cypheredge.synth.regions import Region
from cypheredge.synth.render.flow import Flow, text_width
from cypheredge.synth.render.table import Row, Table, wrap

ES_MONTHS = ("ENE", "FEB", "MAR", "ABR", "MAY", "JUN", "JUL", "AGO", "SEP", "OCT", "NOV", "DIC")


@dataclass
class LinedTable(Table):
    """A table whose cells honour "\\n": banks print a payee, a reference and a location on
    lines of their own, and some stack two dates in one cell. Columns in `top` stay on a row's
    first line when the style pushes short cells to its last (Banamex: date first, amounts last)."""

    top: frozenset[str] = frozenset()

    def measure(self, rows: Sequence[Row]) -> None:
        font, size = self.flow.font(True), self.flow.spec.size

        def widest(text: str) -> str:
            return max(text.split("\n"), key=lambda line: text_width(line, font, size))

        flat = [Row({k: widest(v) for k, v in r.cells.items()}, balance=r.balance) for r in rows]
        super().measure(flat)

    def _lines(self, row: Row) -> list[list[str]]:
        out = []
        font, size = self.flow.font(row.bold), self.flow.spec.size
        for col, width in zip(self.columns, self.widths, strict=True):
            parts = row.cells.get(col.key, "").split("\n")
            if not col.wrap:
                out.append(parts)
                continue
            inner = width - 2 * self.style.pad
            out.append([line for part in parts for line in wrap(part, font, size, inner)])
        depth = max(len(lines) for lines in out)
        for index, col in enumerate(self.columns):
            if col.key in self.top:
                out[index] += [""] * (depth - len(out[index]))
        return out

    def _row(self, row: Row, shade: bool = False) -> None:
        """Several sub-columns can feed the description (type | details): the truth gets them
        all, left to right, joined by one space, as a reader of the page would."""
        super()._row(row, shade)
        if row.truth is None:
            return
        parts = [
            " ".join(lines)
            for col, lines in zip(self.columns, self._lines(row), strict=True)
            if col.truth == "description"
        ]
        row.truth["description"] = " ".join(part for part in parts if part)


def months_period(rng: Random, months: int, rollover: bool = False) -> tuple[date, date]:
    """A period of whole calendar months (Italian banks send quarterly statements);
    `rollover` starts it in December so yearless dates cross into January."""
    year = rng.choice((2023, 2024, 2025))
    month = 12 if rollover else rng.randint(1, 13 - months)
    after = year * 12 + month - 1 + months  # the first month after the period, counted from 0
    return date(year, month, 1), date(after // 12, after % 12 + 1, 1) - timedelta(days=1)


def local_statement(
    rng: Random,
    region: Region,
    names: tuple[str, Sequence[str], str],
    plans: Sequence[Plan],
    span: tuple[date, date],
    streets: Sequence[str] = (),
) -> Statement:
    """Like common.statement, over a period the layout chose; `streets` ("Via Roma {n}") gives
    local postal addresses instead of English ones."""
    bank, holder = parties(rng, *names)
    if streets:
        towns = names[1]
        bank = Party(
            bank.name, (rng.choice(streets).format(n=rng.randint(1, 120)), rng.choice(towns))
        )
        home = (rng.choice(streets).format(n=rng.randint(1, 200)), rng.choice(towns))
        holder = Party(holder.name, home)
    accounts = tuple(make_account(rng, region, *span, plan) for plan in plans)
    return Statement(bank, holder, span[0], span[1], accounts)


@dataclass(frozen=True)
class Days:
    """Which transactions open and close their posting day (by identity: two txns can be equal)."""

    first: frozenset[int]
    last: frozenset[int]

    @staticmethod
    def of(account: Account) -> Days:
        first: set[int] = set()
        seen: dict[date, int] = {}
        for txn in account.txns:
            if txn.day not in seen:
                first.add(id(txn))
            seen[txn.day] = id(txn)
        return Days(frozenset(first), frozenset(seen.values()))

    def opens(self, txn: Txn) -> bool:
        return id(txn) in self.first

    def closes(self, txn: Txn) -> bool:
        return id(txn) in self.last


def es_date(day: date, pattern: str) -> str:
    """Spanish abbreviations: `02/ENE`, `02 ENE`, `02-ENE-2024` (MON is the Spanish month)."""
    month = ES_MONTHS[day.month - 1]
    return (
        pattern.replace("YYYY", f"{day.year:04d}")
        .replace("MON", month)
        .replace("DD", f"{day.day:02d}")
    )


def shift(day: date, days: int) -> date:
    return day - timedelta(days=days)


def page_note(flow: Flow, text: str, size: float | None = None, gray: float = 0.3) -> None:
    """One small line of furniture at the cursor (bank identifiers, legal lines)."""
    pt = size or flow.spec.size * 0.85
    flow.ensure(pt * 1.6)
    flow.text(flow.left, flow.y - pt, text, size=pt, gray=gray)
    flow.y -= pt * 1.6


def balance_rule(days: Days, mode: str) -> Callable[[Txn], bool]:
    """Where a layout prints the running balance: every row, or only on a day's last row."""
    if mode == "day":
        return days.closes
    return lambda t: True


def segments(txn: Txn) -> list[str]:
    """The description's printed lines, as the region's template split them with `|`."""
    return [part.strip() for part in txn.description.split("|") if part.strip()]


def clock(txn: Txn) -> str:
    """A time of day derived from the transaction itself, so it is stable per seed."""
    seed = sum(ord(c) for c in txn.reference)
    return f"{7 + seed % 15:02d}:{seed * 7 % 60:02d}"


def digits(txn: Txn, count: int) -> str:
    """A number derived from the transaction's reference (card sequence, terminal): stable."""
    seed = sum(ord(c) * (i + 1) for i, c in enumerate(txn.reference))
    return f"{seed % 10**count:0{count}d}"
