"""Amounts as printed: locales, signs, parentheses, markers, currency symbols."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cypheredge.extractor.domain.amounts import infer_decimal_mark, parse_amount


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,234.56", "1234.56"),
        ("1.234,56", "1234.56"),
        ("1 234,56", "1234.56"),
        ("1'234.56", "1234.56"),
        ("1,23,456.78", "123456.78"),
        ("1.234.567,89", "1234567.89"),
        ("1935.3", "1935.3"),
        ("0.99", "0.99"),
        ("12,50", "12.50"),
    ],
)
def test_locales(text: str, value: str) -> None:
    money = parse_amount(text)
    assert money is not None
    assert money.magnitude == Decimal(value)
    assert money.decimals


@pytest.mark.parametrize(
    ("text", "sign", "marker"),
    [
        ("-12.40", -1, None),
        ("12.40-", -1, None),
        ("(1,234.56)", -1, None),
        ("+3.00", 1, None),
        ("250.00 CR", 0, "CR"),
        ("12.40Dr", 0, "DR"),
        ("12.40 Cr", 0, "CR"),
        ("CR 7.00", 0, "CR"),
        ("99.00", 0, None),
    ],
)
def test_signs_and_markers(text: str, sign: int, marker: str | None) -> None:
    money = parse_amount(text)
    assert money is not None
    assert (money.sign, money.marker) == (sign, marker)


@pytest.mark.parametrize(
    ("text", "currency", "sign"),
    [
        ("£2,937.11", "GBP", 0),
        ("-£1,078.54", "GBP", -1),
        ("-$607.81", "$", -1),
        ("$-607.81", "$", -1),
        ("1 234,56 €", "EUR", 0),
        ("+€12.00", "EUR", 1),
        ("₹1,23,456.78", "INR", 0),
        ("NZ$4,028.24", "NZD", 0),
        ("R 13,548.90", "ZAR", 0),
        ("USD 1,234.56", "USD", 0),
        ("1,234.56 CHF", "CHF", 0),
        ("($12.00)", "$", -1),
    ],
)
def test_currency_symbols(text: str, currency: str, sign: int) -> None:
    money = parse_amount(text)
    assert money is not None
    assert (money.currency, money.sign) == (currency, sign)
    assert money.strong


@pytest.mark.parametrize(
    "text", ["", "CR", "4M8J2222", "2,7843.55", "120 00", "2,540.BB", "06/05/2026", "Rand"]
)
def test_not_amounts(text: str) -> None:
    assert parse_amount(text) is None


def test_three_digit_group_follows_the_document() -> None:
    assert parse_amount("1,234") == parse_amount("1234")
    dot_three = parse_amount("1.234", decimal_mark=".")
    assert dot_three is not None
    assert dot_three.magnitude == Decimal("1.234")
    comma_group = parse_amount("1.234", decimal_mark=",")
    assert comma_group is not None
    assert comma_group.magnitude == Decimal(1234)


def test_integers_are_weak() -> None:
    money = parse_amount("0015")
    assert money is not None
    assert not money.strong


def test_decimal_mark_votes() -> None:
    assert infer_decimal_mark(["1.234,56", "12,00", "03.01.", "12.03.24"]) == ","
    assert infer_decimal_mark(["1,234.56", "06/05/2026", "0.50"]) == "."
    assert infer_decimal_mark([]) == "."


def test_grouping_typed_with_the_decimal_mark_is_read_as_grouping() -> None:
    money = parse_amount("£44.079.83", ".")
    assert money is not None
    assert (money.magnitude, money.currency) == (Decimal("44079.83"), "GBP")
    comma = parse_amount("44,079,83", ",")
    assert comma is not None
    assert comma.magnitude == Decimal("44079.83")


def test_a_dollar_takes_its_country_from_the_bank() -> None:
    from cypheredge.extractor.domain.currency import dollar_country

    assert dollar_country("Wattle Savings Bank FITZROY VIC 3065 BSB 062-000") == "AUD"
    assert dollar_country("Interac purchase - TIM HORTONS") == "CAD"
    assert dollar_country("Rimu Bank, Auckland") == "NZD"
    assert dollar_country("Chase Bank, Columbus OH") == "USD"
