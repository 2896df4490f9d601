"""One page of word boxes -> tables -> rows, carrying the open table over to the next page."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import overload

from cypheredge.extractor.domain.columns import Kind, Layout, Placer, kind_of, make_layout
from cypheredge.extractor.domain.guessed_sides import Guessed
from cypheredge.extractor.domain.gutters import text_bounds
from cypheredge.extractor.domain.header import (
    Cell,
    Column,
    build_columns,
    classify,
    has_values,
    header_cells,
    is_transactional,
    repeats,
    split_cells,
    titled_words,
    without_side_box,
)
from cypheredge.extractor.domain.headerless import MIN_ROWS, infer_layout, same_figures
from cypheredge.extractor.domain.lineparse import Parsed, Reading, parse_line, take_date
from cypheredge.extractor.domain.lines import Line, median
from cypheredge.extractor.domain.rows import RawRow, RowKind, build_rows
from cypheredge.extractor.domain.stacked import absorb, two_line_header
from cypheredge.extractor.domain.straddle import split_straddlers
from cypheredge.extractor.domain.untitled import PROBE, unread_amount
from cypheredge.extractor.domain.vocabulary import (
    MONEY_ROLES,
    SUMMARY_PHRASES,
    Role,
    balance_heading,
    fold,
    section_sign,
    starts_with_phrase,
)

LOOKBACK = 4.0  # x line height: a heading this close above a header names its section


@dataclass(slots=True)
class TableState:
    """The table still open at the bottom of the previous page."""

    layout: Layout | None = None
    transactional: bool = True
    above: bool | None = None  # the table's wrapped text sits above its figures


@dataclass(slots=True)
class PageParse:
    """What one reading of one page found."""

    number: int
    rows: list[RawRow] = field(default_factory=list)
    outside: list[Line] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    suspects: int = 0  # lines that look like transactions but became none
    method: str = ""
    head: list[Parsed] = field(default_factory=list)  # ends the previous page's last row
    headers: list[float] = field(default_factory=list)  # where each table header starts
    titled: list[Layout] = field(default_factory=list)  # tables read under a header
    guessed: list[Guessed] = field(default_factory=list)  # tables inferred, with their rows

    @property
    def transactions(self) -> list[RawRow]:
        return [r for r in self.rows if r.kind is RowKind.TXN]


@dataclass(slots=True)
class Segment:
    """The lines under one header (or under the header carried from the previous page)."""

    layout: Layout
    transactional: bool
    lines: list[Line] = field(default_factory=list)
    carried: bool = False
    continued: bool = False  # the previous page's table, its header printed again


def parse_page(
    number: int,
    lines: Sequence[Line],
    state: TableState,
    reading: Reading,
    method: str,
    furniture: Sequence[Line] = (),
) -> PageParse:
    """Read one page's lines; `state` is updated so the next page can continue an open table.
    `furniture` (running headers and footers) is read only for the statement's facts."""
    out = PageParse(number, lines=[*lines, *furniture], method=method)
    before = state.layout
    segments = _segments(lines, state, out, reading.cell_gap)
    # A table continued from the last page whose header, printed again, we cannot read cuts
    # the carried table short: its rows are among the loose lines.
    if not any(seg.transactional and len(seg.lines) >= MIN_ROWS for seg in segments):
        inferred = _headerless(out, reading, before if before and before.inferred else None)
        if inferred and state.layout is None:
            # The next page may carry on with too few rows to show the columns itself.
            state.layout, state.transactional = inferred[0].layout, True
        segments += inferred
    for seg in [part for whole in segments for part in _side_by_side(whole)]:
        seg.lines = split_straddlers(seg.lines, seg.layout, reading.decimal_mark)
        bounds = text_bounds(seg.lines, seg.layout, reading.decimal_mark)
        words = [line.words for line in seg.lines]
        placer = Placer.of(seg.layout, reading.decimal_mark, bounds, words)
        parsed = [parse_line(line, placer, reading) for line in seg.lines]
        continues = seg.carried or seg.continued
        read = build_rows(
            parsed,
            seg.layout,
            number,
            seg.transactional,
            carried=seg.carried,
            continues=continues and not out.rows,
            habit=state.above if continues else None,
        )
        for row in read.rows:
            row.method = method
        if seg.layout.inferred:
            out.guessed.append((seg.layout, read.rows))
        else:
            out.titled.append(seg.layout)
        if read.above is not None:
            state.above = read.above
        out.rows += read.rows
        out.outside += read.leftover
        out.head += read.head
    out.outside += furniture
    out.outside.sort(key=lambda ln: ln.y0)
    out.suspects = _suspects(out.outside, reading)
    return out


