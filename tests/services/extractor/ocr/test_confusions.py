"""OCR's confusions that matter for money and dates, corrected by the page's own evidence."""

from __future__ import annotations

from cypheredge.extractor.ocr.confusions import correct
from cypheredge.extractor.ocr.engine import OcrWord


def _line(y: float, *texts: str) -> list[OcrWord]:
    return [OcrWord(t, 60.0 * i, y, 60.0 * i + 50, y + 10, 0.9) for i, t in enumerate(texts)]


def _page(*lines: tuple[str, ...]) -> list[OcrWord]:
    return [w for i, texts in enumerate(lines) for w in _line(20.0 * i, *texts)]


def _texts(words: list[OcrWord]) -> list[str]:
    return [w.text for w in words]


UK = (("01", "Nov", "2023", "1,009.27", "10,339.10"), ("02", "Nov", "2023", "9,968.12"),
      ("03", "Nov", "2023", "146.28", "12,192.82"))  # fmt: skip


def test_amounts_take_the_decimal_mark_and_grouping_most_amounts_on_the_page_show() -> None:
    page = _page(*UK, ("04", "Nov", "2023", "3.887.15", "1.804:08", "3;384:55", "£3.891.23"))
    assert _texts(correct(page))[-4:] == ["3,887.15", "1,804.08", "3,384.55", "£3,891.23"]
    # A currency's code printed on the figure: its marks are mended as the page prints them.
    page = _page(*UK, ("PKR257.678.40", "-PKR35.652.40.", "+PKR237,820.80"))
    assert _texts(correct(page))[-3:] == ["PKR257,678.40", "-PKR35,652.40", "+PKR237,820.80"]


def test_a_continental_page_keeps_its_comma_decimals() -> None:
    page = _page(
        ("1.234,56", "12.000,00", "9.999,99"),
        ("01.11.2023", "4.321.10", "7,50", "-150.86", "+3.534,65:", "01.11"),
    )
    assert _texts(correct(page))[3:] == [
        "01.11.2023", "4.321,10", "7,50", "-150,86", "+3.534,65", "01.11",
    ]  # fmt: skip


def test_times_dates_and_plain_figures_are_not_taken_for_amounts() -> None:
    page = _page(*UK, ("ATM", "12:30", "01.11", "4,08", "2023."))
    assert _texts(correct(page))[-5:] == ["ATM", "12:30", "01.11", "4,08", "2023."]


def test_a_colon_before_the_rows_balance_is_a_misread_decimal_point() -> None:
    page = _page(*UK, ("20", "Nov", "2023", "ATM", "40:00", ".8,954.99"))
    assert _texts(correct(page))[-2:] == ["40.00", "8,954.99"]


def test_a_page_without_clean_amounts_is_left_as_read() -> None:
    page = _page(("3.887.15", "1.804:08"))
    assert _texts(correct(page)) == ["3.887.15", "1.804:08"]


def test_letters_read_for_digits_inside_a_number_become_digits() -> None:
    page = _page(("O1", "Nov", "2023", "REF", "20450847I", "BS1", "6JQ", "Oil", "l0.00"))
    assert _texts(correct(page)) == [
        "01", "Nov", "2023", "REF", "204508471", "BS1", "6JQ", "Oil", "10.00",
    ]  # fmt: skip
    # A Q only between digits (or a digit and its separator) is a zero.
    page = _page(("22-10-2Q24", "08-Q6-2025", "1Q5.00", "Q1", "QR", "Q7-10"))
    assert _texts(correct(page)) == ["22-10-2024", "08-06-2025", "105.00", "Q1", "QR", "Q7-10"]
    # An ordinal day, only where it reads as a day of a month.
    page = _page(("1Ith", "Aug", "2lst", "I2th.", "4Ith", "1Ithaca"))
    assert _texts(correct(page)) == ["11th", "Aug", "21st", "12th.", "4Ith", "1Ithaca"]


