"""A table row as printed, and what kind of row it is (a transaction, a balance, a total)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from cypheredge.extractor.domain.amounts import Money
from cypheredge.extractor.domain.dates import PartialDate
from cypheredge.extractor.domain.lineparse import Parsed
from cypheredge.extractor.domain.vocabulary import (
    CARRY_PHRASES,
    CLOSING_PHRASES,
    MOVEMENT_ROLES,
    OPENING_PHRASES,
    SUMMARY_PHRASES,
    TALLY,
    TRAILING_TOTALS,
    Role,
    contains_phrase,
    fold,
    starts_with_phrase,
)
from cypheredge.extractor.domain.words import BBox, Word, least_confidence, union_bbox


class RowKind(StrEnum):
    TXN = "txn"
    OPENING = "opening"
    CLOSING = "closing"
    SUMMARY = "summary"
    INVALID = "invalid"  # a date or a balance without a readable movement


@dataclass(slots=True)
class RawRow:
    """A row as printed, before normalisation."""

    page: int
    lines: list[Parsed]
    section: int = 0
    kind: RowKind = RowKind.TXN
    account: int = 0
    method: str = ""
    money: dict[Role, Money] = field(default_factory=dict)
    inferred: bool = False  # read through a header-less layout: its debit/credit may be swapped

    @property
    def date(self) -> PartialDate | None:
        return next((p.date for p in self.lines if p.date is not None), None)

    @property
    def marker(self) -> str | None:
        return next((p.marker for p in self.lines if p.marker is not None), None)

    @property
    def words(self) -> list[Word]:
        return [w for p in self.lines for w in p.words]

    @property
    def y0(self) -> float:
        return min(p.line.y0 for p in self._here)

    @property
    def y1(self) -> float:
        return max(p.line.y1 for p in self._here)

    @property
    def bbox(self) -> BBox:
        return union_bbox(w for p in self._here for w in p.words)

    @property
    def _here(self) -> list[Parsed]:
        """The row's lines on its own page (a row a page break cut has some on the next)."""
        own = [p for p in self.lines if not p.line.words or p.line.words[0].page == self.page]
        return own or self.lines

    @property
    def description(self) -> str:
        """The description cell's lines, then each narrative column that joins it (NZ
        Particulars, `Název` then `Popis`), a column's wrapped lines kept together."""
        ordered = sorted(self.lines, key=_reading_order)
        words = [w for p in ordered for w in p.description]
        cells = sorted(
            ((column, k, cell) for k, p in enumerate(ordered) for column, cell in p.details),
            key=lambda c: (c[0], c[1]),
        )
        words += [w for _, _, cell in cells for w in cell]
        return " ".join(w.text for w in words)

    @property
    def movement(self) -> bool:
        return any(role in self.money for role in MOVEMENT_ROLES)

    @property
    def figures_read(self) -> float | None:
        """The recogniser's lowest confidence in the row's date and money words (the words
        outside its text cells); None where a text layer gave them."""
        return self._read_outside(skip_date=False)

    @property
    def money_read(self) -> float | None:
        """The same in the row's money words alone: what tells a misread figure from a
        doubted date."""
        return self._read_outside(skip_date=True)

    def _read_outside(self, skip_date: bool) -> float | None:
        skipped = {
            id(w)
            for p in self.lines
            for cell in (p.description, p.reference, p.code, *(c for _, c in p.details))
            + ((p.date_cell,) if skip_date else ())
            for w in cell
        }
        return least_confidence(w for w in self.words if id(w) not in skipped)

    @property
    def reference_label(self) -> str:
        return next((p.ref_label for p in self.lines if p.ref_label), "")

    @property
    def reference(self) -> str | None:
        words = [w for p in sorted(self.lines, key=_reading_order) for w in p.reference]
        return " ".join(w.text for w in words) or None

    @property
    def code(self) -> str | None:
        return " ".join(w.text for p in self.lines for w in p.code) or None


def _reading_order(p: Parsed) -> tuple[int, float]:
    """A row a page break cut in two has lines on two pages. Its lines are read in the order
    their text is printed: a line's top can be a tall word beside the table (a form code
    printed up the margin, a stamp) that reaches above the line before it."""
    page = p.line.words[0].page if p.line.words else 0
    return (page, min((w.y0 for w in p.description), default=p.line.y0))


MIN_GLUED = 3  # letters of each word a recogniser may run together
_RATE = re.compile(r"\d+(?:[.,]\d+)?\s?%")


def _ends_total(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 5 and (
        words[-1] in TRAILING_TOTALS or " ".join(words[-2:]) in TRAILING_TOTALS
    )


@cache
def _phrase_words() -> frozenset[str]:
    """The words of the balance and total phrases (`total`, `balance`, `closing`)."""
    phrases = (*OPENING_PHRASES, *CLOSING_PHRASES, *CARRY_PHRASES, *SUMMARY_PHRASES)
    return frozenset(w for p in phrases for w in p.split() if len(w) >= MIN_GLUED)


def _respaced(text: str) -> str:
    """`text` with a first word OCR ran together from two of those words (`totalbalance`,
    as a narrow print sets them) given its space back; a merchant's name that begins with
    one (`totalenergies`) is no pair of them and stays."""
    first, _, rest = text.partition(" ")
    words = _phrase_words()
    for k in range(MIN_GLUED, len(first) - MIN_GLUED + 1):
        if first[:k] in words and first[k:] in words:
            return f"{first[:k]} {first[k:]} {rest}".rstrip()
    return text


def classify(row: RawRow, transactional: bool) -> RowKind:
    """Carried balances, totals and balance-only lines are not transactions."""
    # A speck or a dash read before the first word (`-Total fees charged`) names nothing.
    text = fold(row.description).lstrip("-–—*•·.,:;'` ")
    if any(w.confidence is not None for w in row.words):  # read by OCR
        text = _respaced(text)
    loose = not row.movement or row.date is None or contains_phrase(text, CARRY_PHRASES)
    if contains_phrase(text, ("average",)) and contains_phrase(text, CARRY_PHRASES):
        return RowKind.SUMMARY
    if TALLY.match(text):
        return RowKind.SUMMARY
    # A row that is named a balance (`Beginning Balance`, `Ending balance`) is one, even where
    # the table prints it with a date in the amount column (an account summary table).
    if (loose or starts_with_phrase(text, OPENING_PHRASES)) and contains_phrase(
        text, OPENING_PHRASES
    ):
        return RowKind.OPENING
    if (loose or starts_with_phrase(text, CLOSING_PHRASES)) and contains_phrase(
        text, CLOSING_PHRASES
    ):
        return RowKind.CLOSING
    if loose and (starts_with_phrase(text, SUMMARY_PHRASES) or _ends_total(text)):
        return RowKind.SUMMARY
    # A day's turnover (`01/10/2024 RULAJ ZI 728.39 0.00`): both sides printed, named a total.
    both = Role.DEBIT in row.money and Role.CREDIT in row.money
    if both and starts_with_phrase(text, SUMMARY_PHRASES):
        return RowKind.SUMMARY
    line = fold(row.lines[0].line.text) if row.lines else ""
    if loose and row.date is None and starts_with_phrase(line, SUMMARY_PHRASES):
        return RowKind.SUMMARY  # `Обороти: дебет ... кредит ...`, its label in another column
    if row.date is None and _RATE.search(row.description):
        return RowKind.SUMMARY  # `Purchases 27.24%(v) $422.51 $8.74`: an interest-rate table
    if not row.movement:
        return RowKind.INVALID
    return RowKind.TXN if transactional else RowKind.SUMMARY