def _segments(
    lines: Sequence[Line], state: TableState, out: PageParse, gap: float
) -> list[Segment]:
    """Split the page at header lines; lines outside every table go to `out.outside`."""
    segments: list[Segment] = []
    current: Segment | None = None
    if state.layout is not None:
        current = Segment(state.layout, state.transactional, carried=True)
        segments.append(current)
    views = _HeaderViews(lines, gap)
    i = 0
    while i < len(lines):
        typed = header_cells(lines[i], gap)
        stacked = typed is None and (typed := two_line_header(lines, i, gap)) is not None
        if typed is None:
            if _header_like(lines[i], gap):
                state.layout, current = None, None
            target = out.outside if current is None else current.lines
            target.append(lines[i])
            i += 1
            continue
        typed, above, below = (typed, 0, 1) if stacked else absorb(views, i, typed, gap)
        out.headers.append(lines[i - above].y0)
        for bucket in (current.lines if current else [], out.outside):
            if above and bucket and bucket[-1] is lines[i - 1]:
                bucket.pop()
        layout, transactional = _open(lines, i - above, i + below, typed)
        first_here = not any(not seg.carried for seg in segments)
        previous = state.layout if first_here else None
        layout = _inherit(layout, previous)
        if not _same_table(layout, previous):
            state.above = None
        state.layout, state.transactional = layout, transactional
        current = Segment(layout, transactional, continued=_same_table(layout, previous))
        segments.append(current)
        i += 1 + below
    return segments


class _HeaderViews(Sequence[Line]):
    """The page's lines as header detection sees them (`without_side_box`), worked out only
    for the lines it asks about: on a page of thousands of rows that is a few."""

    def __init__(self, lines: Sequence[Line], gap: float) -> None:
        self._lines, self._gap = lines, gap
        self._seen: dict[int, Line] = {}

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, index: int) -> Line: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Line]: ...
    def __getitem__(self, index: int | slice) -> Line | Sequence[Line]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index not in self._seen:
            self._seen[index] = without_side_box(self._lines[index], self._gap)
        return self._seen[index]


def _side_by_side(seg: Segment) -> list[Segment]:
    """A table printed two or three across, read as one table per repeat: each line is cut
    where one repeat ends and the next begins (midway between their columns)."""
    parts = seg.layout.across
    if not parts:
        return [seg]
    cuts = [(a.columns[-1].x1 + b.columns[0].x0) / 2 for a, b in itertools.pairwise(parts)]
    bounds = list(zip([-1e9, *cuts], [*cuts, 1e9], strict=True))
    out = []
    # A total under the whole grid (`Total Items Paid ... $11,919.72`) belongs to no repeat.
    whole = [ln for ln in seg.lines if not starts_with_phrase(fold(ln.text), SUMMARY_PHRASES)]
    for layout, (lo, hi) in zip(parts, bounds, strict=True):
        lines = [_clip(line, lo, hi) for line in whole]
        part = [ln for ln in lines if ln is not None]
        out.append(Segment(layout, is_transactional(layout.columns), part, seg.carried))
    return out


def _clip(line: Line, lo: float, hi: float) -> Line | None:
    words = [w for w in line.words if lo <= w.xc < hi]
    if not words:
        return None
    if len(words) == len(line.words):
        return line
    return Line(words, line.y0, line.y1, max(w.x1 for w in words), " ".join(w.text for w in words))


