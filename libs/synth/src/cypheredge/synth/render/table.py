"""Transaction tables: measured columns, wrapped cells, page breaks with repeated headers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from random import Random
from typing import Literal

from cypheredge.synth.model import Truth
from cypheredge.synth.render.flow import Align, Flow, text_width

Rules = Literal["grid", "rows", "header", "none"]


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # "\n" splits a header over lines
    align: Align = "l"
    wrap: bool = False
    truth: str | None = None  # truth field that receives the text as printed (lines joined)


@dataclass
class Row:
    cells: dict[str, str]
    truth: Truth | None = None  # filled with the page and printed text when drawn
    balance: Decimal | None = None  # running balance after this row, for carried-forward rows
    bold: bool = False


@dataclass(frozen=True)
class Style:
    rules: Rules = "grid"
    zebra: bool = False
    header_fill: float | None = 0.85
    pad: float = 3.0
    row_pad: float = 2.0
    bottom_align: bool = False  # short cells sit on a wrapped row's last line, not its first
    desc_limit: float | None = None  # caps the wrapped column so descriptions wrap

    @staticmethod
    def vary(rng: Random, rules: Rules, desc: tuple[float, float] | None = None) -> Style:
        return Style(
            rules=rules,
            zebra=rules == "none" and rng.random() < 0.5,
            header_fill=rng.choice((None, 0.8, 0.9)) if rules != "none" else None,
            pad=rng.uniform(2.5, 6.0),
            row_pad=rng.uniform(1.0, 3.5),
            bottom_align=rng.random() < 0.25,
            desc_limit=rng.uniform(*desc) if desc else None,
        )


@dataclass(frozen=True)
class Carry:
    """The non-transaction rows printed either side of a page break."""

    carried: Callable[[Decimal], dict[str, str]]
    brought: Callable[[Decimal], dict[str, str]]


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap; a token longer than the column is cut, as bank printers do."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        for piece in _cut(word, font, size, width):
            candidate = f"{current} {piece}" if current else piece
            if current and text_width(candidate, font, size) > width:
                lines.append(current)
                current = piece
            else:
                current = candidate
    return [*lines, current] if current else lines or [""]


def _cut(word: str, font: str, size: float, width: float) -> list[str]:
    pieces = [""]
    for char in word:
        if pieces[-1] and text_width(pieces[-1] + char, font, size) > width:
            pieces.append("")
        pieces[-1] += char
    return pieces


@dataclass
class Table:
    """One table laid out for `flow`; `draw` may span pages."""

    flow: Flow
    columns: Sequence[Column]
    style: Style
    carry: Carry | None = None
    widths: list[float] = field(default_factory=list)

    def measure(self, rows: Sequence[Row]) -> None:
        """Fit fixed columns to their widest text; wrapped columns share what is left."""
        size, pad = self.flow.spec.size, self.style.pad
        samples = [r.cells for r in rows]
        if self.carry is not None:
            samples += [self.carry.carried(r.balance) for r in rows if r.balance is not None]
        widths = []
        for col in self.columns:
            # bold: the widest case; a "\n" in a cell is a hard line break
            texts = [(t, True) for c in samples for t in c.get(col.key, "").split("\n")]
            texts += [(t, True) for t in col.title.split("\n")]
            widest = max(text_width(t, self.flow.font(b), size) for t, b in texts)
            widths.append(0.0 if col.wrap else widest + 2 * pad)
        wrapped = [i for i, c in enumerate(self.columns) if c.wrap]
        spare = self.flow.width - sum(widths)
        share = spare / max(len(wrapped), 1)
        if self.style.desc_limit is not None and share > self.style.desc_limit:
            share = self.style.desc_limit
        fixed = [i for i, c in enumerate(self.columns) if not c.wrap]
        bonus = (spare - share * len(wrapped)) / max(len(fixed), 1)
        self.widths = [w + (share if i in wrapped else bonus) for i, w in enumerate(widths)]

    @property
    def leading(self) -> float:
        return self.flow.spec.size * 1.22

    def draw(self, rows: Sequence[Row]) -> None:
        if not self.widths:
            self.measure(rows)
        one_line = self.leading + 2 * self.style.row_pad
        reserve = one_line if self.carry is not None else 0.0
        head = self._header_height()
        self.flow.ensure(head + self._height(rows[0]) + reserve if rows else head)
        self._header()
        last: Decimal | None = None
        for index, row in enumerate(rows):
            if not self.flow.room(self._height(row) + reserve):
                self._page_break(last)
            self._row(row, shade=self.style.zebra and index % 2 == 1)
            last = row.balance if row.balance is not None else last

    def _page_break(self, balance: Decimal | None) -> None:
        if self.carry is not None and balance is not None:
            self._row(Row(self.carry.carried(balance), bold=True))
        self.flow.new_page()
        self._header()
        if self.carry is not None and balance is not None:
            self._row(Row(self.carry.brought(balance), bold=True))

    def _lines(self, row: Row) -> list[list[str]]:
        out = []
        for col, width in zip(self.columns, self.widths, strict=True):
            text = row.cells.get(col.key, "")
            inner = width - 2 * self.style.pad
            font = self.flow.font(row.bold)
            # "\n" is a hard break: banks print party, reference and mandate on their own lines
            parts = text.split("\n")
            if col.wrap:
                parts = [
                    line for part in parts for line in wrap(part, font, self.flow.spec.size, inner)
                ]
            out.append(parts)
        return out

    def _height(self, row: Row) -> float:
        return max(len(c) for c in self._lines(row)) * self.leading + 2 * self.style.row_pad

    def _header_height(self) -> float:
        lines = max(len(c.title.split("\n")) for c in self.columns)
        return lines * self.leading + 2 * self.style.row_pad

    def _header(self) -> None:
        cells = [c.title.split("\n") for c in self.columns]
        height = self._header_height()
        if self.style.header_fill is not None:
            self.flow.box(
                self.flow.left,
                self.flow.y - height,
                sum(self.widths),
                height,
                fill=self.style.header_fill,
                stroke=False,
            )
        self._cells(cells, height, bold=True)
        if self.style.rules != "none":
            self.flow.line(
                self.flow.left, self.flow.y, self.flow.left + sum(self.widths), self.flow.y
            )

    def _row(self, row: Row, shade: bool = False) -> None:
        lines = self._lines(row)
        height = self._height(row)
        if shade:
            self.flow.box(
                self.flow.left,
                self.flow.y - height,
                sum(self.widths),
                height,
                fill=0.93,
                stroke=False,
            )
        if row.truth is not None:
            row.truth["page"] = self.flow.page
            for col, printed in zip(self.columns, lines, strict=True):
                if col.truth is not None:
                    row.truth[col.truth] = " ".join(line for line in printed if line)
        self._cells(lines, height, bold=row.bold)
        if self.style.rules in ("grid", "rows"):
            self.flow.line(
                self.flow.left, self.flow.y, self.flow.left + sum(self.widths), self.flow.y, 0.3
            )

    def _cells(self, cells: list[list[str]], height: float, bold: bool) -> None:
        """Draw one row's cells from the cursor down and move the cursor below the row."""
        flow, style = self.flow, self.style
        top, depth = flow.y, max(len(c) for c in cells)
        x = flow.left
        for col, width, lines in zip(self.columns, self.widths, cells, strict=True):
            first = depth - len(lines) if style.bottom_align and not col.wrap else 0
            anchor = {"l": x + style.pad, "r": x + width - style.pad, "c": x + width / 2}[col.align]
            for i, text in enumerate(lines):
                y = top - style.row_pad - flow.spec.size * 0.85 - (first + i) * self.leading
                flow.text(anchor, y, text, bold=bold, align=col.align)
            if style.rules == "grid":
                flow.line(x, top, x, top - height, 0.3)
            x += width
        if style.rules == "grid":
            flow.line(x, top, x, top - height, 0.3)
            flow.line(flow.left, top, x, top, 0.3)
        flow.y = top - height