def test_a_misread_month_is_mended_only_into_a_month_the_page_spells_right() -> None:
    page = _page(*UK, ("19Noy2023", "FEE"), ("20", "Noy", "2023"), ("Noy", "ATM"), ("21", "Dcc"))
    assert _texts(correct(page))[-9:] == [
        "19Nov2023", "FEE", "20", "Nov", "2023",
        "Noy", "ATM",  # not in a date: a word, not a month
        "21", "Dcc",  # December is not attested on the page: left for the parser
    ]  # fmt: skip
    # A named month's date with one separator misread, or a J read as a one.
    named = [("13-Jan-2024", "FEE"), ("14-Jan-2024", "ATM"), ("15-Jan-2024", "POS")]
    page = _page(*named, ("17:Jan-2024", "26-1an-2024", "17:Jan:2024"))
    assert _texts(correct(page))[-3:] == ["17-Jan-2024", "26-Jan-2024", "17:Jan:2024"]
    # A day read as letters before its month, a speck read as a letter before the month.
    page = _page(*UK, ("oi", "Nov", "KOPITIAM"), ("IO", "ATM"), ("06jNov", "REBATE"))
    assert _texts(correct(page))[-7:] == ["01", "Nov", "KOPITIAM", "IO", "ATM", "06Nov", "REBATE"]
    # A month spelt right glued to its day keeps the day's digits (`30Nov`, not `3ONov`).
    assert _texts(correct(_page(*UK, ("30Nov", "20Nov", "10Nov"))))[-3:] == [
        "30Nov",
        "20Nov",
        "10Nov",
    ]
    # Month first, the day after it on the same line (a Canadian or American date).
    page = _page(*UK, ("Noy", "22", "METRO", "262.13"), ("Noy", "ATM", "2,000"))
    assert _texts(correct(page))[-7:] == ["Nov", "22", "METRO", "262.13", "Noy", "ATM", "2,000"]


def test_numeric_dates_take_the_separator_the_page_prints_them_with() -> None:
    clean = [("12.09.2023", "80,79"), ("13.09.2023", "1.234,56"), ("14.09.2023", "9,99")]
    page = _page(*clean, (".15.09.2023", "29,09.2023", "08.10:2023", "21.092023", "12:30"))
    assert _texts(correct(page))[-5:] == ["15.09.2023", "29.09.2023", "08.10.2023", "21.09.2023",
                                          "12:30"]  # fmt: skip
    # An equals sign for a dash, two specks before the date.
    dashed = [("12-09-2023", "80,79"), ("13-09-2023", "1.234,56"), ("14-09-2023", "9,99")]
    assert _texts(correct(_page(*dashed, ("09=08-2023", "..28-08-2023", "3=4"))))[-3:] == [
        "09-08-2023", "28-08-2023", "3=4",
    ]  # fmt: skip
    # Year first, as ISO prints it: a colon or a dot for a dash, a dash lost.
    iso = [("2024-09-14", "80.79"), ("2024-09-15", "1,234.56"), ("2024-09-16", "9.99")]
    page = _page(*iso, ("2024-09-18:", "2024-09.28.", "202409-17.", "2024:10:14", "20241010"))
    assert _texts(correct(page))[-5:] == [
        "2024-09-18", "2024-09-28", "2024-09-17", "2024-10-14", "20241010",
    ]  # fmt: skip
    # A slash read as a 7, where the page prints its dates with slashes.
    slashed = [("19/10/24", "80.79"), ("21/10/24", "1,234.56"), ("23/10/24", "9.99")]
    page = _page(*slashed, ("20710/24", "22/10724", "12/13724", "1,770.24"))
    assert _texts(correct(page))[-4:] == ["20/10/24", "22/10/24", "12/13724", "1,770.24"]
    # Croatian and Hungarian dates end with the year's ordinal dot: still the page's vote.
    ordinal = [("01.03.2023.", "80,79"), ("03.03.2023.", "1.234,56"), ("05.03.2023.", "9,99")]
    page = _page(*ordinal, ("02.03.2023:", "11:03,2023.", "07.03.2023."))
    assert _texts(correct(page))[-3:] == ["02.03.2023", "11.03.2023", "07.03.2023."]


def test_a_mark_misread_before_an_amount_is_dropped_for_the_chain_to_sign() -> None:
    page = _page(*UK, ("DD", ":237.42", "±245.17", "-12.00"))
    assert _texts(correct(page))[-3:] == ["237.42", "245.17", "-12.00"]


def test_a_page_without_enough_clean_dates_keeps_its_odd_ones() -> None:
    page = _page(("12.09.2023", "29,09,2023"))
    assert _texts(correct(page)) == ["12.09.2023", "29,09,2023"]
    # A date read clean but for a speck beside it needs no vote.
    assert _texts(correct(_page(("29/05/2023:", ".30/05/2023")))) == ["29/05/2023", "30/05/2023"]


