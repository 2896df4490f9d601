"""Dates as printed, and the year of a date printed without one."""

from __future__ import annotations

from datetime import date

import pytest

from cypheredge.extractor.domain.dates import (
    DateOrder,
    PartialDate,
    YearContext,
    infer_date_order,
    parse_date,
    resolve,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03/01/2025", PartialDate(2025, 1, 3)),
        ("03.01.2025", PartialDate(2025, 1, 3)),
        ("03-01-25", PartialDate(2025, 1, 3)),
        ("2025-01-03", PartialDate(2025, 1, 3)),
        ("03 Jan 2025", PartialDate(2025, 1, 3)),
        ("3 January 2025", PartialDate(2025, 1, 3)),
        ("03-Jan-25", PartialDate(2025, 1, 3)),
        ("Jan 3, 2025", PartialDate(2025, 1, 3)),
        ("12th Feb", PartialDate(None, 2, 12)),
        ("Jan 3", PartialDate(None, 1, 3)),
        ("03.01.", PartialDate(None, 1, 3)),
        ("3. März 2025", PartialDate(2025, 3, 3)),
        ("1 févr. 2025", PartialDate(2025, 2, 1)),
        ("3 de enero de 2025", PartialDate(2025, 1, 3)),
        ("Mon 03 Jan", PartialDate(None, 1, 3)),
    ],
)
def test_day_first_formats(text: str, expected: PartialDate) -> None:
    assert parse_date(text, DateOrder.DMY) == expected


def test_month_first() -> None:
    assert parse_date("01/31", DateOrder.MDY) == PartialDate(None, 1, 31)
    assert parse_date("03/01/2025", DateOrder.MDY) == PartialDate(2025, 3, 1)
    # A value that cannot be a month overrides the document's order.
    assert parse_date("13/01/2025", DateOrder.MDY) == PartialDate(2025, 1, 13)


@pytest.mark.parametrize("text", ["4835", "Jan 2025", "May", "31 Feb", "12.40", "PAYMENT 03"])
def test_not_dates(text: str) -> None:
    assert parse_date(text) is None


def test_order_from_unambiguous_dates() -> None:
    assert infer_date_order(["01/31/2024", "02/01/2024"]) is DateOrder.MDY
    assert infer_date_order(["31/01/2024"]) is DateOrder.DMY
    assert infer_date_order(["01/02/2024"], default=DateOrder.MDY) is DateOrder.MDY


def test_year_from_period_rolls_over_december_to_january() -> None:
    ctx = YearContext(date(2024, 12, 15), date(2025, 1, 14))
    assert resolve(PartialDate(None, 12, 20), ctx, None) == date(2024, 12, 20)
    assert resolve(PartialDate(None, 1, 5), ctx, None) == date(2025, 1, 5)


def test_year_from_previous_row_without_period() -> None:
    ctx = YearContext(fallback_year=2024)
    first = resolve(PartialDate(None, 12, 30), ctx, None)
    assert first == date(2024, 12, 30)
    assert resolve(PartialDate(None, 1, 2), ctx, first) == date(2025, 1, 2)
    assert resolve(PartialDate(None, 12, 31), ctx, date(2025, 1, 2)) == date(2024, 12, 31)


def test_printed_year_wins() -> None:
    ctx = YearContext(date(2024, 12, 15), date(2025, 1, 14))
    assert resolve(PartialDate(2023, 6, 1), ctx, None) == date(2023, 6, 1)


def test_leap_day_without_year_stays_valid() -> None:
    ctx = YearContext(fallback_year=2023)
    assert resolve(PartialDate(None, 2, 29), ctx, None) == date(2023, 2, 28)
