"""Tables without a header line: columns from dated lines and aligned amounts."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from cypheredge.extractor.domain.model import ExtractionResult

Extract = Callable[..., ExtractionResult]
DEBIT_X, CREDIT_X, BALANCE_X = 375.0, 460.0, 555.0


def _page(
    debit_x: float, credit_x: float
) -> list[tuple[float, list[tuple[float, str, str] | tuple[float, str]]]]:
    def line(y: float, day: str, text: str, amount: str, x: float, balance: str):  # type: ignore[no-untyped-def]
        return (y, [(40, day), (120, text), (x, amount, "r"), (BALANCE_X, balance, "r")])

    return [
        (60, [(40, "Statement period 01/02/2025 to 28/02/2025")]),
        line(220, "03/02/2025", "COFFEE HOUSE", "12.40", debit_x, "987.60"),
        line(234, "05/02/2025", "SALARY ACME LTD", "1,000.00", credit_x, "1,987.60"),
        line(248, "06/02/2025", "RENT", "900.00", debit_x, "1,087.60"),
        (259, [(120, "FLAT 2")]),
        line(273, "07/02/2025", "REFUND", "12.40", credit_x, "1,100.00"),
    ]


@pytest.mark.parametrize(("debit_x", "credit_x"), [(DEBIT_X, CREDIT_X), (CREDIT_X, DEBIT_X)])
def test_columns_and_their_meaning_come_from_the_data(
    extract: Extract, debit_x: float, credit_x: float
) -> None:
    result = extract(_page(debit_x, credit_x))
    assert [(t.description, t.debit, t.credit) for t in result.transactions] == [
        ("COFFEE HOUSE", Decimal("12.40"), None),
        ("SALARY ACME LTD", None, Decimal("1000.00")),
        ("RENT FLAT 2", Decimal("900.00"), None),
        ("REFUND", None, Decimal("12.40")),
    ]
    assert all(t.confidence >= 0.95 for t in result.transactions)


def test_two_dated_lines_are_not_a_table(extract: Extract) -> None:
    page = [
        (100, [(40, "01/02/2025"), (120, "Statement date"), (460, "12.00", "r")]),
        (114, [(40, "28/02/2025"), (120, "Payment due"), (460, "30.00", "r")]),
    ]
    assert extract(page).transactions == ()


def test_titles_in_an_unknown_language_fall_back_to_the_data(extract: Extract) -> None:
    page = [
        (
            200,
            [
                (40, "Data operacji"),
                (120, "Opis"),
                (350, "Obciazenia"),
                (430, "Uznania"),
                (520, "Stan"),
            ],
        ),
        (220, [(40, "03.02.2025"), (120, "Sklep ABC"), (375, "12,40", "r"), (555, "987,60", "r")]),
        (
            234,
            [(40, "05.02.2025"), (120, "Wyplata"), (460, "1.000,00", "r"), (555, "1.987,60", "r")],
        ),
        (248, [(40, "06.02.2025"), (120, "Czynsz"), (375, "900,00", "r"), (555, "1.087,60", "r")]),
    ]
    result = extract(page)
    assert [(t.description, t.debit, t.credit) for t in result.transactions] == [
        ("Sklep ABC", Decimal("12.40"), None),
        ("Wyplata", None, Decimal("1000.00")),
        ("Czynsz", Decimal("900.00"), None),
    ]
