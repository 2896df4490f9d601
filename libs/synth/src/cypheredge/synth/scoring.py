"""Score an extraction against ground truth (both in the extractor CLI's JSON shape).

A truth row and an extracted row match when their dates are equal, their debit and credit are
numerically equal (None only equals None), and their balances are equal wherever both sides give
one. Balances are compared leniently so that a missing or invented balance costs amount
exactness, not the whole row; `amounts_exact` then checks debit, credit and balance as exact
strings (canonical "1234.50", None where the truth has None). Rows are matched greedily in
document order: each truth row takes the first unmatched extracted row after the previous match.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

Row = Mapping[str, Any]
NAN = Decimal("NaN")  # never equal to anything, so an unparsable amount never matches


def amount(value: object) -> Decimal | None:
    """An extracted amount as a Decimal; None stays None, garbage becomes NaN."""
    if value is None:
        return None
    try:
        return Decimal(str(value).strip())
    except InvalidOperation:
        return NAN


def _same(a: object, b: object) -> bool:
    left, right = amount(a), amount(b)
    return (left is None and right is None) or (
        left is not None and right is not None and left == right
    )


def rows_match(truth: Row, extracted: Row) -> bool:
    balance_ok = (
        truth.get("balance") is None
        or extracted.get("balance") is None
        or _same(truth.get("balance"), extracted.get("balance"))
    )
    return (
        str(truth.get("date")) == str(extracted.get("date"))
        and _same(truth.get("debit"), extracted.get("debit"))
        and _same(truth.get("credit"), extracted.get("credit"))
        and balance_ok
    )


def match_rows(truth: Sequence[Row], extracted: Sequence[Row]) -> list[tuple[int, int]]:
    """Greedy in-order matching: pairs of (truth index, extracted index)."""
    pairs: list[tuple[int, int]] = []
    start = 0
    for t_index, row in enumerate(truth):
        for e_index in range(start, len(extracted)):
            if rows_match(row, extracted[e_index]):
                pairs.append((t_index, e_index))
                start = e_index + 1
                break
    return pairs


def amounts_exact(truth: Row, extracted: Row) -> bool:
    return all(truth.get(k) == extracted.get(k) for k in ("debit", "credit", "balance"))


def _words(text: object) -> str:
    return " ".join(str(text or "").split()).casefold()


def description_equal(truth: Row, extracted: Row) -> bool:
    return _words(truth.get("description")) == _words(extracted.get("description"))


def reconciles(extraction: Mapping[str, Any]) -> bool:
    """Opening + credits - debits == closing for every account, as the extraction reports them
    (or opening - credits + debits where the balances are what is owed, as on a card)."""
    rows = extraction.get("transactions") or []
    accounts = extraction.get("accounts") or [extraction.get("statement") or {}]
    for index, account in enumerate(accounts):
        opening = amount(account.get("opening_balance"))
        closing = amount(account.get("closing_balance"))
        if opening is None or closing is None:
            return False
        own = [r for r in rows if (r.get("account") or 0) == index]
        credits = sum((amount(r.get("credit")) or Decimal(0) for r in own), Decimal(0))
        debits = sum((amount(r.get("debit")) or Decimal(0) for r in own), Decimal(0))
        # A card prints what is owed: there charges (debits) raise the balance.
        if closing not in (opening + credits - debits, opening - credits + debits):
            return False
    return True


@dataclass
class Score:
    """Counts for one or more statements; rates are micro-averaged over rows."""

    truth_rows: int = 0
    extracted_rows: int = 0
    matched: int = 0
    exact: int = 0
    described: int = 0
    statements: int = 0
    reconcilable: int = 0  # statements whose truth reconciles (the PDF adds up)
    reconciled: int = 0  # of those, how many the extraction reconciles

    def __add__(self, other: Score) -> Score:
        fields = self.__dataclass_fields__
        return Score(**{f: getattr(self, f) + getattr(other, f) for f in fields})

    @property
    def precision(self) -> float:
        return (
            self.matched / self.extracted_rows
            if self.extracted_rows
            else float(not self.truth_rows)
        )

    @property
    def recall(self) -> float:
        return self.matched / self.truth_rows if self.truth_rows else float(not self.extracted_rows)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def amounts_exact_rate(self) -> float:
        return self.exact / self.matched if self.matched else 0.0

    @property
    def description_rate(self) -> float:
        return self.described / self.matched if self.matched else 0.0

    @property
    def reconciled_rate(self) -> float:
        """Share of the statements that add up which the extraction reconciles; a statement
        that does not add up as printed (an anonymised sample) is not asked to."""
        return self.reconciled / self.reconcilable if self.reconcilable else 1.0

    def metrics(self) -> dict[str, float | int]:
        """Counts and rates, for JSON reports."""
        counts = {f: getattr(self, f) for f in self.__dataclass_fields__}
        rates = (
            "precision",
            "recall",
            "f1",
            "amounts_exact_rate",
            "description_rate",
            "reconciled_rate",
        )
        return {**counts, **{name: round(getattr(self, name), 4) for name in rates}}


def score(truth: Mapping[str, Any], extraction: Mapping[str, Any]) -> Score:
    """Score one statement's extraction against its truth."""
    expected = truth.get("transactions") or []
    found = extraction.get("transactions") or []
    pairs = match_rows(expected, found)
    return Score(
        truth_rows=len(expected),
        extracted_rows=len(found),
        matched=len(pairs),
        exact=sum(amounts_exact(expected[t], found[e]) for t, e in pairs),
        described=sum(description_equal(expected[t], found[e]) for t, e in pairs),
        statements=1,
        reconcilable=int(ok := reconciles(truth)),
        reconciled=int(ok and reconciles(extraction)),
    )
