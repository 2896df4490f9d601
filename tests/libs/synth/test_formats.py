from datetime import date
from decimal import Decimal

import pytest

from cypheredge.synth.formats import (
    CH,
    DE,
    EN,
    FR,
    IN,
    NumberStyle,
    fmt_date,
    marked,
    plain,
    signed,
)


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (EN, "1,234,567.50"),
        (DE, "1.234.567,50"),
        (FR, "1 234 567,50"),
        (CH, "1'234'567.50"),
        (IN, "12,34,567.50"),
    ],
)
def test_grouping_per_locale(style: NumberStyle, expected: str) -> None:
    assert style.magnitude(Decimal("-1234567.5")) == expected


def test_small_and_lakh_amounts() -> None:
    assert EN.magnitude(Decimal("999")) == "999.00"
    assert IN.magnitude(Decimal("123456.78")) == "1,23,456.78"
    assert IN.magnitude(Decimal("1000")) == "1,000.00"


def test_signed_and_marked_spellings() -> None:
    assert signed(EN, Decimal("-5"), negative="parens", symbol="$") == "($5.00)"
    assert signed(DE, Decimal("-1234.5"), negative="trailing") == "1.234,50-"
    assert signed(DE, Decimal("3"), plus=True) == "+3,00"
    assert marked(EN, Decimal("250"), credit="CR", debit="") == "250.00 CR"
    assert marked(EN, Decimal("-12.4"), credit="Cr", debit="Dr", sep="") == "12.40Dr"


def test_date_tokens_do_not_clobber_month_names() -> None:
    day = date(2024, 12, 3)
    assert fmt_date(day, "DD MON YYYY") == "03 Dec 2024"
    assert fmt_date(day, "DD-MON-YY") == "03-Dec-24"
    assert fmt_date(day, "MON D") == "Dec 3"
    assert fmt_date(day, "MM/DD") == "12/03"
    assert fmt_date(day, "MONTH D, YYYY") == "December 3, 2024"
    assert fmt_date(day, "DD.MM.YY") == "03.12.24"


def test_plain_is_the_truth_spelling() -> None:
    assert plain(Decimal("1234.5")) == "1234.50"
    assert plain(Decimal("-0.1")) == "-0.10"
    assert plain(None) is None
