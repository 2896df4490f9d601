"""Table lines -> rows: wrapped descriptions, dateless rows, carried balances, summaries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from cypheredge.extractor.domain.amounts import Money
from cypheredge.extractor.domain.columns import Layout
from cypheredge.extractor.domain.dates import PartialDate
from cypheredge.extractor.domain.lineparse import Parsed
from cypheredge.extractor.domain.lines import Line, median
from cypheredge.extractor.domain.vocabulary import (
    CARRY_PHRASES,
    CLOSING_PHRASES,
    MOVEMENT_ROLES,
    OPENING_PHRASES,
    SUMMARY_PHRASES,
    Role,
    contains_phrase,
    fold,
    section_sign,
    starts_with_phrase,
)
from cypheredge.extractor.domain.words import BBox, Word, union_bbox

CONTINUATION_GAP = 1.0  # x line height: a wrapped line sits closer than this to its row
END_GAP = 3.0  # x line height: past this a dateless line no longer belongs to the table


class RowKind(StrEnum):
    TXN = "txn"
    OPENING = "opening"
    CLOSING = "closing"
    SUMMARY = "summary"
    INVALID = "invalid"  # a date or a balance without a readable movement


@dataclass(slots=True)
class RawRow:
    """A row as printed, before normalisation."""

    page: int
    lines: list[Parsed]
    section: int = 0
    kind: RowKind = RowKind.TXN
    account: int = 0
    method: str = ""
    money: dict[Role, Money] = field(default_factory=dict)

    @property
    def date(self) -> PartialDate | None:
        return next((p.date for p in self.lines if p.date is not None), None)

    @property
    def marker(self) -> str | None:
        return next((p.marker for p in self.lines if p.marker is not None), None)

    @property
    def words(self) -> list[Word]:
        return [w for p in self.lines for w in p.words]

    @property
    def y0(self) -> float:
        return min(p.line.y0 for p in self.lines)

    @property
    def y1(self) -> float:
        return max(p.line.y1 for p in self.lines)

    @property
    def bbox(self) -> BBox:
        return union_bbox(self.words)

    @property
    def description(self) -> str:
        ordered = sorted(self.lines, key=lambda p: p.line.y0)
        return " ".join(w.text for p in ordered for w in p.description)

    @property
    def movement(self) -> bool:
        return any(role in self.money for role in MOVEMENT_ROLES)


def build_rows(
    parsed: Sequence[Parsed],
    layout: Layout,
    page: int,
    transactional: bool = True,
    carried: bool = False,
) -> tuple[list[RawRow], list[Line]]:
    """Rows of one table region, and the lines that belong to no row.

    On a page that continues a table without repeating its header (`carried`), the page's own
    heading lines come first: figures there count only after a dated row."""
    height = median([w.height for p in parsed for w in p.words], 10.0)
    rows: list[RawRow] = []
    runs: list[list[Parsed]] = [[]]
    leftover: list[Line] = []
    section = layout.section
    last_y1 = layout.header_bottom
    for p in parsed:
        if not p.words:
            leftover.append(p.line)
            continue
        gap = p.line.y0 - last_y1
        if carried and p.date is not None:
            carried = False
        if p.is_row and not carried and (p.date is not None or gap <= END_GAP * height):
            if rows and not runs[-1] and _completes(rows[-1], p, gap, height):
                rows[-1].lines.append(p)
                rows[-1].money.update(p.money)
            else:
                rows.append(RawRow(page, [p], section, money=dict(p.money)))
                runs.append([])
            last_y1 = p.line.y1
        elif p.is_text and gap > CONTINUATION_GAP * height and section_sign(p.line.text):
            section = section_sign(p.line.text) or section
            leftover.append(p.line)
        elif p.is_text:
            runs[-1].append(p)
            last_y1 = p.line.y1
        else:
            leftover.append(p.line)
    leftover += _attach(rows, runs, height)
    for row in rows:
        row.kind = classify(row, transactional)
    return rows, leftover


def _completes(row: RawRow, p: Parsed, gap: float, height: float) -> bool:
    """A dated line without figures followed by figures without a date: one row over two lines."""
    return not row.money and row.date is not None and p.date is None and gap <= height


def _eligible(p: Parsed) -> bool:
    if p.date_text or p.money_text or p.spill:
        return False
    folded = fold(p.line.text)
    return not (
        starts_with_phrase(folded, SUMMARY_PHRASES)
        or contains_phrase(folded, OPENING_PHRASES)
        or contains_phrase(folded, CLOSING_PHRASES)
    )


def _attach(rows: list[RawRow], runs: list[list[Parsed]], height: float) -> list[Line]:
    """Give wrapped description lines to the row above them, or below them when the table
    anchors short cells to a row's last line (decided once per table from the spacing)."""
    leftover: list[Line] = []
    down = _anchored_low(rows, runs, height)
    limit = CONTINUATION_GAP * height
    for i, run in enumerate(runs):
        prev = rows[i - 1] if i > 0 else None
        nxt = rows[i] if i < len(rows) else None
        target = nxt if down else prev
        ordered = list(reversed(run)) if down else list(run)
        edge = None if target is None else (target.y0 if down else target.y1)
        taking = target is not None
        for p in ordered:
            gap = (edge - p.line.y1) if down and edge is not None else 0.0
            if not down and edge is not None:
                gap = p.line.y0 - edge
            if taking and target is not None and _eligible(p) and gap <= limit:
                target.lines.append(p)
                edge = p.line.y0 if down else p.line.y1
            else:
                taking = False
                leftover.append(p.line)
    return leftover


def _anchored_low(rows: list[RawRow], runs: list[list[Parsed]], height: float) -> bool:
    if not rows:
        return False
    first = [p for p in runs[0] if _eligible(p)]
    if first and rows[0].y0 - first[-1].line.y1 <= CONTINUATION_GAP * height:
        return True
    vote = 0.0
    for i in range(1, len(rows)):
        run = [p for p in runs[i] if _eligible(p)]
        if not run:
            continue
        above = run[0].line.y0 - rows[i - 1].y1
        below = rows[i].y0 - run[-1].line.y1
        if abs(above - below) > 0.05 * height:
            vote += 1 if below < above else -1
    return vote > 0


def classify(row: RawRow, transactional: bool) -> RowKind:
    """Carried balances, totals and balance-only lines are not transactions."""
    text = fold(row.description)
    loose = not row.movement or row.date is None or contains_phrase(text, CARRY_PHRASES)
    if contains_phrase(text, ("average",)) and contains_phrase(text, CARRY_PHRASES):
        return RowKind.SUMMARY
    if loose and contains_phrase(text, OPENING_PHRASES):
        return RowKind.OPENING
    if loose and contains_phrase(text, CLOSING_PHRASES):
        return RowKind.CLOSING
    if loose and starts_with_phrase(text, SUMMARY_PHRASES):
        return RowKind.SUMMARY
    if not row.movement:
        return RowKind.INVALID
    return RowKind.TXN if transactional else RowKind.SUMMARY
