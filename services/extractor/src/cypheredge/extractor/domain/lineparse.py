"""Reading one table line through a layout: its date, money cells, marker and description."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from cypheredge.extractor.domain.amounts import Money
from cypheredge.extractor.domain.columns import Placer, equivalent, money_of
from cypheredge.extractor.domain.dates import DateOrder, PartialDate, parse_date
from cypheredge.extractor.domain.header import CELL_GAP, Column
from cypheredge.extractor.domain.lines import Line
from cypheredge.extractor.domain.months import MONTHS
from cypheredge.extractor.domain.vocabulary import MONEY_ROLES, MOVEMENT_ROLES, Role, fold
from cypheredge.extractor.domain.words import Word

_ZONE = re.compile(r"^[A-Z]{2,5}$")  # `18:17:22 WIB`: the time's zone
_DOC_NUMBER = re.compile(r"^\d+[.-]\d{5,}$")  # no date has a part of five digits or more
CLOCK = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?(?:[ap]m)?$")  # `01.04.24` is a date
_TIME = re.compile(r"^(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ap]m)?|[AaPp][Mm]|hrs?|Uhr)$")
# UK and Irish payment-type codes as banks print them beside (not inside) the details.
TYPE_CODES = frozenset((
    "BP", "CR", "DD", "SO", "TFR", "VIS", "ATM", "DR", "CHQ", "DEB", "FPI", "FPO", "BGC", "CPT",
    "PAY", "OBP", "BCC", "CSH", "DEP", "FEE", "INT", "MPI", "MPO", "SBT", "COR", "LFT", "BSP",
    "CHG", "DPC", "PSV", "BNS", ")))", "D/D", "S/O", "STO", "POS", "TRF", "BAC", "CHP", "IBP",
))  # fmt: skip
# New Zealand banks print a payment's Particulars / Code / Reference in columns of their own
# after the details; together they are what the payment says, so they join its description.
NZ_DETAILS = frozenset({"particulars", "code", "reference"})
TYPE_GAP = 1.0  # x word height: a code in its own sub-column stands this far from the details
_ID_DIGITS = re.compile(r"^(?:0\d+|\d{8,})$")
# Titles of a column that says what kind of payment a row is (`Mutatiesoort`, `Umsatzart`).
STATUS = "status"  # an inferred column whose text says nothing of its row (`Completed`)
TYPE_TITLES = frozenset(
    # Korean banks' English pages title the type column (`적요`) `Summary`.
    (
        "type",
        "mutatiesoort",
        "soort",
        "typ",
        "tipo",
        "umsatzart",
        "buchungsart",
        "summary",
        "операция",
    )
)
MARKERS = {
    "cr": "CR",
    "c": "CR",
    "credit": "CR",
    "+": "CR",
    "dr": "DR",
    "d": "DR",
    "db": "DR",
    "debit": "DR",
    "-": "DR",
    "af": "DR",  # Dutch `Af` / `Bij`
    "bij": "CR",
    "s": "DR",  # German `S` (Soll) / `H` (Haben)
    "h": "CR",
    "χ": "DR",  # Greek `Χ` (χρέωση) / `Π` (πίστωση)
    "π": "CR",
    "дебит": "DR",  # Bulgarian `Дебит` / `Кредит` spelled out in a side column
    "кредит": "CR",
    "k": "CR",  # Estonian `D` / `K` (deebet / kreedit)
    "kreedit": "CR",
    "deebet": "DR",
}


@dataclass(frozen=True, slots=True)
class Reading:
    """How a document prints numbers and dates."""

    decimal_mark: str = "."
    date_order: DateOrder = DateOrder.DMY
    cell_gap: float = CELL_GAP  # x word height: a wider gap separates two cells (`cell_gap`)


@dataclass(slots=True)
class Parsed:
    """One line of a table, cell by cell."""

    line: Line
    date: PartialDate | None = None
    money: dict[Role, Money] = field(default_factory=dict)
    description: list[Word] = field(default_factory=list)
    marker: str | None = None
    date_text: bool = False  # words sit in the date column (a date or not)
    money_text: bool = False  # words sit in a money column (parsed or not)
    words: list[Word] = field(default_factory=list)  # every word inside the table band
    spill: bool = False  # text reaches under a money title (a paragraph, not a wrapped cell)
    date_cell: list[Word] = field(default_factory=list)  # the words in the date column
    reference: list[Word] = field(default_factory=list)  # reference columns beside the text
    code: list[Word] = field(default_factory=list)  # the payment type (`DD`, `TFR`, `VIS`)
    ref_label: str = ""  # the title of the reference column (`Check Nbr`, `Ref No.`)
    # Narrative columns beside the description (NZ Particulars, `Opis`), by column index.
    details: list[tuple[int, list[Word]]] = field(default_factory=list)

    @property
    def movement(self) -> bool:
        return any(role in self.money for role in MOVEMENT_ROLES)

    @property
    def is_row(self) -> bool:
        return self.date is not None or bool(self.money)

    @property
    def is_text(self) -> bool:
        return not self.is_row and bool(self.words)


@lru_cache(maxsize=1 << 14)
def _date(text: str, order: DateOrder) -> PartialDate | None:
    return parse_date(text, order)


def parse_line(line: Line, placer: Placer, reading: Reading) -> Parsed:
    """One line of the table `placer` places words for."""
    layout = placer.layout
    cells = placer.assign(line.words)
    out = Parsed(line, words=[w for cell in cells for w in cell])
    out.spill = _spills(cells, placer)
    desc_col = placer.description
    description = list(cells[desc_col]) if desc_col is not None else []
    date_col = placer.date
    # A time alone under the date (`06:35:18` wrapped below `2023-11-28`) belongs to the date
    # above it, and a document number under it (`0083.13639`, Vietcombank's `So CT`) to its
    # row: neither is a date of its own nor description text.
    if date_col is not None and cells[date_col] and _not_dates(cells[date_col]):
        out.date_cell = list(cells[date_col])
    elif date_col is not None and cells[date_col]:
        out.date_text = True
        out.date_cell = list(cells[date_col])
        out.date, used, spill = take_date(cells[date_col], description, reading.date_order)
        description = [*spill, *[w for w in description if w not in used]]
    if out.date is not None and not any(cells[i] for i in placer.money):
        stray = placer.stray_figure(cells)
        description = [w for w in description if w is not stray]
    if out.date is not None:
        description = _second_date(description, reading.date_order)
    out.code, out.description = _type_code(description)
    nz = _nz(layout.columns)
    equal: Money | None = None
    for i, column in enumerate(layout.columns):
        if cells[i] and i in placer.sinks and equivalent(column.label):
            # The amount in the account's currency, where the row's own is in a foreign one.
            equal = _money_cell(cells[i], reading.decimal_mark) or equal
        if not cells[i] or i in placer.sinks:
            continue
        if column.role in MONEY_ROLES:
            out.money_text = True
            money = _money_cell(cells[i], reading.decimal_mark)
            if money is not None and column.role not in out.money:
                out.money[column.role] = money
        elif column.role is Role.DESCRIPTION and i != desc_col:
            out.details.append((i, cells[i]))  # a second narrative column (`Opis`)
        elif nz and column.role is not Role.DESCRIPTION and fold(column.label) in NZ_DETAILS:
            out.details.append((i, cells[i]))
        elif column.role in (Role.MARKER, Role.OTHER, Role.REFERENCE) and column.label != STATUS:
            _side_cell(out, column.label, cells[i], marker=column.role is not Role.REFERENCE)
    if equal is not None and Role.AMOUNT in out.money:
        out.money[Role.AMOUNT] = equal
    return out


def _not_dates(words: Sequence[Word]) -> bool:
    clock = any(CLOCK.match(w.text) for w in words)
    return all(
        CLOCK.match(w.text) or _DOC_NUMBER.match(w.text) or (clock and _ZONE.match(w.text))
        for w in words
    )


@lru_cache(maxsize=256)
def _nz(columns: tuple[Column, ...]) -> bool:
    """NZ Particulars and Code columns (CommBank's `Particulars` alone is the description)."""
    titles = {fold(c.label) for c in columns}
    return {"particulars", "code"} <= titles


def _side_cell(out: Parsed, label: str, words: list[Word], marker: bool) -> None:
    """A cell beside the description: a CR/DR marker, the payment type (`Type`: DD, SO, ...)
    or a reference (`Ref No.`, NZ `Particulars` `Code` `Reference`), kept apart from it."""
    found = MARKERS.get(fold(" ".join(w.text for w in words))) if marker else None
    if found is not None:
        out.marker = out.marker or found
    elif not TYPE_TITLES.isdisjoint(fold(label).split()):
        out.code = [*out.code, *words]
    else:
        out.reference += words
        out.ref_label = out.ref_label or label


def _type_code(description: list[Word]) -> tuple[list[Word], list[Word]]:
    """A payment-type code printed in its own sub-column before the details (HSBC's `CR`,
    `TFR`, `DD` under `Payment type and details`) is the row's type, not its description:
    it stands well apart from the words after it, unlike `DD CITY COUNCIL` in running text."""
    if len(description) < 2:
        return [], description
    code, following = description[0], description[1]
    gap = following.x0 - code.x1
    if code.text.upper() in TYPE_CODES and gap >= TYPE_GAP * code.height:
        return [code], description[1:]
    return [], description


def _spills(cells: list[list[Word]], placer: Placer) -> bool:
    columns = placer.layout.columns
    money = [columns[i] for i in placer.money]
    for i in placer.text:
        if any(w.x1 > m.x0 and w.x0 < m.x1 for w in cells[i] for m in money):
            return True
    return False


def _money_cell(words: Sequence[Word], mark: str) -> Money | None:
    text = " ".join(w.text for w in words)
    joined = money_of(text, mark)
    if joined is not None and (joined.strong or not _ID_DIGITS.match(text)):
        return joined  # a long digit run under a money title is a reference, not an amount
    strong = [m for w in words if (m := money_of(w.text, mark)) is not None and m.strong]
    return strong[-1] if len(strong) == 1 else None


def take_date(
    date_words: Sequence[Word], after: Sequence[Word], order: DateOrder
) -> tuple[PartialDate | None, list[Word], list[Word]]:
    """The date at the start of a row: (date, words used from `after`, date-cell words that
    belong to the description). Titles and data rarely line up exactly, so a date may spill
    into the next column (`03 Jan | 2025`) or the next column may start inside the date's."""
    words = list(date_words)
    for n in range(len(words), 0, -1):
        found = _date(" ".join(w.text for w in words[:n]), order)
        if found is not None:
            if found.year is None and n == len(words):
                extended = _extend(words, after, order)
                if extended is not None:
                    return extended[0], extended[1], []
            rest = words[n:]
            while rest and _TIME.match(rest[0].text):
                rest = rest[1:]  # `2023-10-31 16:34:56`: the time belongs to the date
            return found, [], rest
    extended = _extend(words, after, order)
    if extended is not None:
        return extended[0], extended[1], []
    return None, [], words


def _extend(
    words: list[Word], after: Sequence[Word], order: DateOrder
) -> tuple[PartialDate, list[Word]] | None:
    for k in (1, 2):
        if len(after) < k or (words and after[0].x0 - words[-1].x1 > 1.2 * after[0].height):
            return None
        if words and _starts_date(after):
            return None  # `03 June  04 June`: the next date's day, not this date's year
        found = _date(" ".join(w.text for w in [*words, *after[:k]]), order)
        if found is not None and (not words or found.year is not None):
            return found, list(after[:k])
    return None


def _starts_date(words: Sequence[Word]) -> bool:
    """`04 June` (or `June 04`): a day and a month name, the start of a date of its own."""
    if len(words) < 2:
        return False
    first, second = words[0].text.lower().strip(".,"), words[1].text.lower().strip(".,")
    return (first.isdigit() and second in MONTHS) or (first in MONTHS and second.isdigit())


def _second_date(description: list[Word], order: DateOrder) -> list[Word]:
    """A second date printed before the text (value or posting date in an untitled column) is
    a date, not the start of the description."""
    for n in (2, 1):
        if len(description) > n and _date(" ".join(w.text for w in description[:n]), order):
            if CLOCK.match(description[n].text):
                return description  # `14/10 21:05 58492677152`: when a PIX was sent, text
            return description[n:]
    return description


def finish_date(first: Parsed, second: Parsed) -> PartialDate | None:
    """The date of a cell that wraps over two lines (`2024-03-` over `01`, `February 16,`
    over `2025`): read as one, when that says more than the first line alone."""
    if not first.date_cell or not second.date_cell or second.money:
        return None
    head = " ".join(w.text for w in first.date_cell)
    glue = "" if head[-1:] in "-/." else " "  # `2024-03-` + `01` is `2024-03-01`
    joined = _date(head + glue + " ".join(w.text for w in second.date_cell), DateOrder.DMY)
    if joined is None or (first.date is not None and first.date.year is not None):
        return None
    if first.date is not None and (joined.month, joined.day) != (first.date.month, first.date.day):
        return None
    return joined
