"""Formats, columns and the row-by-row table writer every sheet uses.

Sheets are written top to bottom (the workbook runs in ``constant_memory`` mode, where a row
is flushed once a later one is started). Money stays ``Decimal`` until a cell is written here,
the one place it becomes a float, always with a number format.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any, Literal

Kind = Literal["text", "money", "date", "month", "datetime", "int", "pct", "conf"]
Cell = str | int | float | Decimal | date | datetime | None

TITLE_ROW = 0
NOTE_ROW = 1
HEADER_ROW = 3  # the default header row of a sheet's table (0-based; row 4 in Excel)
MAX_TEXT = 32_767
EXCEL_EPOCH = date(1899, 12, 30)
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

NAVY = "#1F3864"
MONEY = "#,##0.00;[Red]-#,##0.00"
HEADER = {"bold": True, "font_color": "#FFFFFF", "bg_color": NAVY, "border": 1, "text_wrap": True}


@dataclass(frozen=True)
class Formats:
    """Every format a sheet writes with, created once per workbook."""

    title: Any
    note: Any
    section: Any
    header: Any
    header_num: Any
    header_mid: Any
    text: Any
    muted: Any
    money: Any
    money_bold: Any
    negative: Any
    low: Any
    date: Any
    month: Any
    datetime: Any
    int: Any
    pct: Any
    conf: Any

    @classmethod
    def build(cls, workbook: Any) -> Formats:
        base = {"font_name": "Calibri", "font_size": 10, "valign": "top"}

        def fmt(**props: Any) -> Any:
            return workbook.add_format({**base, **props})

        return cls(
            title=fmt(bold=True, font_size=14, font_color=NAVY),
            note=fmt(italic=True, font_color="#595959"),
            section=fmt(bold=True, font_size=11, font_color=NAVY),
            header=fmt(**HEADER),
            header_num=fmt(**HEADER, align="right"),
            header_mid=fmt(**HEADER, align="center"),
            text=fmt(indent=1),
            muted=fmt(italic=True, font_color="#7F7F7F"),
            money=fmt(num_format=MONEY),
            money_bold=fmt(num_format=MONEY, bold=True),
            negative=fmt(num_format=MONEY, bg_color="#FFC7CE", font_color="#9C0006"),
            low=fmt(num_format="0.00", align="center", bg_color="#FFEB9C", font_color="#9C5700"),
            date=fmt(num_format="yyyy-mm-dd", align="left", indent=1),
            month=fmt(num_format="mmm yyyy", align="left", indent=1),
            datetime=fmt(num_format="yyyy-mm-dd hh:mm:ss", align="left", indent=1),
            int=fmt(num_format="#,##0", align="center"),
            pct=fmt(num_format="0.0%"),
            conf=fmt(num_format="0.00", align="center"),
        )

    def for_kind(self, kind: Kind) -> Any:
        return getattr(self, kind)

    def header_for(self, kind: Kind) -> Any:
        """Headers sit over their figures: right for amounts, centred for counts."""
        if kind in ("money", "pct"):
            return self.header_num
        return self.header_mid if kind in ("int", "conf") else self.header


@dataclass(frozen=True)
class Column:
    header: str
    width: float
    kind: Kind = "text"


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 row``, ``2 rows``: a count with its noun."""
    return f"{count:,} {word if count == 1 else many or word + 's'}"


def clean_text(value: str) -> str:
    """Text as a cell can hold it: no XML-illegal characters, at most 32,767 characters."""
    if value.isprintable() and len(value) <= MAX_TEXT:
        return value  # the common case, without a regular expression
    return _ILLEGAL.sub("\ufffd", value)[:MAX_TEXT]


def excel_datetime(value: datetime) -> datetime:
    """Excel has no time zones: aware datetimes are written as naive UTC."""
    if value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)


@lru_cache(maxsize=8192)
def excel_serial(day: date) -> int:
    """The day as Excel counts it: what a date cell holds (and a chart axis bound)."""
    return (day - EXCEL_EPOCH).days


def write_cell(ws: Any, row: int, col: int, value: Cell, fmt: Any) -> None:
    """One cell: strings always as strings (never formulas), money as a formatted float.

    Nothing is written for an empty value unless it carries a fill (a shaded blank).
    """
    if isinstance(value, str) and value:
        ws.write_string(row, col, clean_text(value), fmt)
    elif value is None or isinstance(value, str):
        if fmt is not None and fmt.bg_color:
            ws.write_blank(row, col, None, fmt)
    elif isinstance(value, datetime):
        ws.write_datetime(row, col, excel_datetime(value), fmt)
    elif isinstance(value, date):
        ws.write_number(row, col, excel_serial(value), fmt)  # a date is its day number
    else:
        ws.write_number(row, col, float(value), fmt)


def write_title(ws: Any, fmt: Formats, title: str, *notes: str) -> None:
    """The sheet's title (row 1) and up to two lines of notes under it (rows 2 and 3)."""
    ws.write_string(TITLE_ROW, 0, clean_text(title), fmt.title)
    ws.set_row(TITLE_ROW, 20)
    for row, note in enumerate(notes[: HEADER_ROW - NOTE_ROW], start=NOTE_ROW):
        if note:
            ws.write_string(row, 0, clean_text(note), fmt.note)


class Table:
    """A header row, then rows added in order; widths, frozen header and filter included."""

    def __init__(
        self,
        ws: Any,
        fmt: Formats,
        columns: Sequence[Column],
        *,
        row: int = HEADER_ROW,
        col: int = 0,
        freeze: bool = True,
        autofilter: bool = True,
    ) -> None:
        self.ws, self.fmt, self.columns = ws, fmt, tuple(columns)
        self.header_row, self.first_col = row, col
        self.next_row = row + 1
        self._autofilter = autofilter
        self._formats = [fmt.for_kind(c.kind) for c in self.columns]
        for i, column in enumerate(self.columns):
            ws.set_column(col + i, col + i, column.width)
            ws.write_string(row, col + i, column.header, fmt.header_for(column.kind))
        ws.set_row(row, 30)
        if freeze:
            ws.freeze_panes(row + 1, 0)
            ws.repeat_rows(row)

    @property
    def last_col(self) -> int:
        return self.first_col + len(self.columns) - 1

    @property
    def count(self) -> int:
        """Rows added so far."""
        return self.next_row - self.header_row - 1

    def add(self, values: Sequence[Cell], styles: Mapping[int, Any] | None = None) -> int:
        """Writes one row (``styles`` overrides formats by column index); returns its row."""
        row = self.next_row
        for i, value in enumerate(values):
            fmt = styles[i] if styles and i in styles else self._formats[i]
            write_cell(self.ws, row, self.first_col + i, value, fmt)
        self.next_row += 1
        return row

    def empty(self, message: str) -> None:
        """The row shown when there is nothing to list."""
        self.ws.write_string(self.next_row, self.first_col, message, self.fmt.muted)
        self.next_row += 1

    def close(self, empty_message: str = "") -> None:
        """Adds ``empty_message`` when no row was added, then sets the filter."""
        if not self.count and empty_message:
            self.empty(empty_message)
        if self._autofilter:
            last = max(self.next_row - 1, self.header_row)
            self.ws.autofilter(self.header_row, self.first_col, last, self.last_col)


def page_setup(ws: Any) -> None:
    """Landscape, one page wide, so a printed sheet stays legible."""
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
