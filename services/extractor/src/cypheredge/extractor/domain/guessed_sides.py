"""Sides of a table whose header could not be read, told by the same table's header where
another page prints it.

A header the scan lost (`Bij` and `Af`, two faint short words) leaves its page's columns
to be inferred from the rows, and an inferred pair of money columns is taken for debit then
credit, the order most banks print. Where the statement prints its header readably on
another page with the pair the other way round (`Bij` before `Af`, credit first) at the
same places, the guessed page's rows take that page's sides: the same bank prints one
table one way. Without a balance column nothing else on the page could tell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from cypheredge.extractor.domain.columns import Layout
from cypheredge.extractor.domain.header import Column
from cypheredge.extractor.domain.rawrow import RawRow
from cypheredge.extractor.domain.vocabulary import Role

Guessed = tuple[Layout, list[RawRow]]
SIDES = (Role.DEBIT, Role.CREDIT)


def align_guessed_sides(titled: Sequence[Layout], guessed: list[Guessed]) -> None:
    """Swap debit and credit in the rows of each `guessed` table whose money columns stand
    where every `titled` table with both prints the other side; each entry of `guessed` is
    given its swapped layout, so a second call changes nothing."""
    pairs = [layout for layout in titled if not layout.inferred and _sides(layout) is not None]
    orders = {_debit_first(layout) for layout in pairs}
    if len(orders) != 1:
        return  # no header read on any page, or headers that disagree
    for k, (layout, rows) in enumerate(guessed):
        if _sides(layout) is None or _debit_first(layout) in orders:
            continue
        if not any(_mirrors(layout, other) for other in pairs):
            continue
        for row in rows:
            debit, credit = row.money.pop(Role.DEBIT, None), row.money.pop(Role.CREDIT, None)
            if credit is not None:
                row.money[Role.DEBIT] = credit
            if debit is not None:
                row.money[Role.CREDIT] = debit
        guessed[k] = (_swapped(layout), rows)


def _sides(layout: Layout) -> tuple[Column, Column] | None:
    debit, credit = (layout.index(role) for role in SIDES)
    if debit is None or credit is None:
        return None
    return layout.columns[debit], layout.columns[credit]


def _debit_first(layout: Layout) -> bool:
    sides = _sides(layout)
    assert sides is not None
    return sides[0].x0 < sides[1].x0


def _mirrors(guessed: Layout, titled: Layout) -> bool:
    """Whether the guessed debit column stands over the titled credit one and the other way."""
    mine, theirs = _sides(guessed), _sides(titled)
    assert mine is not None
    assert theirs is not None
    return _over(mine[0], theirs[1]) and _over(mine[1], theirs[0])


def _over(a: Column, b: Column) -> bool:
    """Whether two columns share their span, a title narrower than its figures allowed for."""
    slack = max(a.width, b.width)
    return a.x0 - slack < b.x1 and b.x0 - slack < a.x1


def _swapped(layout: Layout) -> Layout:
    roles = {Role.DEBIT: Role.CREDIT, Role.CREDIT: Role.DEBIT}
    columns = tuple(replace(c, role=roles.get(c.role, c.role)) for c in layout.columns)
    return replace(layout, columns=columns)
