"""Table lines -> rows: wrapped descriptions, dateless rows, carried balances, summaries."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from cypheredge.extractor.domain.amounts import Money
from cypheredge.extractor.domain.columns import Layout
from cypheredge.extractor.domain.dates import PartialDate
from cypheredge.extractor.domain.lineparse import Parsed, finish_date
from cypheredge.extractor.domain.lines import Line, median
from cypheredge.extractor.domain.metadata import account_id
from cypheredge.extractor.domain.vocabulary import (
    BALANCE_AT,
    CARRY_PHRASES,
    CLOSING_PHRASES,
    MONEY_ROLES,
    MOVEMENT_ROLES,
    OPENING_PHRASES,
    SUMMARY_PHRASES,
    TALLY,
    Role,
    contains_phrase,
    fold,
    section_sign,
    starts_with_phrase,
)
from cypheredge.extractor.domain.words import BBox, Word, union_bbox

_NUMBER_HEADING = re.compile(r"^(?:card|account|acct|a c)(?: number| no| ending| nr)(?=\W|\d|$)")
# A card number as printed over a card's rows: four groups of four, some masked.
_CARD_NUMBER = re.compile(r"^[A-Za-z][A-Za-z .:'&/-]{0,50} (?:[\dX*•]{4} ){3}\d{4}$")
_RATE = re.compile(r"\d+(?:[.,]\d+)?\s?%")
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
    inferred: bool = False  # read through a header-less layout: its debit/credit may be swapped

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
        return min(p.line.y0 for p in self._here)

    @property
    def y1(self) -> float:
        return max(p.line.y1 for p in self._here)

    @property
    def bbox(self) -> BBox:
        return union_bbox(w for p in self._here for w in p.words)

    @property
    def _here(self) -> list[Parsed]:
        """The row's lines on its own page (a row a page break cut has some on the next)."""
        own = [p for p in self.lines if not p.line.words or p.line.words[0].page == self.page]
        return own or self.lines

    @property
    def description(self) -> str:
        """The description cell's lines, then any detail columns that join it (NZ)."""
        ordered = sorted(self.lines, key=_reading_order)
        words = [w for p in ordered for w in p.description]
        words += [w for p in ordered for w in p.details]
        return " ".join(w.text for w in words)

    @property
    def movement(self) -> bool:
        return any(role in self.money for role in MOVEMENT_ROLES)

    @property
    def reference_label(self) -> str:
        return next((p.ref_label for p in self.lines if p.ref_label), "")

    @property
    def reference(self) -> str | None:
        words = [w for p in sorted(self.lines, key=_reading_order) for w in p.reference]
        return " ".join(w.text for w in words) or None

    @property
    def code(self) -> str | None:
        return " ".join(w.text for p in self.lines for w in p.code) or None


@dataclass(slots=True)
class RowsRead:
    """What one table region gave: its rows, the lines that belong to no row, the wrapped
    lines at its top that continue the previous page's last row (`head`), and the table's
    habit (`above`: wrapped text sits above its figures; None when this region shows none)."""

    rows: list[RawRow]
    leftover: list[Line]
    head: list[Parsed]
    above: bool | None


def _reading_order(p: Parsed) -> tuple[int, float]:
    """A row a page break cut in two has lines on two pages."""
    return (p.line.words[0].page if p.line.words else 0, p.line.y0)


