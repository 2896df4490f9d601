"""The money columns of a table read without a header: figures whose right edges line up,
the one table they belong to, and which column is which."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from cypheredge.extractor.domain.columns import Kind, kind_of, money_of
from cypheredge.extractor.domain.headerless_rows import ALIGN, DatedRow, has_text
from cypheredge.extractor.domain.vocabulary import Role
from cypheredge.extractor.domain.words import Word

SUPPORT = 0.2  # share of rows a column must appear in
SAME = 0.8  # share of a group's figures set in running text that makes it text
TEXT_GAP = 1.0  # x word height: a figure this close after a word is part of the text
MIXED = 0.95  # share of negative figures below which a column holds both signs


def clusters(rows: Sequence[DatedRow]) -> list[tuple[float, float]]:
    """Column spans from amounts that line up, left to right: by their right edges, as
    tables print figures, or by their left edges where a statement typed in a word
    processor set them after tab stops, whichever puts more of them in columns."""
    inline = {id(w) for row in rows for w in _in_text(row)}
    by_right, by_left = _groups(rows, _right, inline), _groups(rows, _left, inline)
    right_count = sum(len(g) for g in by_right[1])
    left_count = sum(len(g) for g in by_left[1])
    groups, strong = by_left if left_count > right_count else by_right
    if not strong:
        return []
    return _spans(rows, groups, strong)


def _right(word: Word) -> float:
    return word.x1


def _left(word: Word) -> float:
    return word.x0


def _groups(
    rows: Sequence[DatedRow], edge: Callable[[Word], float], inline: set[int]
) -> tuple[list[list[Word]], list[list[Word]]]:
    """Figures grouped by the edge they share, and the groups that show a column."""
    ordered = sorted((w for row in rows for w in row.amounts), key=edge)
    groups: list[list[Word]] = []
    for word in ordered:
        if groups and edge(word) - edge(groups[-1][-1]) <= ALIGN:
            groups[-1].append(word)
        else:
            groups.append([word])
    strong = [
        g
        for g in groups
        if len(g) >= max(2, SUPPORT * len(rows)) and sum(id(w) in inline for w in g) < SAME * len(g)
    ]
    return groups, strong


def _spans(
    rows: Sequence[DatedRow], groups: list[list[Word]], strong: list[list[Word]]
) -> list[tuple[float, float]]:
    where = {id(w): k for k, row in enumerate(rows) for w in row.amounts}
    strong = _one_table(strong, rows)
    groups = [g for g in groups if _within(g, strong)]
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


def _one_table(groups: list[list[Word]], rows: Sequence[DatedRow]) -> list[list[Word]]:
    """The columns of the table whose rows say what they were for: a second table printed
    below the first (daily balances under the transactions) shares none of its lines'
    heights, and its rows hold a date and figures only."""
    spans = sorted(((min(w.y0 for w in g), max(w.y1 for w in g), g) for g in groups), key=_top)
    tables: list[tuple[float, float, list[list[Word]]]] = []
    for top, bottom, group in spans:
        if tables and top < tables[-1][1]:
            t, b, members = tables[-1]
            tables[-1] = (t, max(b, bottom), [*members, group])
        else:
            tables.append((top, bottom, [group]))
    texted = {id(w) for row in rows if has_text(row) for w in row.amounts}

    def weight(table: tuple[float, float, list[list[Word]]]) -> tuple[int, int]:
        members = [w for g in table[2] for w in g]
        return sum(id(w) in texted for w in members), len(members)

    best = max(tables, key=weight)[2]
    return sorted(best, key=lambda g: g[0].x1)


def _top(span: tuple[float, float, list[Word]]) -> float:
    return span[0]


def _within(group: list[Word], table: list[list[Word]]) -> bool:
    top = min(w.y0 for g in table for w in g)
    bottom = max(w.y1 for g in table for w in g)
    return any(g is group for g in table) or top <= group[0].y0 <= bottom


def _in_text(row: DatedRow) -> list[Word]:
    """Figures set in the running text, a word space after a word (`POS 85,89 EUR`), not
    in a column of their own; only where the row has another figure to its right."""
    words = row.line.words
    out = []
    for word in row.amounts[:-1]:
        k = next((i for i, w in enumerate(words) if w.x0 >= word.x0), 0)
        before = words[k - 1] if k > 0 else None
        if before is None or before in row.date or kind_of(before.text, ".") is Kind.AUX:
            continue  # a sign or a currency printed apart (`- PKR70,604.80`) is the figure's
        if word.x0 - before.x1 < TEXT_GAP * word.height:
            out.append(word)
    return out


def _width(group: Sequence[Word]) -> float:
    return max(w.x1 for w in group) - min(w.x0 for w in group)


def roles(clusters: list[tuple[float, float]], rows: Sequence[DatedRow], mark: str) -> list[Role]:
    filled = [[_cell(row, a, b) for a, b in clusters] for row in rows]
    full_last = sum(f[-1] is not None for f in filled) >= 0.8 * len(rows)
    if len(clusters) == 1:
        return [Role.AMOUNT]
    negative = [_share_negative(filled, k, mark) for k in range(2)]
    if len(clusters) == 2:
        together = sum(_nonzero(f[0]) and _nonzero(f[1]) for f in filled)
        if together and (full_last or together >= SUPPORT * len(rows)):
            # A debit and a credit never share a row: figures side by side are an amount
            # and the balance after it (printed on every row, or at each day's end).
            return [Role.AMOUNT, Role.BALANCE]
        if 0 < negative[0] < MIXED:
            # Both signs in one column (`1.850,00-` and `915,60`): the movements, signed; the
            # other column is a balance printed on rows of its own (`SALDO DO DIA`).
            return [Role.AMOUNT, Role.BALANCE]
        return _sides(negative)
    return [*_sides(negative), Role.BALANCE]


def _nonzero(word: Word | None) -> bool:
    return word is not None and any(c in "123456789" for c in word.text)


def _sides(negative: Sequence[float]) -> list[Role]:
    """Debits then credits, as most banks print them, unless the figures say otherwise: the
    column printed with minus signs is the debits (M-PESA's `Paid In` before `Withdrawn`)."""
    if negative[1] > 0.5 >= negative[0]:
        return [Role.CREDIT, Role.DEBIT]
    return [Role.DEBIT, Role.CREDIT]


def _share_negative(filled: Sequence[Sequence[Word | None]], k: int, mark: str) -> float:
    """The share of column `k`'s figures printed negative (`-12.40`, `(12.40)`, `12.40-`,
    `12.40 DR`), as the amount parser reads them."""
    found = [money_of(word.text, mark) for row in filled if (word := row[k]) is not None]
    if not found:
        return 0.0
    return sum(m is not None and (m.sign < 0 or m.marker == "DR") for m in found) / len(found)


def _cell(row: DatedRow, a: float, b: float) -> Word | None:
    return next((w for w in row.amounts if a <= w.x1 <= b + ALIGN), None)
