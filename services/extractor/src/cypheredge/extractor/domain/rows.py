"""Table lines -> rows: wrapped descriptions, dateless rows, carried balances, summaries."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace

from cypheredge.extractor.domain.columns import Layout
from cypheredge.extractor.domain.header import classify as classify_title
from cypheredge.extractor.domain.lineparse import Parsed, finish_date
from cypheredge.extractor.domain.lines import Line, median
from cypheredge.extractor.domain.rawrow import RawRow, RowKind, classify
from cypheredge.extractor.domain.vocabulary import (
    BALANCE_AT,
    MONEY_ROLES,
    MOVEMENT_ROLES,
    Role,
    fold,
    section_sign,
)
from cypheredge.extractor.domain.wrapping import (
    CONTINUATION_GAP,
    attach,
    continuation,
    wrap_vote,
)

__all__ = ["RawRow", "RowKind", "RowsRead", "build_rows", "classify"]

END_GAP = 3.0  # x line height: past this a dateless line no longer belongs to the table


@dataclass(slots=True)
class RowsRead:
    """What one table region gave: its rows, the lines that belong to no row, the wrapped
    lines at its top that continue the previous page's last row (`head`), and the table's
    habit (`above`: wrapped text sits above its figures; None when this region shows none)."""

    rows: list[RawRow]
    leftover: list[Line]
    head: list[Parsed]
    above: bool | None


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
    _date_pieces(parsed, height)
    rows: list[RawRow] = []
    runs: list[list[Parsed]] = [[]]  # text lines before each row, and after the last
    leftover: list[Line] = []
    section = layout.section
    last_y1 = layout.header_bottom
    resume = _resumes(parsed, height) if carried else -1
    signs: list[Parsed] = []
    stacked = _stacked_dates(layout)
    for k, p in enumerate(parsed):
        gap = 0.0 if k == resume else p.line.y0 - last_y1  # nothing above it is the table's
        carried = carried and k < resume
        # Without a header only the dates show where rows are: a dateless line with figures
        # there is a summary (`GINEVRA M WEASLEY 9-39401 $4,391.75`), unless it completes a row.
        undated = (
            p.date is None
            and layout.inferred
            and not layout.day_groups
            and not (rows and _completes(rows[-1], runs[-1], p, gap, height))
        )
        if undated and p.is_row:
            leftover.append(p.line)
            continue
        if stacked and rows and _value_date_line(rows[-1], runs[-1], p, gap, height):
            rows[-1].lines.append(p)  # its date is the row's value date, printed under it
            last_y1 = p.line.y1
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
            if rows and _completes(rows[-1], runs[-1], p, gap, height, stacked):
                rows[-1].lines += [*runs[-1], p]
                rows[-1].money.update(p.money)
                runs[-1] = []
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
    vote = wrap_vote(rows, runs, height, skip_first=continues)
    above = habit if vote is None else vote
    head: list[Parsed] = []
    if continues and not above and runs[0] and rows:  # the table goes on on this page
        head, rest = continuation(runs[0], layout.header_bottom, height)
        leftover += [p.line for p in rest]
        runs[0] = []
    leftover += attach(rows, runs, height, bool(above))
    for row in rows:
        row.kind = classify(row, transactional)
    _notices(rows, layout)
    _balances_on_a_day(rows)
    _zero_tables(rows)
    return RowsRead(rows, leftover, head, vote)


PROSE_WORDS = 10  # words of an undated line with a figure that make it a sentence, not a row


def _notices(rows: list[RawRow], layout: Layout) -> None:
    """In a table whose rows each print their date, an undated sentence with a figure in it
    after the last dated row (`Os saldos acima não incluem ... Limite da conta ... 2.000,00`)
    is a notice."""
    txns = [r for r in rows if r.kind is RowKind.TXN]
    dated = [k for k, r in enumerate(txns) if r.date is not None]
    if not layout.has(Role.DATE) or len(dated) < 3:
        return
    if len(dated) < 0.9 * (dated[-1] + 1):
        return  # a day's later rows go undated here: length says nothing
    for row in txns[dated[-1] + 1 :]:  # a notice follows the table; a day's rows come inside it
        if row.date is None and len(row.description.split()) >= PROSE_WORDS:
            row.kind = RowKind.SUMMARY


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


def _date_pieces(parsed: Sequence[Parsed], height: float) -> None:
    """A date cell that wraps before its row has any figures (`2025-06-` over `17`, then the
    time and the figures on a third line): the first line carries the whole date, so the
    row reads as a date line, its wrapped lines and its figures line."""
    for first, second in itertools.pairwise(parsed):
        if first.date is not None or first.money or second.date is not None:
            continue
        if second.line.y0 - first.line.y1 > CONTINUATION_GAP * height:
            continue
        joined = finish_date(first, second)
        if joined is not None:
            first.date = joined
            first.description = [w for w in first.description if w not in first.date_cell]
            second.description = [w for w in second.description if w not in second.date_cell]
            second.date_cell = []


def _stacked_dates(layout: Layout) -> bool:
    """A date column titled with both dates one over the other (`Buchung` over `Valuta`):
    each row prints its booking date, and under it its value date."""
    index = layout.index(Role.DATE)
    if index is None:
        return False
    roles = {classify_title(word) for word in layout.columns[index].label.split()}
    return Role.DATE in roles and Role.VALUE_DATE in roles


def _value_date_line(
    row: RawRow, between: Sequence[Parsed], p: Parsed, gap: float, height: float
) -> bool:
    return (
        not between
        and len(row.lines) == 1
        and bool(row.money)
        and p.date is not None
        and not p.money
        and gap <= CONTINUATION_GAP * height
    )


MAX_BETWEEN = 4  # wrapped lines a row's date line and its figures line may hold between them


def _completes(
    row: RawRow,
    between: Sequence[Parsed],
    p: Parsed,
    gap: float,
    height: float,
    stacked: bool = False,
) -> bool:
    """A dated line without figures, then figures without a date, with at most a few wrapped
    lines between them set as tight as the row's own (`23 DIC RETIRO CAJERO` over `HSBC
    GUADALAJARA` over `TARJETA ****0309  3,600.00`): one row. Under a date column titled with
    two dates (`Zaúčtování` over `Provedení`) the figures' line has the second date."""
    if row.money or row.date is None or gap > height:
        return False
    if p.date is not None and not (stacked and not between and len(row.lines) == 1):
        return False
    if len(between) > MAX_BETWEEN:
        return False
    edge = row.y1
    for q in between:
        if q.line.y0 - edge > height:
            return False
        edge = q.line.y1
    return True
