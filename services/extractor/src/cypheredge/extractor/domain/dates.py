"""Dates as printed -> calendar dates: numeric, textual, partial (no year) in many languages."""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from cypheredge.extractor.domain.months import FILLERS, MONTHS, WEEKDAYS

_ALLOWED = re.compile(r"^[\w\s./,'-]+$")
_TOKENS = re.compile(r"\d+|[a-z]+")
_NUMERIC = re.compile(r"^(\d{1,4})([./-])(\d{1,2})(?:\2(\d{2}|\d{4}))?\.?$")
# Czech and Slovak print `1. 9. 2024` (a space after each dot); only with its full year, so a
# numbered list (`1. 2. 3.`) stays a list.
_SPACED_DOTS = re.compile(r"^(\d{1,2})\.\s?(\d{1,2})\.\s(\d{4})$")
# Moroccan and some French banks print `20 11` and `20 11 2023` (spaces for separators): only
# two-digit day and month, so a grouped figure (`20 110`) or a count is never a date.
_SPACED = re.compile(r"^(\d{2}) (\d{2})(?: (\d{4}))?$")
# Two numbers count only as `d/m` or `d.m.`: `12.40` is an amount, not the 12th of month 40.
_NUMERIC_SHAPE = re.compile(r"^(\d{1,2})(?:[./-](\d{1,2})[./-]\d{2,4}|/(\d{1,2})|\.(\d{1,2})\.)$")


class DateOrder(StrEnum):
    """How an all-numeric date with day and month both <= 12 is read."""

    DMY = "dmy"
    MDY = "mdy"


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A printed date; `year` is None when the statement left it out (`03 Feb`, `01/31`)."""

    year: int | None
    month: int
    day: int


def parse_date(text: str, order: DateOrder = DateOrder.DMY) -> PartialDate | None:
    """Parse a whole cell as a date; None when any part of it is not a date."""
    s = text.strip().rstrip("*#†‡§")  # `02/15/25*`: a footnote mark (posting date) on a date
    if not s or len(s) > 32 or not _ALLOWED.match(s):
        return None
    if " " in s and (spaced := _SPACED_DOTS.match(s)):
        s = ".".join(spaced.groups())
    elif " " in s and (spaced := _SPACED.match(s)):
        s = "/".join(g for g in spaced.groups() if g)
    numeric = _NUMERIC.match(s)
    if numeric:
        return _numeric(numeric, order)
    return _textual(_fold(s))


def _fold(s: str) -> str:
    decomposed = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _numeric(m: re.Match[str], order: DateOrder) -> PartialDate | None:
    first, sep, second, third = m.group(1), m.group(2), m.group(3), m.group(4)
    if len(first) == 4:
        return _valid(int(first), int(second), int(third)) if third else None
    if len(first) == 3:
        # Taiwanese banks count years of the Republic (Minguo): `113/05/01` is 2024-05-01.
        roc = int(first)
        return _valid(roc + MINGUO_ERA, int(second), int(third)) if third and roc >= 60 else None
    year = _year(third) if third else None
    a, b = int(first), int(second)
    day, month = (a, b) if order is DateOrder.DMY else (b, a)
    if month > 12 >= day:  # the printed value contradicts the document's order: trust the value
        day, month = month, day
    if third is None and sep == "-" and len(first) != len(second):
        return None  # `3-12` is more likely a range or a code than a date
    return _valid(year, month, day)


def _textual(s: str) -> PartialDate | None:
    months: list[int] = []
    numbers: list[str] = []
    for token in _TOKENS.findall(s):
        if token.isdigit():
            numbers.append(token)
        elif token in MONTHS:
            months.append(MONTHS[token])
        elif token not in FILLERS and token not in WEEKDAYS:
            return None
    if len(months) != 1 or not 1 <= len(numbers) <= 2:
        return None
    year: int | None = None
    day_text = numbers[0]
    if len(numbers) == 2:
        if len(numbers[0]) == 4:
            year, day_text = int(numbers[0]), numbers[1]
        else:
            year = _year(numbers[1])
    if len(day_text) > 2 or (year is not None and year < 1900):
        return None
    return _valid(year, months[0], int(day_text))


def _year(text: str) -> int | None:
    if len(text) == 4:
        return int(text)
    if len(text) == 2:
        return 2000 + int(text)
    return None


MINGUO_ERA = 1911  # the Republic of China's year 1 is 1912
BUDDHIST_ERA = 543  # Thai statements count years from 543 BC: 2566 is 2023


def _valid(year: int | None, month: int, day: int) -> PartialDate | None:
    if not 1 <= month <= 12 or day < 1:
        return None
    if year is not None and 2400 <= year <= 2699:
        year -= BUDDHIST_ERA
    if year is not None and not 1900 <= year <= 2199:
        return None
    if day > calendar.monthrange(year or 2000, month)[1]:
        return None
    return PartialDate(year, month, day)


def infer_date_order(texts: Iterable[str], default: DateOrder = DateOrder.DMY) -> DateOrder:
    """Day-first or month-first from numeric dates whose first or second part exceeds 12."""
    dmy = mdy = 0
    for text in texts:
        stripped = text.strip()
        if not stripped[:1].isdigit():
            continue  # only `d/m`-like words vote (most words are not)
        m = _NUMERIC_SHAPE.match(stripped)
        if not m:
            continue
        a, b = int(m.group(1)), int(m.group(2) or m.group(3) or m.group(4))
        if a > 12 >= b >= 1:
            dmy += 1
        elif b > 12 >= a >= 1:
            mdy += 1
    if dmy == mdy:
        return default
    return DateOrder.DMY if dmy > mdy else DateOrder.MDY


# The year given to dates printed without one when nothing in the file says which: never the
# day the extraction runs (the result must not depend on it); the statement warns instead.
NO_YEAR = 2000


@dataclass(frozen=True, slots=True)
class YearContext:
    """What fixes the year of a date printed without one."""

    start: date | None = None
    end: date | None = None
    fallback_year: int | None = None

    @property
    def unknown(self) -> bool:
        """Nothing says which year dates printed without one are in."""
        return self.start is None and self.end is None and self.fallback_year is None


def resolve(partial: PartialDate, ctx: YearContext, previous: date | None) -> date:
    """A calendar date for `partial`: the statement period first, then the previous row's date
    (a December -> January step rolls the year over), then the document's usual year."""
    if partial.year is not None and (flipped := _year_first(partial, ctx)) is not None:
        return flipped
    if partial.year is not None and _plausible(partial.year, ctx):
        return date(partial.year, partial.month, partial.day)
    if ctx.start is not None and ctx.end is not None:
        # A year far from the period's (`12/06/66` beside a period in 2566 BE, a misread) says
        # less than the period does.
        return _within_period(partial, ctx.start, ctx.end)
    if previous is not None:
        year = previous.year
        if partial.month < previous.month - 6:
            year += 1
        elif partial.month > previous.month + 6:
            year -= 1
        return _safe(year, partial)
    known = ctx.end or ctx.start
    year = ctx.fallback_year or (known.year if known is not None else NO_YEAR)
    return _safe(year, partial)


