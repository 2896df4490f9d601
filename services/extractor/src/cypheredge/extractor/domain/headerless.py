"""Tables without a header we can read: columns inferred from the rows themselves.

A header in a language or wording we do not know, or none at all, still leaves the table's
shape in its rows: a date at the same x on each row, amounts whose right edges stack into
columns, text between them. Which money column is which follows from how they are filled (a
balance on every row, debits and credits never on the same row); the balance chain settles
the rest (see `balance.choose`). Text columns are told apart by the gutters between them: one
that repeats the same word on every row (`Completed`) or holds only codes (a receipt number)
is kept beside the description, every other one joins it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from cypheredge.extractor.domain.columns import Kind, Layout, kind_of, make_layout
from cypheredge.extractor.domain.header import Column
from cypheredge.extractor.domain.headerless_money import clusters, roles
from cypheredge.extractor.domain.headerless_rows import (
    ALIGN,
    MIN_ROWS,
    DatedRow,
    taken,
    with_figures,
)
from cypheredge.extractor.domain.headerless_text import text_columns
from cypheredge.extractor.domain.lineparse import Reading, take_date
from cypheredge.extractor.domain.lines import Line
from cypheredge.extractor.domain.months import MONTHS
from cypheredge.extractor.domain.vocabulary import MONEY_ROLES, Role
from cypheredge.extractor.domain.words import Word

__all__ = ["MIN_ROWS", "DatedRow", "infer_layout", "same_figures"]

GROUPED = 0.25  # undated rows per dated row that show a table printing each date once
DATE_REACH = 0.6  # a row's date starts in the left part of the line (before its figures)


def infer_layout(lines: Sequence[Line], reading: Reading) -> Layout | None:
    """A layout for the dated lines among `lines`, or None when they do not form a table:
    the date read first on each row, or (right-to-left tables: Arabic statements printed
    in English) last, its figures before it."""
    return _infer(lines, reading, rtl=False) or _infer(lines, reading, rtl=True)


def _infer(lines: Sequence[Line], reading: Reading, rtl: bool) -> Layout | None:
    dated = [
        (k, found) for k, line in enumerate(lines) if (found := _date_words(line, reading, rtl))
    ]
    if len(dated) < MIN_ROWS:
        return None
    anchor = _densest([found[0].x0 for _, found in dated])
    at_anchor = [(k, found) for k, found in dated if abs(found[0].x0 - anchor) <= ALIGN]
    rows = with_figures(lines, at_anchor, reading.decimal_mark, rtl)
    if len(rows) < MIN_ROWS:
        return None
    spans = clusters(rows)
    if not spans:
        return None
    date_x0 = min(row.date[0].x0 for row in rows)
    date_x1 = max(row.date[-1].x1 for row in rows)
    date_col = Column(Role.DATE, date_x0, date_x1, "")
    # Right to left, the columns run the other way: the balance is printed leftmost.
    ordered = spans[::-1] if rtl else spans
    money = [
        Column(role, x0, x1, "")
        for role, (x0, x1) in zip(roles(ordered, rows, reading.decimal_mark), ordered, strict=True)
    ]
    money.sort(key=lambda c: c.x0)
    texts = [[w for w in row.line.words if not taken(w, row)] for row in rows]
    bands = _bands([date_col, *money])
    text = text_columns(texts, bands, reading.date_order)
    if not any(c.role is Role.DESCRIPTION for c in text):
        text = _with_description(text, max(bands, key=lambda b: b[1] - b[0]))
    columns = [date_col, *money, *text]
    columns.sort(key=lambda c: c.x0)
    top = _text_above(lines, rows[0].line, date_x1, reading.decimal_mark) - 0.5
    layout = make_layout(tuple(columns), top)
    grouped = _undated_rows(lines, rows, money, reading.decimal_mark)
    # A few such lines are sub-totals (a card member's); a day's later rows are many.
    return replace(layout, day_groups=grouped >= max(MIN_ROWS, GROUPED * len(rows)))


WRAP_GAP = 0.8  # x word height: wrapped lines of one cell stand at most this far apart


def _text_above(lines: Sequence[Line], first: Line, date_x1: float, mark: str) -> float:
    """Where the table begins: at its first dated line, or above it where text set tight over
    that line, right of the dates and without figures, is the first row's wrapped description
    (`SOCIALPAY ШИЛЖҮҮЛЭГ` over `2025.03.07 ОЮУНЧИМЭГ БАТ  4,200,000.00`)."""
    top = first.y0
    above = [ln for ln in lines if ln.y1 <= first.y0]
    for line in sorted(above, key=lambda ln: ln.y0, reverse=True):
        height = max(w.height for w in line.words)
        if top - line.y1 > WRAP_GAP * height or min(w.x0 for w in line.words) <= date_x1:
            break
        if any(kind_of(w.text, mark) is not Kind.TEXT for w in line.words):
            break
        top = line.y0
    return top


def _undated_rows(
    lines: Sequence[Line], rows: Sequence[DatedRow], money: Sequence[Column], mark: str
) -> int:
    """Lines among the dated rows with a running balance and no date of their own: the
    later rows of a day whose first row alone prints the date. (A sub-total line, such as a
    card member's, prints no balance.)"""
    balance = [c for c in money if c.role is Role.BALANCE]
    if not balance:
        return 0
    dated = {id(row.line.words[0]) for row in rows}
    top, bottom = rows[0].line.y0, rows[-1].line.y1
    count = 0
    for line in lines:
        if not top < line.y0 < bottom or id(line.words[0]) in dated:
            continue
        figures = [w for w in line.words if kind_of(w.text, mark) is Kind.STRONG]
        if any(abs(w.x1 - c.x1) <= ALIGN for w in figures for c in balance):
            count += 1
    return count


def _bands(taken: Sequence[Column]) -> list[tuple[float, float]]:
    """The stretches of the line left between the date and money columns."""
    edges = sorted((c.x0, c.x1) for c in taken)
    bands, start = [], -1e9
    for x0, x1 in edges:
        if x0 - 1 > start:
            bands.append((start, x0 - 1))
        start = max(start, x1 + 1)
    bands.append((start, 1e9))
    return bands


def same_figures(layout: Layout, previous: Layout) -> bool:
    """Whether every money column of `layout` stands where one of `previous` stood (right
    edges within ALIGN): the same table, read again on the next page."""
    money = [c for c in previous.columns if c.role in MONEY_ROLES]
    return all(
        any(abs(c.x1 - m.x1) <= ALIGN for m in money)
        for c in layout.columns
        if c.role in MONEY_ROLES
    )


def _with_description(text: list[Column], band: tuple[float, float]) -> list[Column]:
    """No column reads as prose (a status, a category): the widest text column in the widest
    stretch between dates and figures is the description; with none there, the stretch
    itself, for the text that wrapped lines bring."""
    start, end = max(band[0], -1e6), min(band[1], 1e6)
    between = [c for c in text if c.x0 >= start and c.x1 <= end]
    if not between:
        return [*text, Column(Role.DESCRIPTION, start + 1, end - 1, "")]
    widest = max(between, key=lambda c: c.width)
    return [Column(Role.DESCRIPTION, c.x0, c.x1, "") if c is widest else c for c in text]


def _date_words(line: Line, reading: Reading, rtl: bool) -> list[Word]:
    """The words of the line's first date, where it starts before most of the line; or, in
    a right-to-left table, of its last date."""
    words = line.words
    if rtl:
        # Only a date ending the line counts, and a date spans at most five words: the last
        # date that starts among the last five is the one (earlier ones cannot end it).
        for k in range(len(words) - 1, max(len(words) - 6, -1), -1):
            if found := _date_at(words, k, reading):
                return found if found[-1] is words[-1] else []
        return []
    limit = words[0].x0 + DATE_REACH * (line.x1 - words[0].x0)
    for k, word in enumerate(words):
        if word.x0 > limit:
            return []
        found = _date_at(words, k, reading)
        if found is not None:
            return found
    return []


def _date_at(words: Sequence[Word], k: int, reading: Reading) -> list[Word] | None:
    """The date starting at word `k` ([] for a period's first date), or None."""
    # `18 Dec` or `Dec 18`: a month name may start the date
    lettered = not any(c.isdigit() for c in words[k].text)
    if lettered and k + 1 < len(words) and not any(c.isdigit() for c in words[k + 1].text):
        return None
    date, used, rest = take_date(words[k : k + 3], words[k + 3 : k + 5], reading.date_order)
    if date is None:
        return None
    count = len(words[k : k + 3]) - len(rest) + len(used)
    if count == 3 and _second_day(words[k + 2 :], reading):
        count = 2  # `09 JUN 09 JUN`: a second date starts with the third word
    if _ranged(words[k + count : k + count + 4], reading):
        return []  # `11/08/2024 - 10/09/2024`: a period (a summary's row), not a day
    return list(words[k : k + count])


def _second_day(words: Sequence[Word], reading: Reading) -> bool:
    if len(words) < 2 or not words[0].text.isdigit() or len(words[0].text) > 2:
        return False
    return words[1].text.lower().strip(".,") in MONTHS


_RANGE = frozenset(("-", "–", "—", "to", "bis", "au", "al", "a", "hasta", "até", "do", "~"))


def _ranged(following: Sequence[Word], reading: Reading) -> bool:
    if len(following) < 2 or following[0].text.lower() not in _RANGE:
        return False
    return take_date(following[1:4], [], reading.date_order)[0] is not None


def _densest(xs: Sequence[float]) -> float:
    """The x most values sit within ALIGN of."""
    ordered = sorted(xs)
    best, best_x, start = 0, ordered[0], 0
    for end, x in enumerate(ordered):
        while x - ordered[start] > ALIGN:
            start += 1
        if end - start + 1 > best:
            best, best_x = end - start + 1, ordered[start]
    return best_x
