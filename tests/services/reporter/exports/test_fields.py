from __future__ import annotations

from decimal import Decimal

import pytest

from cypheredge.reporter.exports.fields import fit_id, money, one_line


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("12.3", "12.30"),
        ("-12.3", "-12.30"),
        ("7", "7.00"),
        ("1E+2", "100.00"),
        ("-0", "0.00"),
        ("1.234", "1.234"),  # three-decimal currencies keep their digits
        ("98765432109876543.21", "98765432109876543.21"),
    ],
)
def test_money_is_fixed_point_with_two_decimals_at_least(value: str, text: str) -> None:
    assert money(Decimal(value)) == text


def test_one_line_joins_wrapped_text_and_drops_control_characters() -> None:
    assert one_line("  RENT AND\r\nMAINTENANCE\tCHARGES\x00\x07 ") == "RENT AND MAINTENANCE CHARGES"


def test_fit_id_keeps_short_ascii_and_shortens_the_rest_stably() -> None:
    assert fit_id("XXXX1234", 22) == "XXXX1234"
    long = fit_id("FR76 3000 6000 0112 3456 7890 189", 22)
    assert len(long) == 22
    assert long.endswith("34567890189")  # the recognisable end of the number survives
    assert long == fit_id("FR76 3000 6000 0112 3456 7890 189", 22)
    assert long != fit_id("FR76 3000 6000 0112 3456 7890 188", 22)
    assert fit_id("Compte n°1", 22).isascii()
