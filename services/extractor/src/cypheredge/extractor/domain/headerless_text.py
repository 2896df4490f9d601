"""The text columns of a table read without a header: where they are, and which of them say
what a row was for (the description) and which only stand beside it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from cypheredge.extractor.domain.dates import DateOrder, parse_date
from cypheredge.extractor.domain.header import Column
from cypheredge.extractor.domain.lineparse import MARKERS, STATUS
from cypheredge.extractor.domain.lines import median
from cypheredge.extractor.domain.vocabulary import Role, fold
from cypheredge.extractor.domain.words import Word

GUTTER = 1.0  # x word height: text columns of a table stand at least this far apart
SUPPORT = 0.2  # share of rows a column must appear in
SAME = 0.8  # share of rows that makes a column constant, or all codes
FEW = 0.25  # distinct values per row below which a column is a category
_CODE = re.compile(r"^(?=.*\d)[A-Z0-9./_-]{4,}$")  # `0412/FTSCY/WS006591308`, `FT23115XK2`
_ID = re.compile(r"^[A-Z0-9]{8,}$")  # `RJUQDRZZIW`: a receipt number, letters only at times
_NUMBER = re.compile(r"^\d{1,4}\.?$")  # a row's number in its own column


def text_columns(
    texts: Sequence[Sequence[Word]], bands: Sequence[tuple[float, float]], order: DateOrder
) -> list[Column]:
    """Columns of the rows' `texts` (each row's words that are neither date nor figure),
    found band by band (`bands`: before the date, between date and figures, after them)."""
    words = [w for row in texts for w in row]
    if not words:
        return []
    gap = GUTTER * median([w.height for w in words], 10.0)
    out: list[Column] = []
    for lo, hi in bands:
        spans = _spans([w for w in words if lo <= w.x0 and w.x1 <= hi + gap], gap)
        here: list[Column] = []
        for x0, x1 in spans:
            cells = [" ".join(w.text for w in row if x0 <= w.x0 and w.x1 <= x1) for row in texts]
            filled = [c for c in cells if c]
            if len(filled) < max(2, SUPPORT * len(texts)):
                continue
            role, label = _role(filled, order)
            if here and role is Role.DESCRIPTION and here[-1].role is Role.DESCRIPTION:
                # Sub-columns of one cell (merchant, town, state): read line by line.
                here[-1] = Column(role, here[-1].x0, x1, "")
            else:
                here.append(Column(role, x0, x1, label))
        out += here
    return out


def _spans(words: Sequence[Word], gap: float) -> list[tuple[float, float]]:
    """Runs of x covered by some row's words, split where no row has a word for `gap`."""
    spans: list[tuple[float, float]] = []
    for word in sorted(words, key=lambda w: w.x0):
        if spans and word.x0 - spans[-1][1] < gap:
            spans[-1] = (spans[-1][0], max(spans[-1][1], word.x1))
        else:
            spans.append((word.x0, word.x1))
    return spans


def _role(cells: Sequence[str], order: DateOrder) -> tuple[Role, str]:
    """The column's role, and the title that tells the line parser where its text goes."""
    if sum(parse_date(c, order) is not None for c in cells) >= SAME * len(cells):
        return Role.VALUE_DATE, ""  # a second date on each row (posting, value)
    values = {fold(c) for c in cells}
    if values <= MARKERS.keys() and (len(values) > 1 or len(min(values)) > 1):
        # The side in a column of its own (`CR`, `Дебит`); a lone `-` or `D` is a placeholder
        # or a code, not a side.
        return Role.MARKER, ""
    counts = Counter(cells)
    if counts.most_common(1)[0][1] >= SAME * len(cells) and len(cells) >= 3:
        return Role.OTHER, STATUS  # the same word on every row (`Completed`) says nothing
    if sum(bool(_NUMBER.match(c)) for c in cells) >= SAME * len(cells):
        return Role.OTHER, STATUS  # the rows' numbers
    if sum(bool(_CODE.match(c) or _ID.match(c)) for c in cells) >= SAME * len(cells):
        return Role.REFERENCE, ""
    if len(cells) >= 6 and len(counts) <= FEW * len(cells):
        return Role.OTHER, "type"  # a few values over and over: a type, a card member
    return Role.DESCRIPTION, ""
