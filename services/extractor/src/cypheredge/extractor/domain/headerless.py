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
from dataclasses import dataclass

from cypheredge.extractor.domain.columns import Kind, Layout, kind_of, make_layout
from cypheredge.extractor.domain.header import Column
from cypheredge.extractor.domain.headerless_text import text_columns
from cypheredge.extractor.domain.lineparse import Reading, take_date
from cypheredge.extractor.domain.lines import Line
from cypheredge.extractor.domain.vocabulary import Role
from cypheredge.extractor.domain.words import Word

MIN_ROWS = 3
ALIGN = 6.0  # points: right edges (or date starts) this close belong to one column
SUPPORT = 0.2  # share of rows a column must appear in
DATE_REACH = 0.6  # a row's date starts in the left part of the line (before its figures)


@dataclass(frozen=True, slots=True)
class _Row:
    line: Line
    date: list[Word]  # the words of the row's date
    amounts: list[Word]  # figures right of the date


def infer_layout(lines: Sequence[Line], reading: Reading) -> Layout | None:
    """A layout for the dated lines among `lines`, or None when they do not form a table."""
    dated = [(line, found) for line in lines if (found := _date_words(line, reading))]
    if len(dated) < MIN_ROWS:
        return None
    anchor = _densest([found[0].x0 for _, found in dated])
    at_anchor = [(ln, found) for ln, found in dated if abs(found[0].x0 - anchor) <= ALIGN]
    rows = _with_figures(at_anchor, reading.decimal_mark)
    if len(rows) < MIN_ROWS:
        return None
    clusters = _clusters(rows)
    if not clusters:
        return None
    date_x0 = min(row.date[0].x0 for row in rows)
    date_x1 = max(row.date[-1].x1 for row in rows)
    date_col = Column(Role.DATE, date_x0, date_x1, "")
    money = [
        Column(role, x0, x1, "")
        for role, (x0, x1) in zip(_roles(clusters, rows), clusters, strict=True)
    ]
    taken = {id(w) for row in rows for w in [*row.date, *row.amounts]}
    texts = [[w for w in row.line.words if id(w) not in taken] for row in rows]
    bands = [(-1e9, date_x0 - 1), (date_x1 + 1, money[0].x0 - 1), (money[-1].x1 + 1, 1e9)]
    columns = [date_col, *money, *text_columns(texts, bands, reading.date_order)]
    if not any(c.role is Role.DESCRIPTION for c in columns):
        # Nothing but dates and figures on the rows: wrapped lines may still bring text.
        columns.append(Column(Role.DESCRIPTION, date_x1 + 2, money[0].x0 - 2, ""))
    columns.sort(key=lambda c: c.x0)
    top = rows[0].line.y0 - 0.5
    return make_layout(tuple(columns), top)


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
            if _ranged(words[k + count : k + count + 4], reading):
                return []  # `11/08/2024 - 10/09/2024`: a period (a summary's row), not a day
            return list(words[k : k + count])
    return []


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


def _with_figures(dated: Sequence[tuple[Line, list[Word]]], mark: str) -> list[_Row]:
    """Dated lines with figures right of their date: decimals where the statement prints
    them; whole numbers where none of its rows does (yen, won, forints)."""
    rows = [_Row(ln, found, _figures(ln, found, mark, Kind.STRONG)) for ln, found in dated]
    if sum(bool(r.amounts) for r in rows) >= MIN_ROWS:
        return [r for r in rows if r.amounts]
    rows = [_Row(ln, found, _figures(ln, found, mark, Kind.WEAK)) for ln, found in dated]
    return [r for r in rows if r.amounts]


def _figures(line: Line, date: list[Word], mark: str, kind: Kind) -> list[Word]:
    end = date[-1].x1
    out: list[Word] = []
    for word in line.words:
        if word.x0 <= end or word in date:
            continue
        found = kind_of(word.text, mark)
        if found is Kind.STRONG or (kind is Kind.WEAK and found is Kind.WEAK):
            out.append(word)
    return out


def _clusters(rows: Sequence[_Row]) -> list[tuple[float, float]]:
    """Column spans from amounts whose right edges line up, left to right."""
    where = {id(w): k for k, row in enumerate(rows) for w in row.amounts}
    ordered = sorted((w for row in rows for w in row.amounts), key=lambda w: w.x1)
    groups: list[list[Word]] = []
    for word in ordered:
        if groups and word.x1 - groups[-1][-1].x1 <= ALIGN:
            groups[-1].append(word)
        else:
            groups.append([word])
    strong = [g for g in groups if len(g) >= max(2, SUPPORT * len(rows))]
    if not strong:
        return []
    # A column used once (one deposit in a short table) counts when it sits among the others,
    # or right before them and never on a row of the one beside it (credits beside debits);
    # a figure inside the text (`USD 243.35`) shares its row with the row's amount.
    first = strong[0]
    beside = {where[id(w)] for w in first}
    left = min(w.x0 for g in strong for w in g)

    def kept(group: list[Word]) -> bool:
        if group in strong or group[0].x1 > left:
            return True
        alone = not any(where[id(w)] in beside for w in group)
        return alone and first[0].x0 - max(w.x1 for w in group) < 3 * _width(first)

    chosen = [g for g in groups if kept(g)]
    return [(min(w.x0 for w in g), max(w.x1 for w in g)) for g in chosen][-3:]


def _width(group: Sequence[Word]) -> float:
    return max(w.x1 for w in group) - min(w.x0 for w in group)


def _roles(clusters: list[tuple[float, float]], rows: Sequence[_Row]) -> list[Role]:
    filled = [[_cell(row, a, b) for a, b in clusters] for row in rows]
    full_last = sum(f[-1] is not None for f in filled) >= 0.8 * len(rows)
    if len(clusters) == 1:
        return [Role.AMOUNT]
    if len(clusters) == 2:
        together = sum(f[0] is not None and f[1] is not None for f in filled)
        if full_last and together:
            return [Role.AMOUNT, Role.BALANCE]
        return _sides(filled, 0, 1)
    return [*_sides(filled, 0, 1), Role.BALANCE]


def _sides(filled: Sequence[Sequence[Word | None]], a: int, b: int) -> list[Role]:
    """Debits then credits, as most banks print them, unless the figures say otherwise: the
    column printed with minus signs is the debits (M-PESA's `Paid In` before `Withdrawn`)."""
    if _negative(filled, b) and not _negative(filled, a):
        return [Role.CREDIT, Role.DEBIT]
    return [Role.DEBIT, Role.CREDIT]


def _negative(filled: Sequence[Sequence[Word | None]], k: int) -> bool:
    texts = [word.text for row in filled if (word := row[k]) is not None]
    return bool(texts) and sum(t.lstrip("(")[:1] in "-−" for t in texts) > 0.5 * len(texts)


def _cell(row: _Row, a: float, b: float) -> Word | None:
    return next((w for w in row.amounts if a <= w.x1 <= b + ALIGN), None)
