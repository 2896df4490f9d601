"""Amounts as printed -> Decimal: locales, signs, parentheses, CR/DR markers, currency symbols."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from cypheredge.extractor.domain.currency import ISO_CODES, SYMBOL_ORDER, SYMBOLS

_DASHES = str.maketrans({"−": "-", "–": "-", "—": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " "})
# German banks mark the side with S (Soll, debit) and H (Haben, credit): `203,99 S`.
# French-speaking banks spell the side out after a balance: `9 827,20 CREDITEUR` / `DEBITEUR`.
_MARKER = re.compile(
    r"^(?P<body>.*?)[\s.]*(?P<m>CR|DR|DB|Cr|Dr|Db|cr|dr|C|D|S|H|[Cc]r[ée]diteur|CR[EÉ]DITEUR|"
    r"[Dd][ée]biteur|D[EÉ]BITEUR)\.?$"
)
_LEAD_MARKER = re.compile(r"^(?P<m>CR|DR|Cr|Dr)\.?\s+(?P<body>.*)$")
# A letter-only symbol (`R`, `Rs`) counts only right before a digit: `R1,234.56`.
_SYMBOL_HEAD = re.compile(
    "^("
    + "|".join(re.escape(x) + ("(?=[\\s\\d])" if x.isalpha() else "") for x in SYMBOL_ORDER)
    + ")"
)
# After the figure a one-letter symbol is too easily a marker (`D`, `R`); `zł`, `Kč`, `Ft` are not.
_SYMBOL_TAIL = re.compile(
    "(" + "|".join(re.escape(x) for x in SYMBOL_ORDER if not x.isalpha() or len(x) > 1) + ")$"
)
_DIGIT = re.compile(r"\d")
_PLAIN = re.compile(r"^\d+(?:[.,]\d{1,3})?$")
_GROUPED = re.compile(r"^\d{1,3}(?P<g>[ ,.'’])\d{3}(?:(?P=g)\d{3})*(?:[.,]\d{1,3})?$")
_INDIAN = re.compile(r"^\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,3})?$")
_TRAILING_NON_DIGITS = re.compile(r"\D+$")
_TWICE_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?P<g>[.,])\d{3}(?P=g)\d{3}(?:(?P=g)\d{3})*$")
_DECIMAL_END = re.compile(r"(?<!\d)(?:[1-9][\d.,' ]*|0)(?P<mark>[.,])\d{2}$")
_MISGROUPED = {
    ".": re.compile(r"^\d{1,3}(?:\.\d{3})+\.\d{2}$"),
    ",": re.compile(r"^\d{1,3}(?:,\d{3})+,\d{2}$"),
}
_NEVER = re.compile(r"(?!)")
_DATE_SHAPE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")


@dataclass(frozen=True, slots=True)
class Money:
    """A parsed amount: its magnitude and every hint about its direction."""

    magnitude: Decimal
    sign: int  # -1 printed negative, +1 printed with an explicit plus, 0 unsigned
    marker: str | None  # "CR" or "DR" when the amount carries one
    currency: str | None  # ISO code, "$" when only a dollar sign was printed
    decimals: bool  # printed with a decimal part (a strong sign that this is money)

    @property
    def strong(self) -> bool:
        """Looks like money on its own, not like an id or a count."""
        return self.decimals or self.currency is not None


def parse_amount(text: str, decimal_mark: str | None = None) -> Money | None:
    """Parse one printed amount; None when `text` is not an amount.

    `decimal_mark` ("." or ",") resolves `1,234` / `1.234` (grouping or three decimals); with
    one or two digits after the mark the text decides on its own.
    """
    if _DIGIT.search(text) is None:
        return None  # most words of a page
    s = text.translate(_DASHES).strip()
    sign, marker, currency = 0, None, None
    for _ in range(6):  # peel sign, parentheses, markers and currency from both ends
        before = s
        s, sign, marker, currency = _peel(s, sign, marker, currency)
        if s == before:
            break
    number = _number(s.strip(), decimal_mark)
    if number is None:
        return None
    value, decimals = number
    return Money(value, sign, marker, currency, decimals)


def _peel(
    s: str, sign: int, marker: str | None, currency: str | None
) -> tuple[str, int, str | None, str | None]:
    s = s.strip()
    if len(s) > 2 and s[0] == "(" and s[-1] == ")":
        return s[1:-1], -1, marker, currency
    if s[:1] in "-+" and len(s) > 1:
        return s[1:], -1 if s[0] == "-" else 1, marker, currency
    if s[-1:] in "-+" and len(s) > 1:
        return s[:-1], -1 if s[-1] == "-" else 1, marker, currency
    if marker is None and not s[-1:].isdigit():
        m = _MARKER.match(s)
        if m and m.group("body") and m.group("body")[-1:] in "0123456789 )":
            return m.group("body"), sign, _norm_marker(m.group("m")), currency
    if marker is None and not s[:1].isdigit():
        m = _LEAD_MARKER.match(s)
        if m:
            return m.group("body"), sign, _norm_marker(m.group("m")), currency
    if currency is None:
        return _peel_currency(s, sign, marker)
    return s, sign, marker, currency


def _norm_marker(raw: str) -> str:
    return "CR" if raw.upper()[:1] in ("C", "H") else "DR"


def _peel_currency(
    s: str, sign: int, marker: str | None
) -> tuple[str, int, str | None, str | None]:
    if s[:1].isdigit() and s[-1:].isdigit():
        return s, sign, marker, None
    head, tail = s[:3].upper(), s[-3:].upper()
    if head in ISO_CODES and not s[3:4].isalpha():
        return s[3:], sign, marker, head
    if tail in ISO_CODES and not s[-4:-3].isalpha():
        return s[:-3], sign, marker, tail
    m = _SYMBOL_HEAD.match(s)
    if m:
        return s[m.end() :], sign, marker, SYMBOLS[m.group(1)] or "$"
    m = _SYMBOL_TAIL.search(s)
    if m:
        return s[: m.start()], sign, marker, SYMBOLS[m.group(1)] or "$"
    return s, sign, marker, None


def _number(core: str, decimal_mark: str | None) -> tuple[Decimal, bool] | None:
    if _PLAIN.match(core):
        return _plain(core, decimal_mark)
    if decimal_mark and _MISGROUPED.get(decimal_mark, _NEVER).match(core):
        # `44.079.83` in a document whose decimals are `.`: the grouping typed with the
        # decimal mark. Read as 44,079.83; the balance chain confirms it or flags the row.
        whole, _, cents = core.rpartition(decimal_mark)
        return _compose(whole.replace(decimal_mark, ""), cents)
    grouped = _GROUPED.match(core)
    if grouped:
        group = grouped.group("g")
        body, frac = _split_fraction(core, group)
        if frac is not None and len(frac) == 3 and decimal_mark != core[-4]:
            return None  # `1,234,567` style grouping never ends with a 3-digit fraction
        digits = body.replace(group, "")
        return _compose(digits, frac)
    if _INDIAN.match(core):
        body, _, frac = core.partition(".")
        return _compose(body.replace(",", ""), frac or None)
    return None


def _plain(core: str, decimal_mark: str | None) -> tuple[Decimal, bool]:
    for sep in ".,":
        if sep in core:
            whole, frac = core.split(sep)
            if len(frac) == 3 and decimal_mark != sep:
                return Decimal(whole + frac), False  # `1,234` is grouping unless told otherwise
            return _compose_checked(whole, frac)
    return Decimal(core), False


def _split_fraction(core: str, group: str) -> tuple[str, str | None]:
    last = max(core.rfind("."), core.rfind(","))
    if last > 0 and core[last] != group:
        return core[:last], core[last + 1 :]
    return core, None


def _compose(digits: str, frac: str | None) -> tuple[Decimal, bool] | None:
    if not digits.isdigit():
        return None
    if frac is None:
        return Decimal(digits), False
    return _compose_checked(digits, frac)


def _compose_checked(whole: str, frac: str) -> tuple[Decimal, bool]:
    return Decimal(f"{whole}.{frac}"), True


# Dinars of Kuwait, Bahrain, Oman, Jordan, Tunisia, Iraq and Libya have three decimals.
THREE_DECIMALS = frozenset(("KWD", "BHD", "OMR", "JOD", "TND", "IQD", "LYD"))
_DECIMAL_END3 = re.compile(r"(?<!\d)(?:[1-9][\d.,' ]*|0)(?P<mark>[.,])\d{3}$")
# ISO 4217 currencies without minor units, as banks print them (no decimals at all).
NO_DECIMALS = frozenset((
    "ISK", "JPY", "KRW", "CLP", "PYG", "VND", "UGX", "XOF", "XAF", "RWF", "GNF", "KMF", "BIF",
    "DJF", "VUV", "XPF",
))  # fmt: skip
# Without minor units `12.07` is a day and month (a value date), not an amount to vote with.
DAY_MONTH = re.compile(r"^(?:[12]\d|3[01]|0?[1-9])(?P<sep>[./])(?:0[1-9]|1[0-2])$")
_GROUPED_END = re.compile(r"(?<![\d.,])\d{1,3}(?P<g>[.,])\d{3}$")


def infer_decimal_mark(texts: Iterable[str], places: int = 2) -> str:
    """The document's decimal mark from how its amounts end (`.dd` vs `,dd`; `,ddd` where the
    currency has three decimals: `7 465,482` dinars, a group where it has none: `402.586`
    krónur); "." on a tie.

    `03.01` (a German day.month) has a leading zero, unlike any amount, so it casts no vote.
    """
    votes = {".": 0, ",": 0}
    ending = _DECIMAL_END3 if places == 3 else _DECIMAL_END
    for text in texts:
        if "." not in text and "," not in text:
            continue  # no mark, no vote (most words)
        core = _TRAILING_NON_DIGITS.sub("", text)
        shaped = _DATE_SHAPE.match(core) or (places == 0 and DAY_MONTH.match(core))
        m = None if shaped else ending.search(core)
        if m:
            votes[m.group("mark")] += 1
        elif places == 0 and (g := _GROUPED_END.search(core)):
            # Krónur, yen, CFA francs: three digits after a mark are a group, so the other
            # mark is the decimal one (`402.586` kr is 402,586).
            votes["," if g.group("g") == "." else "."] += 1
        elif g := _TWICE_GROUPED.search(core):
            # `1.719.141`: a mark used twice groups, so the other one is the decimal mark
            # (pesos, yen and won print no decimals at all to vote with).
            votes["," if g.group("g") == "." else "."] += 1
    return "," if votes[","] > votes["."] else "."
