"""Document-wide conventions read before any row: decimal mark, date order, period, currency."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from cypheredge.extractor.domain.amounts import infer_decimal_mark
from cypheredge.extractor.domain.dates import DateOrder, YearContext, infer_date_order
from cypheredge.extractor.domain.header import cell_gap
from cypheredge.extractor.domain.lineparse import Reading
from cypheredge.extractor.domain.lines import Line
from cypheredge.extractor.domain.metadata import (
    document_currency,
    find_period,
    statement_date,
    usual_year,
)
from cypheredge.extractor.domain.words import Word

CARD_PHRASES = (
    "card statement",
    "minimum payment",
    "credit limit",
    "payment due date",
    "minimum amount due",
)
MDY_CURRENCIES = frozenset({"USD", "PHP"})


@dataclass(frozen=True, slots=True)
class DocContext:
    reading: Reading
    years: YearContext  # what fixes the year of dates printed without one
    currency: str | None
    card: bool
    period: tuple[date, date] | None = None  # as printed


def build_context(lines_by_page: Sequence[Sequence[Line]]) -> DocContext:
    words: list[Word] = [w for lines in lines_by_page for line in lines for w in line.words]
    texts = [w.text for w in words]
    mark = infer_decimal_mark(texts)
    currency = document_currency(words, mark)
    default = DateOrder.MDY if currency in MDY_CURRENCIES else DateOrder.DMY
    order = infer_date_order(texts, default)
    all_lines = [line for lines in lines_by_page for line in lines]
    period = find_period(all_lines, order)
    start, end = period if period else (None, None)
    years = YearContext(start, end, None if period else usual_year(words, order))
    if period is None and (
        dated := statement_date(lines_by_page[0] if lines_by_page else [], order)
    ):
        # No period printed: dates without a year fall in the weeks before the statement date.
        years = YearContext(dated - timedelta(days=45), dated, years.fallback_year)
    head = " ".join(line.text for line in all_lines[:300]).lower()
    card = any(phrase in head for phrase in CARD_PHRASES)
    reading = Reading(mark, order, cell_gap(all_lines))
    return DocContext(reading, years, currency, card, period)
