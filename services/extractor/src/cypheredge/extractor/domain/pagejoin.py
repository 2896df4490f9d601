"""Rows a page break cut in two, joined again.

A description may run on at the top of the next page (`SEQ# 0087` under the repeated header),
and a row may even leave its figures there (its date and text at the foot of one page, `pages
0.00` at the head of the next). Pages are read one at a time, so the pieces are put back
together here, on copies: the same page readings are assembled several times while the cascade
compares readings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from cypheredge.extractor.domain.lineparse import Parsed
from cypheredge.extractor.domain.page import PageParse
from cypheredge.extractor.domain.rows import RawRow, RowKind, classify


def join_pages(pages: Sequence[PageParse]) -> list[PageParse]:
    """`pages` with continued rows completed; untouched pages are returned as they are."""
    out = list(pages)
    for k in range(1, len(out)):
        page = out[k]
        found = _last_row(out, k)
        if found is None:
            continue
        before, index = found
        last = out[before].rows[index]
        if page.head and last.kind is RowKind.TXN:
            joined = _copy(last, [*last.lines, *page.head])
            out[before] = _with_row(out[before], index, joined)
        elif page.rows and _split_row(last, page.rows[0]):
            first = page.rows[0]
            joined = _copy(last, [*last.lines, *first.lines], first)
            joined.kind = classify(joined, True)
            out[before] = _with_row(out[before], index, joined)
            out[k] = replace(page, rows=page.rows[1:])
    return out


def _last_row(pages: Sequence[PageParse], k: int) -> tuple[int, int] | None:
    """The last row before page `k` (pages without rows, such as notices, are skipped)."""
    for before in range(k - 1, -1, -1):
        if pages[before].rows:
            return before, len(pages[before].rows) - 1
    return None


def _split_row(last: RawRow, first: RawRow) -> bool:
    """A dated row without figures, then figures without a date: one row over the break."""
    return (
        last.kind is RowKind.INVALID
        and last.date is not None
        and not last.money
        and first.date is None
        and first.movement
    )


def _copy(row: RawRow, lines: list[Parsed], figures: RawRow | None = None) -> RawRow:
    money = dict(row.money) if figures is None else {**row.money, **figures.money}
    return RawRow(
        row.page,
        lines,
        row.section,
        row.kind,
        row.account,
        row.method,
        money,
        row.inferred,
    )


def _with_row(page: PageParse, index: int, row: RawRow) -> PageParse:
    rows = list(page.rows)
    rows[index] = row
    return replace(page, rows=rows)
