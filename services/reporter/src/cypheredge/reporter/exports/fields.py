"""Value formatting shared by every export."""

from __future__ import annotations

import hashlib
from decimal import Decimal

_CENTS = Decimal("0.01")


def money(value: Decimal) -> str:
    """Fixed point with at least two decimals.

    Extra decimals are kept rather than rounded: the statement's digits are the truth, and a
    three-decimal currency (KWD, BHD) must survive the export.
    """
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent > -2:
        value = value.quantize(_CENTS)
    if value == 0:
        value = abs(value)  # "-0.00" confuses importers
    return format(value, "f")


def one_line(text: str) -> str:
    """Wrapped descriptions arrive with line breaks; line-oriented formats need one line.

    Control characters go too: XML 1.0 cannot carry them and SGML readers choke on them.
    """
    if text.isprintable():  # most descriptions: no line break, no control character
        return " ".join(text.split())
    return " ".join("".join(c for c in text if c.isprintable() or c.isspace()).split())


def fit_id(text: str, limit: int) -> str:
    """An identifier within a format's length limit, still unique and stable.

    Text that is printable ASCII and short enough is kept as is. Otherwise a digest of the
    whole keeps distinct inputs distinct, followed by the text's last letters and digits:
    the end of an account number is what people recognise it by.
    """
    if len(text) <= limit and text.isascii() and text.isprintable():
        return text
    digest = hashlib.sha256(text.encode()).hexdigest()[:8]
    tail = "".join(c for c in text if c.isascii() and c.isalnum())[-(limit - 9) :]
    return f"{digest}-{tail}" if tail else digest
