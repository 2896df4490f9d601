"""Misread figures on scanned rows, mended only where the balance chain proves them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from cypheredge.extractor.domain.document import _guesses_reconcile, _lost_signs_reconcile
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


def _signed(amount: str, sign: int, method: str = "ocr:rapidocr") -> Draft:
    return Draft(
        date(2023, 3, 1), "row", Decimal(amount), sign, None, 1, (0.0, 0.0, 1.0, 1.0), method,
        from_amount=True,
    )  # fmt: skip


def test_a_sign_lost_on_a_scan_without_balances_is_told_by_the_statements_ends() -> None:
    rows = [_signed("100.00", 1), _signed("237.42", 1), _signed("48.10", 1), _signed("20.00", -1)]
    # Printed: opening 1000.00, closing 794.48 = 1000 + 100 - 237.42 - 48.10 - 20.
    assert _lost_signs_reconcile(rows, Decimal("1000.00"), Decimal("794.48")) is True
    assert [d.sign for d in rows] == [1, -1, -1, -1]
    assert [d.mended for d in rows] == [False, True, True, False]


def test_lost_signs_are_not_guessed_when_two_readings_add_up_or_on_a_text_layer() -> None:
    twins = [_signed("50.00", 1), _signed("50.00", 1), _signed("10.00", -1)]
    assert _lost_signs_reconcile(twins, Decimal("0.00"), Decimal("-10.00")) is False
    assert [d.sign for d in twins] == [1, 1, -1]
    text = [_signed("237.42", 1, "geometric"), _signed("20.00", -1, "geometric")]
    assert _lost_signs_reconcile(text, Decimal("500.00"), Decimal("242.58")) is False


def test_directions_only_the_wording_guessed_are_settled_by_the_ends_when_one_way_fits() -> None:
    rows = [_signed("30.00", -1), _signed("70.00", -1), _signed("5.00", -1, "geometric")]
    rows[0].guessed = rows[1].guessed = True
    assert _guesses_reconcile(rows, Decimal("100.00"), Decimal("135.00")) is True
    assert [d.sign for d in rows] == [-1, 1, -1]
    assert not any(d.guessed for d in rows)


def _day(amount: str, sign: int, balance: str | None, read: float = 0.99) -> Draft:
    row = _row(amount, balance)
    row.sign, row.read, row.money_read = sign, read, read
    return row


def test_an_amount_misread_among_a_days_rows_is_mended_when_the_days_balance_is_proven() -> None:
    # Only the day's last row prints the balance: 500 - 7.25 + 20.00 (read 420.00) - 5.
    rows = [_day("7.25", -1, None), _day("420.00", 1, None, read=0.6),
            _day("5.00", -1, "507.75"), _day("5.00", -1, "502.75")]  # fmt: skip
    assert mend(rows, Decimal("500.00")) is True
    assert rows[1].magnitude == Decimal("20.00")
    assert [r.mended for r in rows] == [False, True, False, False]


def test_a_days_balance_that_breaks_the_chain_is_left_as_printed() -> None:
    # 73,978.53 printed (or read) as 3978.53 after a day of two rows: the next day leads on
    # from 73,978.53, but a statement's own slip looks the same; the chain flags it.
    rows = [_day("1000.00", -1, None), _day("21.47", 1, "3978.53"), _day("78.53", -1, None),
            _day("100.00", -1, "73800.00")]  # fmt: skip
    assert mend(rows, Decimal("74957.06")) is False
    assert rows[1].balance == Decimal("3978.53")


def test_a_days_rows_are_not_mended_when_two_could_be_the_misread_one() -> None:
    rows = [_day("420.00", 1, None, read=0.6), _day("420.00", 1, "920.00", read=0.6),
            _day("5.00", -1, "915.00")]  # fmt: skip
    assert mend(rows, Decimal("500.00")) is False  # either 420.00 could be the 20.00
    assert [r.magnitude for r in rows] == [Decimal("420.00")] * 2 + [Decimal("5.00")]


def test_a_days_amount_read_cleanly_is_left_as_printed() -> None:
    # The same day, its 420.00 read with full confidence: a statement's own slip, not a misread.
    rows = [_day("7.25", -1, None), _day("420.00", 1, None), _day("5.00", -1, "507.75"),
            _day("5.00", -1, "502.75")]  # fmt: skip
    assert mend(rows, Decimal("500.00")) is False
    assert rows[1].magnitude == Decimal("420.00")


def test_a_days_amount_read_cleanly_without_a_digit_is_the_one_mended() -> None:
    # 148.70 read 48.70 under a pen mark, with full confidence, beside a row whose date was
    # doubted: 112.34 read as printed could be 12.34 too, but a recogniser loses digits.
    rows = [_day("6.33", -1, "356.73"), _day("112.34", 1, None), _day("48.70", -1, "320.37"),
            _day("2720.08", 1, None), _day("48.21", -1, "2992.24")]  # fmt: skip
    rows[1].read = 0.54
    assert mend(rows, Decimal("363.06")) is True
    assert [r.magnitude for r in rows[1:3]] == [Decimal("112.34"), Decimal("148.70")]


def _unread(balance: str) -> Draft:
    row = _row("0", balance)
    row.sign, row.unread = 0, True
    return row


def test_a_days_later_row_read_without_its_amount_is_proven_over_the_days_rows() -> None:
    # 320.37 + 2720.08 (no balance printed) - 48.21 (unread) = 2992.24, then 452.94 unread
    # to 2539.30, which the next day's two rows lead on from.
    rows = [_day("48.70", -1, "320.37"), _day("2720.08", 1, None), _unread("2992.24"),
            _unread("2539.30"), _day("253.72", -1, None), _day("77.20", -1, "2208.38")]  # fmt: skip
    assert mend(rows, Decimal("369.07")) is True
    assert [(r.magnitude, r.sign) for r in rows[2:4]] == [
        (Decimal("48.21"), -1), (Decimal("452.94"), -1),
    ]  # fmt: skip


def test_a_balance_repeated_on_a_line_of_its_own_proves_no_row() -> None:
    rows = [_day("10.00", -1, "490.00"), _day("40.00", -1, None), _unread("450.00"),
            _day("50.00", -1, "400.00")]  # fmt: skip
    mend(rows, Decimal("500.00"))
    assert rows[2].unproven


def test_a_lone_row_whose_balances_moved_the_other_way_has_its_side_turned() -> None:
    # `43,948` read without its minus: 1,441,919 -> 1,397,971 says it was money out.
    credit = _row("43948.00", "1397971.00")
    credit.sign = 1
    rows = [_row("100.00", "1441919.00"), credit, _row("1000.00", "1396971.00")]
    assert mend(rows, Decimal("1442019.00")) is True
    assert (credit.sign, credit.mended) == (-1, True)
    assert not rows[0].mended
    # Not where the balances move by something else, nor on a text layer.
    other = _row("43948.00", "1397000.00")
    other.sign = 1
    assert mend([_row("100.00", "1441919.00"), other], Decimal("1442019.00")) is False
    printed = _row("43948.00", "1397971.00", "geometric")
    printed.sign = 1
    text = [_row("100.00", "1441919.00", "geometric"), printed]
    assert mend(text, Decimal("1442019.00")) is False
    assert printed.sign == 1


def test_sides_are_not_turned_where_most_rows_would_be() -> None:
    # Every balance moves against its row: a card's balances (what is owed) read as an
    # account's, which the reading decides, not a few lost minus signs.
    rows = [_row("10.00", "510.00"), _row("20.00", "530.00"), _row("5.00", "535.00")]
    assert mend(rows, Decimal("500.00")) is False
    assert [r.sign for r in rows] == [-1, -1, -1]


def test_a_faint_copys_lost_minus_signs_are_turned_while_they_are_a_quarter_or_fewer() -> None:
    # Sixteen rows of money out, four of them read without their minus: each balance says so.
    rows = [_row("10.00", "490.00") for _ in range(16)]
    for k, row in enumerate(rows):
        row.balance = Decimal(490 - 10 * k)
    for k in (2, 5, 9, 13):
        rows[k].sign = 1
    assert mend(rows, Decimal("500.00")) is True
    assert [r.sign for r in rows] == [-1] * 16
