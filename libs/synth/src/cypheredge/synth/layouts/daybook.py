"""Helpers for the statement families that print a day's date once and its balance once.

High-street banks in the UK (HSBC, Barclays), Australia (NAB, CommBank) and elsewhere print the
date only on the first row of a posting day and, in some, the balance only on its last row. The
truth still gives every row its date and leaves the balance None where none is printed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from cypheredge.synth.formats import MONTHS
from cypheredge.synth.model import Account, TruthLog, Txn
from cypheredge.synth.render.flow import Flow
from cypheredge.synth.render.table import Row, wrap

# (txn, first row of its day, balance printed on this row) -> cells
DayCells = Callable[[Txn, bool, bool], dict[str, str]]


def day_marks(txns: Sequence[Txn]) -> tuple[set[int], set[int]]:
    """Indices of the first and of the last row of each posting day."""
    firsts, lasts = set(), set()
    for i, txn in enumerate(txns):
        if i == 0 or txns[i - 1].day != txn.day:
            firsts.add(i)
        if i == len(txns) - 1 or txns[i + 1].day != txn.day:
            lasts.add(i)
    return firsts, lasts


def day_rows(
    account: Account, index: int, log: TruthLog, cells: DayCells, *, sparse: bool
) -> list[Row]:
    """Rows registered in the truth; `sparse` prints the balance on each day's last row only."""
    firsts, lasts = day_marks(account.txns)
    out = []
    for i, txn in enumerate(account.txns):
        shown = i in lasts or not sparse
        truth = log.row(txn, index, account.currency, balance=shown)
        out.append(Row(cells(txn, i in firsts, shown), truth=truth, balance=txn.balance))
    return out


def ordinal(day: date) -> str:
    """`12th Feb`, `1st Mar`, `22nd Nov`: the ordinal dates some UK banks print."""
    n = day.day
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix} {MONTHS[day.month - 1]}"


def join_parts(rows: Sequence[Row], parts: Sequence[tuple[str, str]]) -> None:
    """Add the texts of narrow sub-columns (a payment type before the details, particulars and
    references after them) to each drawn row's truth description, in print order."""
    for row, (before, after) in zip(rows, parts, strict=True):
        if row.truth is not None:
            words = (before, str(row.truth["description"]), after)
            row.truth["description"] = " ".join(w for w in words if w)


def side_text(
    flow: Flow, x: float, top: float, width: float, title: str, paragraphs: Sequence[str]
) -> float:
    """A column of news or marketing text beside the statement body; returns its bottom."""
    size = flow.spec.size * 0.9
    flow.text(x, top - size * 1.3, title, bold=True, size=size * 1.5)
    y = top - size * 2.6
    flow.line(x, y, x + width, y, 0.8)
    y -= size * 0.6
    for text in paragraphs:
        for line in wrap(text, flow.font(), size, width - size):
            y -= size * 1.25
            flow.text(x + size * 0.6, y, line, size=size)
        y -= size * 0.8
    flow.line(x, y, x, top - size * 2.6, 0.8)
    return y


def info_box(flow: Flow, title: str, lines: Sequence[tuple[str, str]], width: float) -> None:
    """A boxed block of labelled lines at the cursor (payment instructions, rates)."""
    size = flow.spec.size
    height = size * (1.35 * (len(lines) + 1) + 0.8)
    flow.ensure(height + size)
    top, box_width = flow.y, flow.width * width
    flow.box(flow.left, top - height, box_width, height, fill=0.94)
    flow.text(flow.left + size * 0.6, top - size * 1.4, title, bold=True)
    for i, (label, value) in enumerate(lines):
        y = top - size * (1.35 * (i + 2) + 0.1)
        flow.text(flow.left + size * 0.6, y, label)
        flow.text(flow.left + box_width - size * 0.6, y, value, align="r")
    flow.y = top - height - size * 1.4
