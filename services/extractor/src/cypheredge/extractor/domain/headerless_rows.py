"""The rows of a table read without a header: each dated line with its figures (on its own
line or on one of the few under it), the figures with the signs and markers printed apart."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cypheredge.extractor.domain.amounts import DAY_MONTH
from cypheredge.extractor.domain.columns import GROUPS, Kind, kind_of
from cypheredge.extractor.domain.lines import Line
from cypheredge.extractor.domain.words import Word, least_confidence

MIN_ROWS = 3
ALIGN = 6.0  # points: right edges (or date starts) this close belong to one column
MAX_BETWEEN = 4  # lines a row's date line and its figures line may have between them
_MARKERS = frozenset(("CR", "DR", "DB", "C", "D", "-", "+"))
_SIGNS = frozenset(("-", "+", "−"))
_TRIPLE = re.compile(r"^\d{3}$")
_UNGROUPED = re.compile(r"^[-+−]?\d{4,}$")
_LEADING = re.compile(r"^[-+−]?\d{1,3}(?: \d{3})*$")


@dataclass(frozen=True, slots=True)
class DatedRow:
    line: Line
    date: list[Word]  # the words of the row's date
    amounts: list[Word]  # figures right of the date


def with_figures(
    lines: Sequence[Line], dated: Sequence[tuple[int, list[Word]]], mark: str, rtl: bool = False
) -> list[DatedRow]:
    """Dated lines with figures right of their date: decimals where the statement prints
    them; whole numbers where none of its rows does (yen, won, forints)."""
    rows = [_row(lines, k, found, mark, Kind.STRONG, rtl) for k, found in dated]
    if sum(bool(r.amounts) for r in rows) < MIN_ROWS and not rtl:
        rows = _grouped_only([_row(lines, k, found, mark, Kind.WEAK) for k, found in dated])
    return [r for r in rows if r.amounts]


def _grouped_only(rows: list[DatedRow]) -> list[DatedRow]:
    """Where the rows' whole numbers are grouped (`-19.653`, `2 411 190`), a run of four or
    more digits without a group is a reference (`901009`), not a figure."""
    if not any(_grouped(a.text) for r in rows for a in r.amounts):
        return rows
    return [
        DatedRow(r.line, r.date, [a for a in r.amounts if not _UNGROUPED.match(a.text)])
        for r in rows
    ]


def _row(
    lines: Sequence[Line], k: int, date: list[Word], mark: str, kind: Kind, rtl: bool = False
) -> DatedRow:
    """The row dated on line `k`: its figures on that line, or on the first of the next few
    undated lines that has some (`22 DIC LIVERPOOL` over `AUT 282529919 ... 2,238.48`)."""
    line = lines[k]
    amounts = _figures(line, date, mark, kind, rtl)
    if amounts or rtl:
        return DatedRow(line, date, amounts)
    for nxt in lines[k + 1 : k + 1 + MAX_BETWEEN]:
        if nxt.y0 - line.y1 > 2 * nxt.words[0].height:
            break
        if nxt.words[0].x0 < date[-1].x1 and _starts_dated(nxt, date):
            break  # the next row
        amounts = _figures(nxt, date, mark, kind)
        if amounts:
            merged = Line.of(sorted([*line.words, *nxt.words], key=lambda w: w.x0))
            return DatedRow(merged, date, amounts)
        line = nxt
    return DatedRow(lines[k], date, [])


def _starts_dated(line: Line, date: list[Word]) -> bool:
    first = line.words[0]
    return abs(first.x0 - date[0].x0) <= ALIGN and any(c.isdigit() for c in first.text)


def _figures(line: Line, date: list[Word], mark: str, kind: Kind, rtl: bool = False) -> list[Word]:
    """The line's figures after its date (before it, right to left), each read with the sign
    printed before it and the marker after it (`- PKR70,604.80`, `1,690.36 CR`: the cell's
    edges are theirs)."""
    end, start = date[-1].x1, date[0].x0
    words = _spaced_groups(line.words)
    out: list[Word] = []
    for k, word in enumerate(words):
        if word in date or (word.x1 >= start if rtl else word.x0 <= end):
            continue
        found = kind_of(word.text, mark)
        if found is Kind.STRONG and _foreign_day(word.text, mark):
            continue  # `10.07` where decimals follow a comma: a value date's day and month
        if found is Kind.STRONG or (kind is Kind.WEAK and found is Kind.WEAK):
            out.append(_with_marks(word, words, k, date))
    return out


def _grouped(text: str) -> bool:
    """A whole number with its groups, a marker after it or not (`2 411 190 D`)."""
    return GROUPS.match(text) is not None or GROUPS.match(text.rsplit(" ", 1)[0]) is not None


def _foreign_day(text: str, mark: str) -> bool:
    shape = DAY_MONTH.match(text)
    return shape is not None and shape.group("sep") != mark


def _spaced_groups(words: Sequence[Word]) -> Sequence[Word]:
    """Whole numbers grouped by spaces (`2 411 190` francs CFA, forints) as one word each:
    a leading group of one to three digits, then groups of three a word space apart."""
    if not any(_TRIPLE.match(w.text) for w in words):
        return words
    out: list[Word] = []
    for word in words:
        last = out[-1] if out else None
        if (
            last is not None
            and _TRIPLE.match(word.text)
            and _LEADING.match(last.text)
            and word.x0 - last.x1 <= 0.6 * max(word.height, 1.0)
        ):
            text = f"{last.text} {word.text}"
            joined = least_confidence((last, word))
            out[-1] = Word(
                text, last.x0, min(last.y0, word.y0), word.x1, last.y1, word.page, joined
            )
        else:
            out.append(word)
    return out


def _with_marks(word: Word, words: Sequence[Word], k: int, date: list[Word]) -> Word:
    touch = 0.6 * word.height
    after = words[k + 1] if k + 1 < len(words) else None
    if after is not None and after.text.upper() in _MARKERS and after.x0 - word.x1 <= touch:
        joined = least_confidence((word, after))
        word = Word(
            f"{word.text} {after.text}", word.x0, word.y0, after.x1, word.y1, word.page, joined
        )
    before = words[k - 1] if k > 0 else None
    signed = before is not None and before.text in _SIGNS and before not in date
    if before is not None and signed and word.x0 - before.x1 <= touch:
        text = f"{before.text}{word.text}"
        word = Word(
            text, before.x0, word.y0, word.x1, word.y1, word.page, least_confidence((before, word))
        )
    return word


def taken(word: Word, row: DatedRow) -> bool:
    """Part of the row's date or of one of its figures (a marker printed after it too)."""
    return word in row.date or any(a.x0 <= word.x0 and word.x1 <= a.x1 for a in row.amounts)


def has_text(row: DatedRow) -> bool:
    return any(not taken(w, row) and any(c.isalpha() for c in w.text) for w in row.line.words)
