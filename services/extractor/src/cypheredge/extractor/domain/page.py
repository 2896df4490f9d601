"""One page of word boxes -> tables -> rows, carrying the open table over to the next page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from cypheredge.extractor.domain.columns import Kind, Layout, kind_of, make_layout
from cypheredge.extractor.domain.gutters import text_bounds
from cypheredge.extractor.domain.gutters import text_bounds
from cypheredge.extractor.domain.header import (
    build_columns,
    classify,
    has_values,
    _titled,
    header_cells,
    is_transactional,
    split_cells,
)
from cypheredge.extractor.domain.lineparse import Reading, parse_line, take_date
from cypheredge.extractor.domain.lines import Line, median
from cypheredge.extractor.domain.rows import RawRow, RowKind, build_rows
from cypheredge.extractor.domain.stacked import absorb
from cypheredge.extractor.domain.vocabulary import MONEY_ROLES, balance_heading, section_sign

LOOKBACK = 4.0  # x line height: a heading this close above a header names its section


@dataclass(slots=True)
class TableState:
    """The table still open at the bottom of the previous page."""

    layout: Layout | None = None
    transactional: bool = True


@dataclass(slots=True)
class PageParse:
    """What one reading of one page found."""

    number: int
    rows: list[RawRow] = field(default_factory=list)
    outside: list[Line] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    suspects: int = 0  # lines that look like transactions but became none
    method: str = ""

    @property
    def transactions(self) -> list[RawRow]:
        return [r for r in self.rows if r.kind is RowKind.TXN]


def parse_page(
    number: int, lines: Sequence[Line], state: TableState, reading: Reading, method: str
) -> PageParse:
    """Read one page's lines; `state` is updated so the next page can continue an open table."""
    out = PageParse(number, lines=list(lines), method=method)
    segments: list[tuple[Layout, bool, list[Line]]] = []
    current: list[Line] | None = None
    if state.layout is not None:
        current = []
        segments.append((state.layout, state.transactional, current))
    carried = current
    segments_opened = False
    i = 0
    while i < len(lines):
        line = lines[i]
        typed = header_cells(line)
        if typed is not None:
            typed, above, below = absorb(lines, i, typed)
            if above and current and current[-1] is lines[i - 1]:
                current.pop()
            elif above and out.outside and out.outside[-1] is lines[i - 1]:
                out.outside.pop()
            layout, transactional = _open(lines, i - above, i + below, typed)
            layout = _inherit(layout, state.layout if not segments_opened else None)
            segments_opened = True
            state.layout, state.transactional = layout, transactional
            current = []
            segments.append((layout, transactional, current))
            i += 1 + below
            continue
        if _header_like(line):
            state.layout, current = None, None
            out.outside.append(line)
        elif current is None:
            out.outside.append(line)
        else:
            current.append(line)
        i += 1
    for layout, transactional, seg_lines in segments:
        bounds = text_bounds(seg_lines, layout, reading.decimal_mark)
        parsed = [parse_line(line, layout, reading, bounds) for line in seg_lines]
        cont = seg_lines is carried
        rows, leftover = build_rows(parsed, layout, number, transactional, cont)
        for row in rows:
            row.method = method
        out.rows += rows
        out.outside += leftover
    out.outside.sort(key=lambda ln: ln.y0)
    out.suspects = _suspects(out.outside, reading)
    return out


def _open(
    lines: Sequence[Line], first: int, last: int, typed: list
) -> tuple[Layout, bool]:
    columns = build_columns(typed)
    bottom = max(w.y1 for ln in lines[first : last + 1] for w in ln.words)
    top = lines[first].y0
    height = median([w.height for w in lines[first].words], 10.0)
    section, balances = 0, False
    for j in range(first - 1, max(first - 3, -1), -1):
        if top - lines[j].y1 > LOOKBACK * height:
            break
        if has_values(lines[j]):
            continue
        text = lines[j].text
        section = section or (section_sign(text) or 0)
        balances = balances or balance_heading(text)
    layout = make_layout(columns, bottom, section)
    return layout, is_transactional(columns) and not balances


def _inherit(layout: Layout, previous: Layout | None) -> Layout:
    """A header repeated at the top of a page continues the previous page's section."""
    if layout.section or previous is None or not previous.section:
        return layout
    if [c.role for c in layout.columns] != [c.role for c in previous.columns]:
        return layout
    return replace(layout, section=previous.section)


def _header_like(line: Line) -> bool:
    """Titles over figures that are not a transaction table (a summary table) end a table."""
    if len(line.words) < 2 or not any(_titled(w.text) for w in line.words):
        return False
    roles = [classify(c.text) for c in split_cells(line.words)]
    money = [r for r in roles if r in MONEY_ROLES]
    if len(money) < 2 or sum(1 for r in roles if r is not None) < 3:
        return False
    return not has_values(line)


def _suspects(lines: Sequence[Line], reading: Reading) -> int:
    """Lines outside every table that start with a date and carry an amount."""
    count = 0
    for line in lines:
        words = line.words
        date, _, rest = take_date(words[:3], [], reading.date_order)
        if date is None:
            continue
        if any(kind_of(w.text, reading.decimal_mark) is Kind.STRONG for w in words[1:]):
            count += 1
    return count
