"""How amounts and dates are printed: the locale conventions an extractor has to undo."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

CENT = Decimal("0.01")
FULL_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTHS = tuple(name[:3] for name in FULL_MONTHS)
_TOKENS = re.compile("YYYY|YY|MONTH|MON|MM|DD|D")


@dataclass(frozen=True)
class NumberStyle:
    """Digit grouping and decimal mark of one locale."""

    group: str
    decimal: str
    indian: bool = False  # lakh/crore grouping: 1,23,456.78

    def magnitude(self, value: Decimal) -> str:
        """The absolute value with two decimals and this locale's separators."""
        units, cents = f"{abs(value).quantize(CENT):f}".split(".")
        return f"{self._group(units)}{self.decimal}{cents}"

    def _group(self, units: str) -> str:
        if not self.group or len(units) <= 3:
            return units
        head, tail = units[:-3], units[-3:]
        size = 2 if self.indian else 3
        parts: list[str] = []
        while len(head) > size:
            parts.insert(0, head[-size:])
            head = head[:-size]
        parts.insert(0, head)
        return self.group.join([*parts, tail])


EN = NumberStyle(",", ".")
DE = NumberStyle(".", ",")
FR = NumberStyle(" ", ",")
CH = NumberStyle("'", ".")
IN = NumberStyle(",", ".", indian=True)

Negative = Literal["minus", "parens", "trailing"]


def signed(
    style: NumberStyle,
    value: Decimal,
    *,
    negative: Negative = "minus",
    plus: bool = False,
    symbol: str = "",
) -> str:
    """A signed amount: `-1,234.56`, `(1,234.56)`, `1.234,56-`, `+€12.00` ..."""
    body = f"{symbol}{style.magnitude(value)}"
    if value >= 0:
        return f"+{body}" if plus and value > 0 else body
    if negative == "parens":
        return f"({body})"
    if negative == "trailing":
        return f"{body}-"
    return f"-{body}"


def marked(style: NumberStyle, value: Decimal, *, credit: str, debit: str, sep: str = " ") -> str:
    """A magnitude with a direction marker after it: `250.00 CR`, `12.40Dr`, `3.00`."""
    mark = credit if value >= 0 else debit
    body = style.magnitude(value)
    return f"{body}{sep}{mark}" if mark else body


def fmt_date(day: date, pattern: str) -> str:
    """Render `day` with a locale-independent pattern (strftime's %b depends on the C locale).

    Tokens: DD, D (no padding), MM, YYYY, YY, MONTH (January), MON (Jan); anything else is literal.
    """
    values = {
        "YYYY": f"{day.year:04d}",
        "YY": f"{day.year % 100:02d}",
        "MONTH": FULL_MONTHS[day.month - 1],
        "MON": MONTHS[day.month - 1],
        "MM": f"{day.month:02d}",
        "DD": f"{day.day:02d}",
        "D": str(day.day),
    }
    return _TOKENS.sub(lambda m: values[m.group(0)], pattern)


# ISO 4217 currencies whose minor unit has three digits (fils, baisa, dirham): their amounts are
# printed, and spelled in the truth, with three decimals.
THREE_DECIMALS = frozenset({"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"})


def places(currency: str) -> int:
    """How many decimals the currency's minor unit has: 3 for the dinars above, else 2."""
    return 3 if currency in THREE_DECIMALS else 2


def plain(value: Decimal | None, decimals: int = 2) -> str | None:
    """The ground-truth spelling of an amount: dot decimal, two places (three for a currency
    with a three-digit minor unit), no grouping."""
    return None if value is None else f"{value.quantize(Decimal(1).scaleb(-decimals)):f}"
