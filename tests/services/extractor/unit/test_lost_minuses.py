"""Minus signs a copier lost on many rows without a balance, told by the statement's ends."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from cypheredge.extractor.domain.draft import Draft
from cypheredge.extractor.domain.lost_minuses import lost_minuses_reconcile

# A statement of one signed amount column: rent, shops, cash and fees were debits, and the
# copier kept the minus only on the first two; the salary and a refund are credits.
PRINTED = ["-950.00", "-64.18", "2,350.00", "-112.40", "-38.99", "-400.00", "25.50",
           "-17.35", "-203.77", "-8.50", "-61.00", "-1,120.45"]  # fmt: skip
OPENING, CLOSING = Decimal("1000.00"), Decimal("398.86")


def _rows(keep_minus: int, method: str = "ocr:rapidocr") -> list[Draft]:
    rows = []
    for k, text in enumerate(PRINTED):
        value = Decimal(text.replace(",", ""))
        sign = -1 if value < 0 and k < keep_minus else 1
        row = Draft(date(2024, 3, 1 + k), f"row {k}", abs(value), sign, None, 1,
                    (0.0, 0.0, 1.0, 1.0), method, from_amount=True)  # fmt: skip
        rows.append(row)
    return rows


def test_the_rows_that_lost_their_minus_are_the_one_set_that_makes_the_ends_meet() -> None:
    assert sum((Decimal(t.replace(",", "")) for t in PRINTED), OPENING) == CLOSING
    rows = _rows(keep_minus=2)
    assert lost_minuses_reconcile(rows, OPENING, CLOSING) is True
    assert [r.sign for r in rows] == [-1 if t.startswith("-") else 1 for t in PRINTED]
    assert [r.mended for r in rows] == [k >= 2 and t.startswith("-") for k, t in enumerate(PRINTED)]


def test_nothing_is_turned_where_the_ends_allow_more_than_one_reading_or_none() -> None:
    rows = _rows(keep_minus=2)
    # A credit of the same amount as a debit that lost its minus: either may be the one.
    rows.append(Draft(date(2024, 3, 20), "twin", Decimal("8.50"), 1, None, 1,
                      (0.0, 0.0, 1.0, 1.0), "ocr:rapidocr", from_amount=True))  # fmt: skip
    assert lost_minuses_reconcile(rows, OPENING, CLOSING + Decimal("8.50")) is False
    assert all(not r.mended for r in rows)
    # Ends no set of credits can meet (more money than the rows hold).
    assert lost_minuses_reconcile(_rows(keep_minus=2), OPENING, CLOSING + 5000) is False


def test_rows_read_from_a_text_layer_keep_their_signs() -> None:
    rows = _rows(keep_minus=2, method="geometric")
    assert lost_minuses_reconcile(rows, OPENING, CLOSING) is False
