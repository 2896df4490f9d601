"""Statements that print a day's date on its first row only and its balance on its last row
only (common in the UK and Ireland), typed out as word boxes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from cypheredge.extractor.domain.model import ExtractionResult

Extract = Callable[..., ExtractionResult]
Spec = list[tuple[float, Sequence[tuple[float, str] | tuple[float, str, str]]]]
HEADER = (
    200.0,
    [(40, "Date"), (120, "Details"), (350, "Debit"), (430, "Credit"), (520, "Balance")],
)


def row(y: float, day: str, text: str, debit: str = "", credit: str = "", balance: str = ""):  # type: ignore[no-untyped-def]
    cells = [(40, day), (120, text), (375, debit, "r"), (460, credit, "r"), (555, balance, "r")]
    return (y, [c for c in cells if c[1]])


PERIOD = (60.0, [(40, "Period 01 Feb 2025 to 28 Feb 2025")])
OPENING = row(220, "01 Feb 2025", "BALANCE FORWARD", balance="1,000.00")


def _day_table(rent: str = "900.00") -> Spec:
    return [
        PERIOD,
        HEADER,
        OPENING,
        row(234, "03 Feb 2025", "CARD COFFEE", debit="4.50"),
        row(248, "", "SALARY ACME", credit="2,000.00"),
        row(262, "", "RENT", debit=rent, balance="2,095.50"),
        row(276, "04 Feb 2025", "REFUND", credit="10.00"),
        row(290, "", "PETROL", debit="60.00", balance="2,045.50"),
    ]


def test_rows_without_a_date_take_the_date_of_the_row_above(extract: Extract) -> None:
    result = extract(_day_table())
    read = [(t.date.isoformat(), t.description, t.debit, t.credit) for t in result.transactions]
    assert read == [
        ("2025-02-03", "CARD COFFEE", Decimal("4.50"), None),
        ("2025-02-03", "SALARY ACME", None, Decimal("2000.00")),
        ("2025-02-03", "RENT", Decimal("900.00"), None),
        ("2025-02-04", "REFUND", None, Decimal("10.00")),
        ("2025-02-04", "PETROL", Decimal("60.00"), None),
    ]
    assert [t.balance for t in result.transactions] == [
        None,
        None,
        Decimal("2095.50"),
        None,
        Decimal("2045.50"),
    ]


def test_one_balance_per_day_checks_the_whole_day(extract: Extract) -> None:
    """Balance after a day's last row = the previous balance + the day's credits - its debits."""
    good = extract(_day_table())
    assert good.reconciled is True
    assert all(t.confidence >= 0.99 for t in good.transactions)

    misread = extract(_day_table(rent="90.00"))
    confidence = {t.description: t.confidence for t in misread.transactions}
    day_one = ("CARD COFFEE", "SALARY ACME", "RENT")
    assert all(confidence[name] < 0.5 for name in day_one)
    assert confidence["REFUND"] >= 0.99
    assert confidence["PETROL"] >= 0.99


def test_a_day_continued_on_a_page_without_a_header_keeps_its_rows(extract: Extract) -> None:
    first = [
        *_day_table(),
        row(304, "05 Feb 2025", "GROCER", debit="45.50"),
        (700, [(40, "Page 1 of 2")]),
    ]
    second = [
        (40, [(40, "Current Account (continued)")]),
        row(220, "", "INTEREST", credit="1.25"),
        row(234, "", "FEE", debit="2.00", balance="1,999.25"),
        row(248, "06 Feb 2025", "GIFT", credit="20.00", balance="2,019.25"),
    ]
    result = extract(first, second)
    tail = [(t.date.isoformat(), t.description, t.page) for t in result.transactions[-4:]]
    assert tail == [
        ("2025-02-05", "GROCER", 1),
        ("2025-02-05", "INTEREST", 2),
        ("2025-02-05", "FEE", 2),
        ("2025-02-06", "GIFT", 2),
    ]
    assert result.reconciled is True
    assert all(t.confidence >= 0.99 for t in result.transactions)


def test_prose_with_figures_on_a_continued_page_is_no_row(extract: Extract) -> None:
    """Only rows that keep to the table's columns and hug its first dated row resume it."""
    first = [
        *_day_table(),
        (700, [(40, "Page 1 of 2")]),
    ]
    second = [
        (40, [(40, "Overdraft interest is 39.90% EAR; an unpaid item fee of"), (360, "25.00")]),
        (54, [(40, "Interest on credit balances is paid at 1.50% AER up to"), (445, "4,999.99")]),
        row(220, "07 Feb 2025", "GIFT", credit="20.00", balance="2,065.50"),
    ]
    result = extract(first, second)
    assert [t.description for t in result.transactions if t.page == 2] == ["GIFT"]