def test_a_dollar_sign_read_as_an_s_is_one_where_the_page_prints_dollars() -> None:
    dollars = (("SEP", "22", "$9.31"), ("SEP", "23", "$47.08"), ("SEP", "24", "-$446.31"))
    page = _page(*dollars, ("SEP", "25", "S43.40", "-S20.00", "§1,051.16", "SEP25", "S4340"))
    assert _texts(correct(page))[-5:] == ["$43.40", "-$20.00", "$1,051.16", "SEP25", "S4340"]
    page = _page(*dollars, ("APR", "05", "s97.75.", "so.00", "solo.00"))
    assert _texts(correct(page))[-3:] == ["$97.75", "$0.00", "solo.00"]
    # Without the page's dollars an S stays a letter (a reference, a code).
    page = _page(("SEP", "25", "S43.40"), ("SEP", "26", "$9.31"))
    assert _texts(correct(page))[2] == "S43.40"


def test_a_dollar_sign_read_as_a_five_is_one_where_the_page_tells_it() -> None:
    dollars = (("$21,616.39",), ("$1,009.27",), ("-$446.31",), ("$9.31",))
    # `5500.00` on a page that groups its thousands: the 5 is the sign.
    grouped = _page(*dollars, ("12.37",), ("-5500.00", "5,500.00"))
    assert _texts(correct(grouped))[-2:] == ["-$500.00", "5,500.00"]
    # A figure that reads either way stays as read: `579.90` may be `$579.90` whose sign a
    # copier dropped, even where nearly every amount shows its `$`.
    assert _texts(correct(_page(*dollars, ("579.90",))))[-1] == "579.90"
    # No dollars on the page: a 5 is a 5.
    plain = _page(("1,009.27",), ("2,500.10",), ("3,100.00",), ("5500.00",))
    assert _texts(correct(plain))[-1] == "5500.00"


def test_a_currency_sign_after_the_amounts_read_as_a_letter_is_dropped() -> None:
    # Kaspi prints `-8 208,00 ₸`; the recogniser reads the tenge sign as a T.
    page = _page(("-8208,00T",), ("704,50T", "+63"), ("1563,00T",), ("Gold", "12,30T"))
    assert _texts(correct(page)) == ["-8208,00", "704,50", "+63", "1563,00", "Gold", "12,30"]
    # Read as a digit instead, it is a third decimal where the page prints two.
    assert _texts(correct([*page, *_line(90.0, "417,507", "417.507")]))[-2:] == [
        "417,50", "417.507",
    ]  # fmt: skip
    # Twice is not the page's habit; and a C or D after a figure is its side, kept.
    assert _texts(correct(_page(("12,00T",), ("3,10T",))))[0] == "12,00T"
    sides = _page(("150.00C",), ("12.00C",), ("9.99C",))
    assert _texts(correct(sides)) == ["150.00C", "12.00C", "9.99C"]


def test_a_swiss_apostrophe_read_as_a_degree_sign_or_a_quote_is_the_pages_grouping() -> None:
    page = _page(("4'690.11",), ("2'115.40",), ("2'413.51",), ("5°816.68", '1"219.29', "97.21"))
    assert _texts(correct(page))[-3:] == ["5'816.68", "1'219.29", "97.21"]


def test_a_time_read_with_slashes_is_a_time_where_it_can_be_no_date() -> None:
    page = _page(("27/05/2023", "11/43/08"), ("16.33.25", "08/22/34", "11/12/08", "25/61/08"))
    assert _texts(correct(page)) == [
        "27/05/2023", "11:43:08", "16:33:25", "08/22/34", "11/12/08", "25/61/08",
    ]  # fmt: skip


def test_a_bar_read_for_an_l_in_a_month_is_the_month() -> None:
    jul = (("Jul", "21,2023"), ("Jul", "22,2023"), ("Jul", "23,2023"))
    assert _texts(correct(_page(*jul, ("Ju|", "24,2023", "A|B"))))[-3:] == [
        "Jul", "24,2023", "A|B",
    ]  # fmt: skip


def test_a_colon_after_more_hours_than_a_day_has_is_a_misread_decimal_point() -> None:
    page = _page(*UK, ("03", "Mar", "ATM", "180:00", "86.04"), ("07:45", "23:59"))
    assert _texts(correct(page))[-4:] == ["180.00", "86.04", "07:45", "23:59"]


def test_an_amount_with_its_side_glued_on_is_mended_and_keeps_the_side() -> None:
    page = _page(*UK, ("30", "Mar", "CASH", "780.00", "8,816:35.Cr", "1.204,10Dr"),
                 ("1,46,174:00Cr.", "2,70,223.1QCr", "12.1Q", "QR"))  # fmt: skip
    assert _texts(correct(page))[-6:] == [
        "8,816.35.Cr", "1,204.10Dr", "1,46,174.00Cr", "2,70,223.10Cr", "12.10", "QR",
    ]  # fmt: skip


