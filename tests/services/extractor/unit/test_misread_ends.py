"""A statement end whose dollar sign OCR read as a 5 is mended where the rows prove it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from cypheredge.extractor.domain.draft import Draft
from cypheredge.extractor.domain.misread_ends import ends_without_sign


def _rows(method: str) -> list[Draft]:
    amounts = ["-141.05", "-38.20", "7.41", "-9.68"]
    return [
        Draft(
            date(2024, 7, 1 + k),
            f"row {k}",
            abs(Decimal(a)),
            1 if a[0] != "-" else -1,
            None,
            1,
            (0.0, 0.0, 1.0, 1.0),
            method,
        )
        for k, a in enumerate(amounts)
    ]


def test_a_closing_balance_read_with_a_five_for_its_dollar_sign_is_mended() -> None:
    opening = Decimal("3083.68")  # the rows take 181.52 off it: 2902.16, printed `$2,902.16`
    assert ends_without_sign(_rows("ocr:rapidocr"), opening, Decimal("52902.16")) == (
        opening,
        Decimal("2902.16"),
    )
    assert ends_without_sign(_rows("ocr:rapidocr"), Decimal("53083.68"), Decimal("2902.16")) == (
        opening,
        Decimal("2902.16"),
    )


def test_an_end_the_rows_do_not_prove_or_a_text_layer_is_left_as_read() -> None:
    opening = Decimal("3083.68")
    assert ends_without_sign(_rows("ocr:rapidocr"), opening, Decimal("52902.17")) is None
    assert ends_without_sign(_rows("geometric"), opening, Decimal("52902.16")) is None
