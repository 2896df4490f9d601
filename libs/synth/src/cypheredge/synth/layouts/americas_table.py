"""What the Americas families share: a table that reads like the printed page, and page furniture.

`ReadingTable` differs from render.table.Table in two ways that real prints need:
- a "\\n" in a cell is a hard line break (RBC prints the transaction type above the merchant, TD
  prints the FOREIGN CURRENCY line under the merchant);
- several columns may feed the same truth field (Amex prints merchant, city and state in narrow
  sub-columns); the truth then gets their text in reading order, line by line and left to right
  on each line, which is what a reader of the page (and the real Amex ground truth) gets.
It lives here, not in render/table.py, so the other families' output never changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from reportlab.pdfgen.canvas import Canvas

from cypheredge.synth.formats import EN, signed
from cypheredge.synth.model import Truth
from cypheredge.synth.render.flow import Flow, text_width
from cypheredge.synth.render.table import Row, Table, wrap

BREAK = "|"  # the line-break token of the regions_americas templates


def broken(text: str) -> str:
    """A template narration with its " | " marks turned into hard line breaks."""
    return "\n".join(part.strip() for part in text.split(BREAK) if part.strip())


def joined(text: str) -> str:
    """The same narration printed on one line (the bank wraps it only where the column ends)."""
    return " ".join(part.strip() for part in text.split(BREAK) if part.strip())


@dataclass
class ReadingTable(Table):
    """A table with hard line breaks whose truth fields are read in reading order.

    `riders` holds truth rows printed inside another row (a checks grid prints two or three
    checks per line), keyed by id(row); they get the page that row lands on."""

    riders: dict[int, list[Truth]] = field(default_factory=dict)

    def measure(self, rows: Sequence[Row]) -> None:
        font, size = self.flow.font(True), self.flow.spec.size

        def widest(text: str) -> str:
            return max(text.split("\n"), key=lambda line: text_width(line, font, size))

        flat = [
            Row({k: widest(v) for k, v in r.cells.items()}, balance=r.balance, bold=r.bold)
            for r in rows
        ]
        super().measure(flat)

    def _lines(self, row: Row) -> list[list[str]]:
        out = []
        font, size = self.flow.font(row.bold), self.flow.spec.size
        for col, width in zip(self.columns, self.widths, strict=True):
            parts = row.cells.get(col.key, "").split("\n")
            if col.wrap:
                inner = width - 2 * self.style.pad
                parts = [line for part in parts for line in wrap(part, font, size, inner)]
            out.append(parts)
        return out

    def _row(self, row: Row, shade: bool = False) -> None:
        truth, row.truth = row.truth, None  # the base class would join each column on its own
        if truth is not None:
            truth["page"] = self.flow.page
            truth.update(self._reading(self._lines(row)))
        for rider in self.riders.get(id(row), []):
            rider["page"] = self.flow.page
        super()._row(row, shade)
        row.truth = truth

    def _reading(self, cells: list[list[str]]) -> dict[str, str]:
        """Each truth field's words line by line, columns left to right within a line."""
        depth = max(len(c) for c in cells)
        words: dict[str, list[str]] = {c.truth: [] for c in self.columns if c.truth is not None}
        for line in range(depth):
            for col, lines in zip(self.columns, cells, strict=True):
                if col.truth is None:
                    continue
                first = depth - len(lines) if self.style.bottom_align and not col.wrap else 0
                if first <= line < first + len(lines):
                    words[col.truth] += lines[line - first].split()
        return {field: " ".join(parts) for field, parts in words.items()}


def usd(value: Decimal, symbol: str = "$") -> str:
    """`$1,234.56` / `-$1,234.56`: the sign before the currency symbol, as US issuers print."""
    return signed(EN, value, symbol=symbol)


def owed(value: Decimal, symbol: str = "$", credit: str = "") -> str:
    """A card balance as printed: what is owed is positive; a credit balance gets `credit`
    (" CR") or, without one, a minus sign. `value` is from the holder's side (owed < 0)."""
    if value > 0 and credit:
        return f"{symbol}{EN.magnitude(value)}{credit}"
    return signed(EN, -value, symbol=symbol)


def mark_previous_page(flow: Flow, text: str) -> None:
    """Print `text` ("Continued on next page") at the foot of the page before the current one:
    issuers print it under the last row of a page, which only the next page's start reveals."""
    if flow.page < 2:
        return
    size = flow.spec.size
    x, y = flow.right, flow.spec.bottom - size * 1.4
    face = flow.font()

    def op(c: Canvas) -> None:
        c.setFillGray(0)
        c.setFont(face, size)
        c.drawRightString(x, y, text)

    flow.pages[-2].append(op)


def pairs_block(
    flow: Flow,
    x: float,
    top: float,
    width: float,
    pairs: Sequence[tuple[str, str]],
    *,
    bold_last: bool = False,
    step: float = 1.35,
) -> float:
    """Label / figure lines in a column at `x` (not the flow's cursor); returns the bottom."""
    size = flow.spec.size
    for i, (label, value) in enumerate(pairs):
        y = top - size * step * (i + 1)
        bold = bold_last and i == len(pairs) - 1
        flow.text(x, y, label, bold=bold)
        flow.text(x + width, y, value, bold=bold, align="r")
    return top - size * step * (len(pairs) + 0.4)
