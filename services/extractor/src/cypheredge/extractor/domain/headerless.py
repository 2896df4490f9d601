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

from cypheredge.extractor.domain.columns import Layout, make_layout
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

DATE_REACH = 0.6  # a row's date starts in the left part of the line (before its figures)


def infer_layout(lines: Sequence[Line], reading: Reading) -> Layout | None:
    """A layout for the dated lines among `lines`, or None when they do not form a table."""
    dated = [(k, found) for k, line in enumerate(lines) if (found := _date_words(line, reading))]
    if len(dated) < MIN_ROWS:
        return None
    anchor = _densest([found[0].x0 for _, found in dated])
    at_anchor = [(k, found) for k, found in dated if abs(found[0].x0 - anchor) <= ALIGN]
    rows = with_figures(lines, at_anchor, reading.decimal_mark)
    if len(rows) < MIN_ROWS:
        return None
    spans = clusters(rows)
    if not spans:
        return None
    date_x0 = min(row.date[0].x0 for row in rows)
    date_x1 = max(row.date[-1].x1 for row in rows)
    date_col = Column(Role.DATE, date_x0, date_x1, "")
    money = [
        Column(role, x0, x1, "") for role, (x0, x1) in zip(roles(spans, rows), spans, strict=True)
    ]
    texts = [[w for w in row.line.words if not taken(w, row)] for row in rows]
    bands = [(-1e9, date_x0 - 1), (date_x1 + 1, money[0].x0 - 1), (money[-1].x1 + 1, 1e9)]
    text = text_columns(texts, bands, reading.date_order)
    if not any(c.role is Role.DESCRIPTION for c in text):
        text = _with_description(text, date_x1, money[0].x0)
    columns = [date_col, *money, *text]
    columns.sort(key=lambda c: c.x0)
    top = rows[0].line.y0 - 0.5
    return make_layout(tuple(columns), top)


def same_figures(layout: Layout, previous: Layout) -> bool:
    """Whether every money column of `layout` stands where one of `previous` stood (right
    edges within ALIGN): the same table, read again on the next page."""
    money = [c for c in previous.columns if c.role in MONEY_ROLES]
    return all(
        any(abs(c.x1 - m.x1) <= ALIGN for m in money)
        for c in layout.columns
        if c.role in MONEY_ROLES
    )


def _with_description(text: list[Column], start: float, end: float) -> list[Column]:
    """No column reads as prose (a status, a category): the widest text column between the
    date and the figures is the description; with none there, the space between them, for
    the text that wrapped lines bring."""
    between = [c for c in text if c.x0 >= start and c.x1 <= end]
    if not between:
        return [*text, Column(Role.DESCRIPTION, start + 2, end - 2, "")]
    widest = max(between, key=lambda c: c.width)
    return [Column(Role.DESCRIPTION, c.x0, c.x1, "") if c is widest else c for c in text]


def _date_words(line: Line, reading: Reading) -> list[Word]:
    """The words of the first date on the line, where it starts before most of the line."""
    words = line.words
    limit = words[0].x0 + DATE_REACH * (line.x1 - words[0].x0)
    for k, word in enumerate(words):
        if word.x0 > limit:
            return []
        # `18 Dec` or `Dec 18`: a month name may start the date
        lettered = not any(c.isdigit() for c in word.text)
        if lettered and k + 1 < len(words) and not any(c.isdigit() for c in words[k + 1].text):
            continue
        date, used, rest = take_date(words[k : k + 3], words[k + 3 : k + 5], reading.date_order)
        if date is not None:
            count = len(words[k : k + 3]) - len(rest) + len(used)
            if count == 3 and _second_day(words[k + 2 :], reading):
                count = 2  # `09 JUN 09 JUN`: a second date starts with the third word
            if _ranged(words[k + count : k + count + 4], reading):
                return []  # `11/08/2024 - 10/09/2024`: a period (a summary's row), not a day
            return list(words[k : k + count])
    return []


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
