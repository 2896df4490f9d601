"""Columns whose titles the vocabulary cannot read, told by what their rows hold."""

from __future__ import annotations

from collections.abc import Sequence

from cypheredge.extractor.domain.columns import Kind, kind_of
from cypheredge.extractor.domain.header import Column, classify
from cypheredge.extractor.domain.headerless import MIN_ROWS
from cypheredge.extractor.domain.lines import Line
from cypheredge.extractor.domain.vocabulary import MOVEMENT_ROLES, Role
from cypheredge.extractor.domain.words import Word

PROBE = 8  # lines under a header looked at to tell what an unread title holds


def unread_amount(columns: tuple[Column, ...], below: Sequence[Line]) -> tuple[Column, ...]:
    """A dated table with a balance whose amount title we cannot read (Portuguese
    `Montante`, a word the vocabulary lacks): the untitled column before the balance whose
    rows hold figures is the amount."""
    roles = {c.role for c in columns}
    if not {Role.DATE, Role.BALANCE} <= roles or roles & MOVEMENT_ROLES:
        return columns
    balance = next(i for i, c in enumerate(columns) if c.role is Role.BALANCE)
    for i in range(balance - 1, -1, -1):
        column = columns[i]
        if column.role is not Role.OTHER or classify(column.label) is not None:
            continue
        filled = sum(any(_figure_under(w, column) for w in line.words) for line in below)
        if filled >= MIN_ROWS:
            amount = Column(Role.AMOUNT, column.x0, column.x1, column.label)
            return (*columns[:i], amount, *columns[i + 1 :])
        return columns
    return columns


def _figure_under(word: Word, column: Column) -> bool:
    strong = any(kind_of(word.text, mark) is Kind.STRONG for mark in (".", ","))
    return strong and word.x1 > column.x0 - column.width and word.x0 < column.x1 + column.width