def test_a_date_whose_two_separators_differ_takes_the_dates_own() -> None:
    page = _page(("Obdobie", "01,08.2024", "31.08.2024"), ("01;08.2024", "1,234.56", "01.08:24"))
    assert _texts(correct(page)) == ["Obdobie", "01.08.2024", "31.08.2024", "01.08.2024",
                                     "1,234.56", "01.08:24"]  # fmt: skip


def test_a_one_or_a_zero_read_in_a_month_name_is_its_letter() -> None:
    page = _page(*UK, ("06", "Ju1", "2024", "0ct", "N0V", "0i", "A1", "S0L0", "1Jul"))
    assert _texts(correct(page))[-9:] == [
        "06", "Jul", "2024", "Oct", "NOV",
        "01",  # an i read for the one of a day
        "A1", "S0L0", "1Jul",  # no month: left as read
    ]  # fmt: skip


def test_an_amount_grouped_in_lakhs_takes_the_pages_marks() -> None:
    page = _page(*UK, ("KHALTI", "1,66.218.08", "3,86.277.22", "4.50.810.15.", "01.11.23"))
    assert _texts(correct(page))[-4:] == ["1,66,218.08", "3,86,277.22", "4,50,810.15", "01.11.23"]


def test_on_a_page_of_three_decimal_amounts_one_shown_without_decimals_had_its_mark_misread() -> (
    None
):
    dinars = (
        ("11/08/2025", "94.229", "7559,711"), ("12/08/2025", "67.587", "7315,515"),
        ("12/08/2025", "12,842", "7.302,673"), ("15/08/2025", "2269.920", "7.152.985"),
    )  # fmt: skip
    assert _texts(correct(_page(*dinars))) == [
        "11/08/2025", "94,229", "7559,711", "12/08/2025", "67,587", "7315,515",
        "12/08/2025", "12,842", "7.302,673", "15/08/2025", "2269,920", "7.152,985",
    ]  # fmt: skip
    # Two decimals: `94.229` may be 94,229 grouped on a continental page; left as read.
    euros = (("1.234,56", "12.000,00", "9.999,99"), ("94.229", "2269.920"))
    assert _texts(correct(_page(*euros)))[3:] == ["94.229", "2269.920"]


def test_on_a_page_of_whole_amounts_one_grouped_with_both_marks_takes_the_pages() -> None:
    yen = (
        ("2025/06/03", "200,060", "790,963"), ("2025/06/03", "386,199", "1.177,162"),
        ("2025/06/04", "9,013", "1.186,175"), ("2025/06/05", "270,015", "1,456,190"),
        ("2025/06/06", "12,001", "1.468,191"), ("2025/06/07", "8,950", "1,477,141"),
        ("2025/06/08", "45,311", "1,522,452"), ("2025/06/09", "3,208", "1,519,244"),
    )  # fmt: skip
    assert _texts(correct(_page(*yen)))[5:18:3] == [
        "1,177,162", "1,186,175", "1,456,190", "1,468,191", "1,477,141",
    ]  # fmt: skip
    # Where the page prints two decimals, `1.177,162` is no amount of it: left as read.
    page = _page(*UK, ("1.177,162",))
    assert _texts(correct(page))[-1] == "1.177,162"


def test_on_a_page_of_whole_amounts_with_mixed_marks_each_group_is_a_comma() -> None:
    # Whole dollars with faint commas: half the page reads them as dots, colons, a stray
    # dot before (a copier's speck), and `27.800` would be read as 27.8 dollars.
    dollars = (
        ("114/03/14", "237", "32,891"), ("114/03/16", "27.800", ".59,928"),
        ("114/03/17", "3.736", "56,192"), ("114/03/19", "48,900", "105.092"),
        ("114/04/09", "43:200", "164:043"), ("114/04/11", "5,836", "158.207"),
    )  # fmt: skip
    assert _texts(correct(_page(*dollars)))[1::3] == [
        "237", "27,800", "3,736", "48,900", "43,200", "5,836",
    ]  # fmt: skip
    assert _texts(correct(_page(*dollars)))[2::3] == [
        "32,891", "59,928", "56,192", "105,092", "164,043", "158,207",
    ]  # fmt: skip
    # A page that prints two decimals anywhere is not of whole amounts: left as read.
    page = _page(*dollars, ("114/04/12", "150.00", "158,057"))
    assert _texts(correct(page))[4] == "27.800"
    # Marks all of one kind tell nothing the parser cannot: left as read.
    dots = (("01/06", "27.800", "59.928"), ("02/06", "3.736", "56.192"), ("03/06", "1.300"))
    assert _texts(correct(_page(*dots)))[1:3] == ["27.800", "59.928"]