def build_rows(
    parsed: Sequence[Parsed],
    layout: Layout,
    page: int,
    transactional: bool = True,
    carried: bool = False,
    continues: bool = False,
    habit: bool | None = None,
) -> RowsRead:
    """Rows of one table region, and the lines that belong to no row.

    On a page that continues a table without repeating its header (`carried`), the page's own
    heading lines come first: figures there count only where the table resumes (`_resumes`).
    Where the region continues the previous page's table (`continues`), text above its first
    row may finish that page's last row: the table's habit decides (`habit` is the previous
    page's, for a page that shows none)."""
    height = median([w.height for p in parsed for w in p.words], 10.0)
    rows: list[RawRow] = []
    runs: list[list[Parsed]] = [[]]  # text lines before each row, and after the last
    leftover: list[Line] = []
    section = layout.section
    last_y1 = layout.header_bottom
    resume = _resumes(parsed, height) if carried else -1
    signs: list[Parsed] = []
    for k, p in enumerate(parsed):
        gap = 0.0 if k == resume else p.line.y0 - last_y1  # nothing above it is the table's
        carried = carried and k < resume
        # Without a header only the dates show where rows are: a dateless line with figures
        # there is a summary (`GINEVRA M WEASLEY 9-39401 $4,391.75`), unless it completes a row.
        undated = (
            p.date is None
            and layout.inferred
            and not (rows and _completes(rows[-1], p, gap, height))
        )
        if undated and p.is_row:
            leftover.append(p.line)
            continue
        if rows and not runs[-1] and gap <= CONTINUATION_GAP * height:
            wrapped = finish_date(rows[-1].lines[-1], p)
            if wrapped is not None:  # the rest of a date that wraps in its cell
                first = rows[-1].lines[-1]
                first.date = wrapped
                first.description = [w for w in first.description if w not in first.date_cell]
                p.description = [w for w in p.description if w not in p.date_cell]
                rows[-1].lines.append(p)
                last_y1 = p.line.y1
                continue
        if p.is_row and not carried and (p.date is not None or gap <= END_GAP * height):
            if rows and not runs[-1] and _completes(rows[-1], p, gap, height):
                rows[-1].lines.append(p)
                rows[-1].money.update(p.money)
            else:
                rows.append(RawRow(page, [p], section, money=dict(p.money)))
                rows[-1].inferred = layout.inferred
                runs.append([])
        elif p.is_text and gap > CONTINUATION_GAP * height and _heading(p, parsed[k + 1 :], layout):
            section = section_sign(p.line.text) or section
            leftover.append(p.line)
            continue
        elif p.is_text and _sign_only(p):
            signs.append(p)  # `-` or `CR` pushed onto its own line by the layout
        elif p.is_text:
            runs[-1].append(p)
        else:
            leftover.append(p.line)
            continue
        last_y1 = p.line.y1
    for p in signs:
        if not _lend_sign(p, rows, layout, height):
            leftover.append(p.line)
    vote = _wrap_vote(rows, runs, height, skip_first=continues)
    above = habit if vote is None else vote
    head: list[Parsed] = []
    if continues and not above and runs[0] and rows:  # the table goes on on this page
        head, rest = _continuation(runs[0], layout.header_bottom, height)
        leftover += [p.line for p in rest]
        runs[0] = []
    leftover += _attach(rows, runs, height, bool(above))
    for row in rows:
        row.kind = classify(row, transactional)
    _balances_on_a_day(rows)
    _zero_tables(rows)
    return RowsRead(rows, leftover, head, vote)


def _balances_on_a_day(rows: list[RawRow]) -> None:
    """`Kontostand am 09.04.2025 1.071,68` printed as a row: which end it is follows from
    where it stands."""
    seen = False
    for row in rows:
        if row.kind is RowKind.TXN and BALANCE_AT.match(fold(row.description)):
            row.kind = RowKind.CLOSING if seen else RowKind.OPENING
        seen = seen or row.kind is RowKind.TXN


def _zero_tables(rows: list[RawRow]) -> None:
    """A row of 0.00 is kept where the table lists movements (a waived fee among payments);
    a table whose only figures are zeros (`Interest paid this period: 2nd Mar £0.00`) lists
    nothing that moved."""
    txns = [r for r in rows if r.kind is RowKind.TXN]
    if txns and all(_zero(r) for r in txns):
        for row in txns:
            row.kind = RowKind.SUMMARY


def _zero(row: RawRow) -> bool:
    return all(m.magnitude == 0 for role, m in row.money.items() if role in MOVEMENT_ROLES)


_SIGNS = {"-": (-1, None), "−": (-1, None), "+": (1, None), "CR": (0, "CR"), "DR": (0, "DR")}


def _sign_only(p: Parsed) -> bool:
    return p.money_text and all(w.text.upper() in _SIGNS for w in p.words)


