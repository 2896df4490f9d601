"""Document-wide conventions read before any row: decimal mark, date order, period, currency."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cypheredge.extractor.domain.amounts import infer_decimal_mark
from cypheredge.extractor.domain.dates import DateOrder, YearContext, infer_date_order
from cypheredge.extractor.domain.lineparse import Reading
from cypheredge.extractor.domain.lines import Line
from cypheredge.extractor.domain.metadata import document_currency, find_period, usual_year
from cypheredge.extractor.domain.words import Word

CARD_PHRASES = ("credit card", "card statement", "minimum payment", "credit limit",
                "payment due date", "minimum amount due")  # fmt: skip
MDY_CURRENCIES = frozenset({"USD", "PHP"})


@dataclass(frozen=True, slots=True)
class DocContext:
    reading: Reading
    years: YearContext
    currency: str | None
    card: bool


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
    head = " ".join(line.text for line in all_lines[:300]).lower()
    card = any(phrase in head for phrase in CARD_PHRASES)
    return DocContext(Reading(mark, order), years, currency, card)