def _headerless(out: PageParse, reading: Reading, previous: Layout | None) -> list[Segment]:
    """A table without a header among the page's loose lines, if its dated rows show one:
    the previous page's, where its figures stand in that table's columns."""
    inferred = infer_layout(out.outside, reading)
    if inferred is None:
        return []
    if previous is not None and same_figures(inferred, previous):
        inferred = replace(previous, header_bottom=inferred.header_bottom)
    body = [ln for ln in out.outside if ln.y0 >= inferred.header_bottom]
    out.outside = [ln for ln in out.outside if ln.y0 < inferred.header_bottom]
    return [Segment(replace(inferred, inferred=True), True, body)]


def _open(
    lines: Sequence[Line], first: int, last: int, typed: list[tuple[Cell, Role | None]]
) -> tuple[Layout, bool]:
    layout, transactional = _open_one(lines, first, last, typed)
    groups = repeats(typed)
    if not groups:
        return layout, transactional
    across = tuple(_open_one(lines, first, last, group)[0] for group in groups)
    return replace(layout, across=across), any(is_transactional(g.columns) for g in across)


def _open_one(
    lines: Sequence[Line], first: int, last: int, typed: list[tuple[Cell, Role | None]]
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
        if j + 1 < first and has_values(lines[j + 1]):
            continue  # labels over their figures (`Opening Balance  Closing Balance`): a box
        text = lines[j].text
        section = section or (section_sign(text) or 0)
        balances = balances or balance_heading(text)
        columns = _cheque_numbers(columns, text)
    if not is_transactional(columns):
        columns = unread_amount(columns, lines[last + 1 : last + 1 + PROBE])
    layout = make_layout(columns, bottom, section)
    return layout, is_transactional(columns) and not balances


_NUMBER_TITLES = frozenset(("number", "no", "nbr", "num", "#"))
_CHEQUE_HEADINGS = {"checks": "Check", "check": "Check", "cheques": "Cheque", "cheque": "Cheque"}


def _cheque_numbers(columns: tuple[Column, ...], heading: str) -> tuple[Column, ...]:
    """Under `Checks paid` a column titled only `Number` holds cheque numbers: a reference
    that names its row (`Check 3129`), not a description."""
    word = next((_CHEQUE_HEADINGS[w] for w in fold(heading).split() if w in _CHEQUE_HEADINGS), None)
    if word is None:
        return columns
    return tuple(
        Column(Role.REFERENCE, c.x0, c.x1, f"{word} {c.label}")
        if fold(c.label) in _NUMBER_TITLES and c.role in (Role.DESCRIPTION, Role.OTHER)
        else c
        for c in columns
    )


def _inherit(layout: Layout, previous: Layout | None) -> Layout:
    """A header repeated at the top of a page continues the previous page's section."""
    if layout.section or previous is None or not previous.section:
        return layout
    if [c.role for c in layout.columns] != [c.role for c in previous.columns]:
        return layout
    return replace(layout, section=previous.section)


def _same_table(layout: Layout, previous: Layout | None) -> bool:
    if previous is None:
        return False
    return [c.role for c in layout.columns] == [c.role for c in previous.columns]


def _header_like(line: Line, gap: float) -> bool:
    """Titles over figures that are not a transaction table (a summary table) end a table."""
    if titled_words(line) < 3:
        return False  # three roles need three titled cells
    roles = [classify(c.text) for c in split_cells(line.words, gap)]
    money = [r for r in roles if r in MONEY_ROLES]
    if len(money) < 2 or sum(1 for r in roles if r is not None) < 3:
        return False
    return not has_values(line)


def _suspects(lines: Sequence[Line], reading: Reading) -> int:
    """Lines outside every table that start with a date and carry an amount."""
    count = 0
    for line in lines:
        words = line.words
        date, _, _rest = take_date(words[:3], [], reading.date_order)
        if date is None:
            continue
        if any(kind_of(w.text, reading.decimal_mark) is Kind.STRONG for w in words[1:]):
            count += 1
    return count