def _lend_sign(p: Parsed, rows: list[RawRow], layout: Layout, height: float) -> bool:
    """Give a sign or marker printed on its own line (`-` over `$1,450.00`) to the unsigned
    amount right above or below it in the same column."""
    word = p.words[0]
    sign, marker = _SIGNS[word.text.upper()]
    column = next(
        (
            c
            for c in layout.columns
            if c.role in MONEY_ROLES and word.x0 < c.x1 + 8 and word.x1 > c.x0 - 8
        ),
        None,
    )
    if column is None:
        return False
    near = [r for r in rows if min(abs(r.y0 - p.line.y1), abs(p.line.y0 - r.y1)) <= height]
    for row in sorted(near, key=lambda r: min(abs(r.y0 - p.line.y1), abs(p.line.y0 - r.y1))):
        money = row.money.get(column.role)
        if money is not None and money.sign == 0 and money.marker is None:
            row.money[column.role] = replace(money, sign=sign or money.sign, marker=marker)
            row.lines.append(p)
            return True
    return False


def _continuation(
    run: list[Parsed], top: float, height: float
) -> tuple[list[Parsed], list[Parsed]]:
    """The wrapped lines right under a repeated header (or at the top of a carried table),
    each close to the one above: the end of the previous page's last description."""
    head: list[Parsed] = []
    edge = top
    for k, p in enumerate(run):
        if not _eligible(p) or (head and p.line.y0 - edge > CONTINUATION_GAP * height):
            return head, run[k:]
        head.append(p)
        edge = p.line.y1
    return head, []


def _resumes(parsed: Sequence[Parsed], height: float) -> int:
    """Where a table continued without its header resumes: at its first dated row, or higher
    where rows without a date (the rest of a day begun on the previous page) hug that row. Those
    keep to the table's columns; the page's own headings and prose start at its left edge or
    run across the figures."""
    first = next((k for k, p in enumerate(parsed) if p.date is not None), len(parsed))
    if first == len(parsed):
        return first
    start = first
    while start > 0:
        p = parsed[start - 1]
        if p.date_text or p.spill or not p.words:
            break
        if parsed[start].line.y0 - p.line.y1 > END_GAP * height:
            break
        start -= 1
    return start


def _heading(p: Parsed, following: Sequence[Parsed], layout: Layout) -> bool:
    """A section heading, not the first line of a row whose text wraps above its figures
    (`CHQ RETURN CHARGES` over `07 Aug ... 009601 INCL GST 1,894.20`): a heading starts at the
    table's left edge, a wrapped line keeps to the description column and hugs the next line."""
    if section_sign(p.line.text) is None:
        return False
    if p.date_text or not layout.has(Role.DATE) or not following:
        return True
    height = median([w.height for w in p.words], 10.0)
    return following[0].line.y0 - p.line.y1 > CONTINUATION_GAP * height


def _completes(row: RawRow, p: Parsed, gap: float, height: float) -> bool:
    """A dated line without figures followed by figures without a date: one row over two lines."""
    return not row.money and row.date is not None and p.date is None and gap <= height


def _eligible(p: Parsed) -> bool:
    """Whether a text line may continue a row's description: not a total or balance line,
    not an account or card number heading a section (`Card number 4520 XXXX XXXX 5178`)."""
    if p.date_text or p.money_text or p.spill:
        return False
    folded = fold(p.line.text)
    if _NUMBER_HEADING.match(folded) and account_id(p.line) is not None:
        return False
    return not (
        starts_with_phrase(folded, SUMMARY_PHRASES)
        or contains_phrase(folded, OPENING_PHRASES)
        or contains_phrase(folded, CLOSING_PHRASES)
    )


def _attach(rows: list[RawRow], runs: list[list[Parsed]], height: float, down: bool) -> list[Line]:
    """Give wrapped description lines to their row. Between two rows the widest vertical gap
    separates them (rows are padded, wrapped lines are not); on a tie the table's habit decides:
    short cells on a row's first line (text wraps below) or on its last (`down`: text wraps
    above)."""
    leftover: list[Line] = []
    for i, run in enumerate(runs):
        prev = rows[i - 1] if i > 0 else None
        nxt = rows[i] if i < len(rows) else None
        headings = _card_headings(run)
        eligible = [p for k, p in enumerate(run) if k not in headings and _eligible(p)]
        leftover += [p.line for k, p in enumerate(run) if k in headings or not _eligible(p)]
        split = _split_run(eligible, prev, nxt, down)
        leftover += _give(eligible[:split], prev, height, below=True)
        above = eligible[split:]
        if not down:
            # Text wraps below its figures here: a heading right above a row (`Standard
            # Purchases`) is no part of it.
            leftover += [p.line for p in above if section_sign(p.line.text) is not None]
            above = [p for p in above if section_sign(p.line.text) is None]
        leftover += _give(list(reversed(above)), nxt, height, below=False)
    return leftover


