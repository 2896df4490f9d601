"""Tables without a header: columns inferred from dated lines and the x-alignment of amounts.

When no title line names the columns, lines that start with a date and end in amounts still
give the table away: the amounts' right edges stack into columns. Which column is which follows
from how they are filled (a balance on every row, debits and credits never on the same row);
the balance chain settles the rest (see `balance.choose`).
"""

from __future__ import annotations

from collections.abc import Sequence

from cypheredge.extractor.domain.columns import Kind, Layout, kind_of, make_layout
from cypheredge.extractor.domain.header import Column
from cypheredge.extractor.domain.lineparse import Reading, take_date
from cypheredge.extractor.domain.lines import Line
from cypheredge.extractor.domain.vocabulary import Role
from cypheredge.extractor.domain.words import Word

MIN_ROWS = 3
ALIGN = 6.0  # points: right edges this close belong to one column
SUPPORT = 0.2  # share of rows a column must appear in


def infer_layout(lines: Sequence[Line], reading: Reading) -> Layout | None:
    """A layout for the dated lines among `lines`, or None when they do not form a table."""
    rows: list[tuple[Line, list[Word], list[Word]]] = []
    for line in lines:
        date, _, rest = take_date(line.words[:3], [], reading.date_order)
        if date is None:
            continue
        used = line.words[: len(line.words[:3]) - len(rest)]
        amounts = [
            w
            for w in line.words[len(used) :]
            if kind_of(w.text, reading.decimal_mark) is Kind.STRONG
        ]
        if amounts:
            rows.append((line, used, amounts))
    if len(rows) < MIN_ROWS or not _aligned([used[0].x0 for _, used, _ in rows]):
        return None
    clusters = _clusters([w for _, _, amounts in rows for w in amounts], len(rows))
    if not clusters:
        return None
    date_x1 = max(used[-1].x1 for _, used, _ in rows)
    date_col = Column(Role.DATE, min(used[0].x0 for _, used, _ in rows), date_x1, "")
    desc_col = Column(Role.DESCRIPTION, date_x1 + 2, min(c[0] for c in clusters) - 2, "")
    money = [
        Column(role, x0, x1, "")
        for role, (x0, x1) in zip(_roles(clusters, rows), clusters, strict=True)
    ]
    top = rows[0][0].y0 - 0.5
    return make_layout((date_col, desc_col, *money), top)


def _aligned(xs: Sequence[float]) -> bool:
    xs = sorted(xs)
    return xs[-1] - xs[0] <= 3 * ALIGN or xs[len(xs) // 2] - xs[0] <= ALIGN


def _clusters(words: Sequence[Word], n_rows: int) -> list[tuple[float, float]]:
    """Column spans from amounts whose right edges line up, left to right."""
    ordered = sorted(words, key=lambda w: w.x1)
    groups: list[list[Word]] = []
    for word in ordered:
        if groups and word.x1 - groups[-1][-1].x1 <= ALIGN:
            groups[-1].append(word)
        else:
            groups.append([word])
    strong = [g for g in groups if len(g) >= max(2, SUPPORT * n_rows)]
    if not strong:
        return []
    # A column used once (one deposit in a short table) counts when it sits among the others.
    left = min(w.x0 for g in strong for w in g)
    kept = [g for g in groups if g in strong or g[0].x1 > left]
    return [(min(w.x0 for w in g), max(w.x1 for w in g)) for g in kept][-3:]


def _roles(
    clusters: list[tuple[float, float]], rows: Sequence[tuple[Line, list[Word], list[Word]]]
) -> list[Role]:
    filled = [
        [any(a <= w.x1 <= b + ALIGN for w in amounts) for a, b in clusters]
        for _, _, amounts in rows
    ]
    full_last = sum(f[-1] for f in filled) >= 0.8 * len(rows)
    if len(clusters) == 1:
        return [Role.AMOUNT]
    if len(clusters) == 2:
        together = sum(f[0] and f[1] for f in filled)
        if full_last and together:
            return [Role.AMOUNT, Role.BALANCE]
        return [Role.DEBIT, Role.CREDIT]
    return [Role.DEBIT, Role.CREDIT, Role.BALANCE]
