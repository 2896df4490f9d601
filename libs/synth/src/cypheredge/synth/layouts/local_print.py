"""Whole-unit currencies, dated narrations, page-end notes: shared by the families of the
second held-out split (Indonesia, Turkey, the Nordics, Japan, Chile, Vietnam, Korea; tuned on
since) and available to later splits. Changing it moves those families' output.

Yen, pesos chilenos and dong have no minor unit, and rupiah and dong amounts are round
hundreds or thousands: `coarsen` rounds a generated ledger so that the balance chain still holds,
and `Whole` prints amounts without decimals. Banks also print the posting date and the amount
inside a narration (BCA's `TGL: 10/10`, DNB's `NOK 89,00`): templates carry @-markers that
`narrate` fills in per transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from cypheredge.synth.formats import NumberStyle, fmt_date
from cypheredge.synth.layouts.local_kit import LinedTable
from cypheredge.synth.model import Account, Statement, Txn
from cypheredge.synth.render.flow import Flow
from cypheredge.synth.render.table import Carry, Row

CENT = Decimal("0.01")
# Longest first, so that @DD.MM.YY is not read as @DD.MM followed by ".YY".
MARKERS = (
    ("@YYYYMMDD", "YYYYMMDD"),
    ("@DD.MM.YY", "DD.MM.YY"),
    ("@YY-MM-DD", "YY-MM-DD"),
    ("@MM.YYYY", "MM.YYYY"),
    ("@YYMMDD", "YYMMDD"),
    ("@DD/MM", "DD/MM"),
    ("@DD.MM", "DD.MM"),
    ("@DDMM", "DDMM"),
)


@dataclass(frozen=True)
class Whole(NumberStyle):
    """A currency printed without decimals: `12,345` yen, `1.234.567` pesos or dong."""

    def magnitude(self, value: Decimal) -> str:
        units = f"{abs(value).quantize(Decimal(1), ROUND_HALF_UP):f}"
        return self._group(units)


def narrate(text: str, day: date, amount: str = "") -> str:
    """Fill a template's @-markers with the transaction's own date and printed amount."""
    for marker, pattern in MARKERS:
        text = text.replace(marker, fmt_date(day, pattern))
    return text.replace("@AMT", amount)


def coarsen(st: Statement, step: Callable[[str], Decimal]) -> Statement:
    """Round every amount to its kind's step (1 yen, 1 000 dong for a transfer) and chain the
    balances again. The opening is raised by the most the rounding can take away, so an account
    that never went below zero still does not."""
    return replace(st, accounts=tuple(_coarse(acc, step) for acc in st.accounts))


def _coarse(acc: Account, step: Callable[[str], Decimal]) -> Account:
    unit = min((step(t.kind) for t in acc.txns), default=CENT)
    slack = sum((step(t.kind) for t in acc.txns), Decimal(0))
    opening = ((acc.opening + slack) / unit).to_integral_value(ROUND_CEILING) * unit
    balance, txns = opening, []
    for t in acc.txns:
        quantum = step(t.kind)
        size = max((abs(t.amount) / quantum).to_integral_value(ROUND_HALF_UP) * quantum, quantum)
        amount = (size if t.amount >= 0 else -size).quantize(CENT)
        balance += amount
        txns.append(replace(t, amount=amount, balance=balance))
    return replace(acc, opening=opening.quantize(CENT), txns=tuple(txns))


def steps(unit: str, coarse: str = "", kinds: Sequence[str] = ()) -> Callable[[str], Decimal]:
    """A rounding step per kind: `unit` for all, `coarse` for the listed kinds (transfers,
    salaries and cash are round sums where card payments are not)."""
    fine, big = Decimal(unit), Decimal(coarse or unit)
    return lambda kind: big if kind in kinds else fine


ROUND_KINDS = ("salary", "rent", "transfer_out", "transfer_in", "atm", "loan")


@dataclass
class NotedTable(LinedTable):
    """A table that ends every page but the last with a note instead of a carried balance
    (BCA's "Bersambung ke halaman berikut"): `note` is (column key, text)."""

    note: tuple[str, str] = ("desc", "")

    def __post_init__(self) -> None:
        key, text = self.note
        self.carry = Carry(carried=lambda b: {key: text}, brought=lambda b: {})

    def _page_break(self, balance: Decimal | None) -> None:
        if self.carry is not None:
            self._row(Row(self.carry.carried(balance or Decimal(0))))
        self.flow.new_page()
        self._header()


def figures(flow: Flow, lines: Sequence[Sequence[str]], width: float = 0.5) -> None:
    """Label, figure and an optional count in columns at the cursor: totals that are not rows
    (BCA's `MUTASI DB : 1,474,309.00 18`)."""
    size = flow.spec.size
    flow.y -= size * 0.8
    for cells in lines:
        flow.ensure(size * 1.5)
        y = flow.y - size * 1.1
        flow.text(flow.left, y, cells[0])
        flow.text(flow.left + flow.width * width, y, cells[1], align="r")
        if len(cells) > 2:
            flow.text(flow.left + flow.width * (width + 0.08), y, cells[2], align="r")
        flow.y -= size * 1.45
    flow.y -= size * 0.6


def serial(txn: Txn, count: int) -> str:
    """A long document or trace number derived from the transaction's reference: stable per
    seed and spread over all digits (local_kit.digits stays small for short references)."""
    return "".join(str(ord(c) * 7 % 10) for c in txn.reference * 4)[:count]


def side(numbers: NumberStyle, txn: Txn, out: str = "out", inn: str = "in") -> dict[str, str]:
    """The amount in its debit or credit column."""
    return {out if txn.amount < 0 else inn: numbers.magnitude(txn.amount)}
