"""Misread figures on scanned rows, mended only where the balance chain proves them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from cypheredge.extractor.domain.draft import Draft
from cypheredge.extractor.domain.misreads import confusable, mend


def _row(amount: str, balance: str | None, method: str = "ocr:rapidocr") -> Draft:
    return Draft(
        date(2023, 3, 1), "row", Decimal(amount), -1,
        Decimal(balance) if balance is not None else None, 1, (0.0, 0.0, 1.0, 1.0), method,
    )  # fmt: skip


def test_an_amount_missing_a_digit_is_mended_when_the_next_row_confirms_the_balance() -> None:
    rows = [_row("10.00", "490.00"), _row("48.70", "341.30"), _row("41.30", "300.00")]
    assert mend(rows, Decimal("500.00")) is True
    assert rows[1].magnitude == Decimal("148.70")
    assert rows[1].mended is True
    assert not rows[0].mended
    assert not rows[2].mended


def test_a_misread_balance_is_mended_when_the_amounts_carry_on_from_the_true_one() -> None:
    rows = [_row("10.00", "490.00"), _row("90.00", "406.00"), _row("100.00", "300.00")]
    assert mend(rows, Decimal("500.00")) is True
    assert rows[1].balance == Decimal("400.00")
    assert rows[1].magnitude == Decimal("90.00")


def test_nothing_is_mended_without_proof_or_beyond_one_confusion() -> None:
    unproven = [_row("10.00", "490.00"), _row("48.70", "341.30")]  # no row after it
    assert mend(unproven, Decimal("500.00")) is False
    far = [_row("10.00", "490.00"), _row("12.34", "341.30"), _row("41.30", "300.00")]
    assert mend(far, Decimal("500.00")) is False  # 148.70 is not one edit from 12.34
    text = [_row("10.00", "490.00", "geometric"), _row("48.70", "341.30", "geometric"),
            _row("41.30", "300.00", "geometric")]  # fmt: skip
    assert mend(text, Decimal("500.00")) is False  # a text layer is never misread
    assert text[1].magnitude == Decimal("48.70")


def test_the_confusions_ocr_makes() -> None:
    assert confusable(Decimal("48.70"), Decimal("148.70"))  # a digit dropped
    assert confusable(Decimal("1480.77"), Decimal("1460.77"))  # a digit changed
    assert confusable(Decimal("148077"), Decimal("1480.77"))  # the point lost
    assert not confusable(Decimal("148.70"), Decimal("148.70"))
    assert not confusable(Decimal("12.34"), Decimal("43.21"))
