"""Document-wide conventions read before any row: decimal mark, date order, period, currency."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from cypheredge.extractor.domain.amounts import NO_DECIMALS, THREE_DECIMALS, infer_decimal_mark
from cypheredge.extractor.domain.dates import DateOrder, YearContext, infer_date_order
from cypheredge.extractor.domain.header import cell_gap
from cypheredge.extractor.domain.lineparse import Reading
from cypheredge.extractor.domain.lines import Line
from cypheredge.extractor.domain.metadata import (
    document_currency,
    find_period,
    month_period,
    statement_date,
    usual_year,
)
from cypheredge.extractor.domain.vocabulary import contains_phrase, fold
from cypheredge.extractor.domain.words import Word

CARD_PHRASES = (
    "card statement",
    "minimum payment",
    "credit limit",
    "payment due date",
    "minimum amount due",
    "available credit",
    "credit available",
    "cash advance limit",
    # A loan's balance is owed too, and its statement prints it the way a card's does.
    "loan statement",
    "mortgage statement",
    "your loan at a glance",
    "original loan amount",
    "remaining term",
    "loan account statement",
)
# Each alone proves little (a current account lists `VISA DEBIT` purchases); three together on
# the first page are a card's summary (`Previous Statement Balance`, `Purchases & Debits`, ...).
CARD_CUES = (
    "cash advances",
    "purchases",
    "new balance",
    "previous statement balance",
    "statement balance",
    "payments credits",
    "payments and credits",
    "payments and other credits",
    "interest charged",
    "visa",
    "mastercard",
    "american express",
    "card ending",
    "card number",
    "overlimit",
    "annual interest rate",
)
MDY_CURRENCIES = frozenset({"USD", "PHP"})


@dataclass(frozen=True, slots=True)
class DocContext:
    reading: Reading
    years: YearContext  # what fixes the year of dates printed without one
    currency: str | None
    card: bool
    period: tuple[date, date] | None = None  # as printed


def build_context(
    lines_by_page: Sequence[Sequence[Line]], created: date | None = None
) -> DocContext:
    words: list[Word] = [w for lines in lines_by_page for line in lines for w in line.words]
    texts = [w.text for w in words]
    mark = infer_decimal_mark(texts)
    currency = document_currency(words, mark)
    if currency in THREE_DECIMALS or currency in NO_DECIMALS:
        mark = infer_decimal_mark(texts, places=3 if currency in THREE_DECIMALS else 0)
    default = DateOrder.MDY if currency in MDY_CURRENCIES else DateOrder.DMY
    order = infer_date_order(texts, default)
    all_lines = [line for lines in lines_by_page for line in lines]
    period = find_period(all_lines, order) or month_period(all_lines)
    start, end = period if period else (None, None)
    years = YearContext(start, end, None if period else usual_year(words, order))
    if period is None and (
        dated := statement_date(lines_by_page[0] if lines_by_page else [], order)
    ):
        # No period printed: dates without a year fall in the weeks before the statement date.
        years = YearContext(dated - timedelta(days=45), dated, years.fallback_year)
    elif period is None and years.fallback_year is None and created is not None:
        # Nothing printed says when: the statement is of the year before the file was made.
        years = YearContext(created - timedelta(days=364), created)
    head = " ".join(line.text for line in all_lines[:300]).lower()
    first = fold(" ".join(line.text for line in lines_by_page[0])) if lines_by_page else ""
    cues = sum(1 for cue in CARD_CUES if contains_phrase(first, (cue,)))
    card = any(phrase in head for phrase in CARD_PHRASES) or cues >= 3
    reading = Reading(mark, order, cell_gap(all_lines))
    return DocContext(reading, years, currency, card, period)