IMPLAUSIBLE_YEARS = 30  # a row this far from the period's years misreads its own (BE `66`)


def _year_first(partial: PartialDate, ctx: YearContext) -> date | None:
    """`24.04.02` printed year first (OTP's YY.MM.DD) and read as 24 April 2002: when that
    falls outside the period (weeks of slack aside) and the year-first reading inside it,
    the year came first (`24.04.23` on an April 2024 statement is 23 April 2024)."""
    if ctx.start is None or ctx.end is None or partial.year is None:
        return None
    slack = timedelta(days=45)
    low, high = ctx.start - slack, ctx.end + slack
    try:
        flipped = date(2000 + partial.day, partial.month, partial.year % 100)
        if low <= date(partial.year, partial.month, partial.day) <= high:
            return None
    except ValueError:
        return None
    return flipped if low <= flipped <= high else None


def _plausible(year: int, ctx: YearContext) -> bool:
    """Whether a row's printed year can be believed beside the period. The period may be only
    a guess from the file's creation date, so only a year decades away is overruled."""
    if ctx.start is None or ctx.end is None:
        return True
    return ctx.start.year - IMPLAUSIBLE_YEARS <= year <= ctx.end.year + IMPLAUSIBLE_YEARS


def _within_period(partial: PartialDate, start: date, end: date) -> date:
    best: date | None = None
    best_distance = timedelta.max
    for year in range(start.year - 1, end.year + 2):
        candidate = _safe(year, partial)
        distance = max(start - candidate, candidate - end, timedelta(0))
        if distance < best_distance:
            best, best_distance = candidate, distance
    assert best is not None
    return best


def _safe(year: int, partial: PartialDate) -> date:
    day = min(partial.day, calendar.monthrange(year, partial.month)[1])  # 29 Feb of a non-leap
    return date(year, partial.month, day)