def _card_headings(run: list[Parsed]) -> set[int]:
    """Lines that head a card's section between two rows: the card number
    (`VISA PLATINUM 5420 3300 4267 6083`) and the holder's name printed right above it."""
    out: set[int] = set()
    for k, p in enumerate(run):
        text = p.line.text
        heading = _NUMBER_HEADING.match(fold(text)) is not None and any(c.isdigit() for c in text)
        if heading or _CARD_NUMBER.match(text):
            out.add(k)
            if k > 0 and not any(c.isdigit() for c in run[k - 1].line.text):
                out.add(k - 1)
    return out


def _split_run(run: list[Parsed], prev: RawRow | None, nxt: RawRow | None, down: bool) -> int:
    """How many lines of `run` (top first) belong to the row above."""
    if not run or nxt is None:
        return len(run)
    if prev is None:
        return 0
    edges = [prev.y1, *[p.line.y1 for p in run]]
    starts = [*[p.line.y0 for p in run], nxt.y0]
    gaps = [b - a for a, b in zip(edges, starts, strict=True)]
    widest = max(gaps)
    ties = [k for k, g in enumerate(gaps) if g >= widest - 0.5]
    return ties[0] if down else ties[-1]


def _give(lines: list[Parsed], row: RawRow | None, height: float, below: bool) -> list[Line]:
    """Attach `lines` (nearest first) to `row` while each sits close to the previous one."""
    if row is None:
        return [p.line for p in lines]
    edge = row.y1 if below else row.y0
    for k, p in enumerate(lines):
        gap = p.line.y0 - edge if below else edge - p.line.y1
        if gap > CONTINUATION_GAP * height:
            return [q.line for q in lines[k:]]
        row.lines.append(p)
        edge = p.line.y1 if below else p.line.y0
    return []


def _wrap_vote(
    rows: list[RawRow], runs: list[list[Parsed]], height: float, skip_first: bool
) -> bool | None:
    """Whether wrapped text sits above its row's figures (True), below (False), or the
    region does not show (None). Text hugging the first row from above says so at once,
    unless the region continues a table (`skip_first`): there it may end the previous row."""
    if not rows:
        return None
    # A heading right above the first row says nothing about how the table wraps.
    first = [p for p in runs[0] if _eligible(p) and section_sign(p.line.text) is None]
    if not skip_first and first and rows[0].y0 - first[-1].line.y1 <= CONTINUATION_GAP * height:
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
    return None if vote == 0 else vote > 0


def classify(row: RawRow, transactional: bool) -> RowKind:
    """Carried balances, totals and balance-only lines are not transactions."""
    text = fold(row.description)
    loose = not row.movement or row.date is None or contains_phrase(text, CARRY_PHRASES)
    if contains_phrase(text, ("average",)) and contains_phrase(text, CARRY_PHRASES):
        return RowKind.SUMMARY
    if TALLY.match(text):
        return RowKind.SUMMARY
    # A row that is named a balance (`Beginning Balance`, `Ending balance`) is one, even where
    # the table prints it with a date in the amount column (an account summary table).
    if (loose or starts_with_phrase(text, OPENING_PHRASES)) and contains_phrase(
        text, OPENING_PHRASES
    ):
        return RowKind.OPENING
    if (loose or starts_with_phrase(text, CLOSING_PHRASES)) and contains_phrase(
        text, CLOSING_PHRASES
    ):
        return RowKind.CLOSING
    if loose and starts_with_phrase(text, SUMMARY_PHRASES):
        return RowKind.SUMMARY
    if row.date is None and _RATE.search(row.description):
        return RowKind.SUMMARY  # `Purchases 27.24%(v) $422.51 $8.74`: an interest-rate table
    if not row.movement:
        return RowKind.INVALID
    return RowKind.TXN if transactional else RowKind.SUMMARY
