"""Tokens a recogniser glued together (a date and its time, two dates) are split in two."""

from __future__ import annotations

import pytest

from cypheredge.extractor.domain.lines import group_lines
from cypheredge.extractor.domain.words import Word
from cypheredge.extractor.ocr.confusions import correct
from cypheredge.extractor.ocr.engine import OcrWord
from cypheredge.extractor.ocr.glued import mend_short_dates, split_day_month, split_glued


def _word(text: str, x0: float = 10.0, x1: float = 160.0) -> OcrWord:
    return OcrWord(text, x0, 100.0, x1, 112.0, 0.95)


@pytest.mark.parametrize(
    ("glued", "halves"),
    [
        ("2024-07-3014:49", ("2024-07-30", "14:49")),
        ("2024.06.1921:53", ("2024.06.19", "21:53")),
        ("114/03/1419:09:43", ("114/03/14", "19:09:43")),  # Taiwan's Republic years
        ("16.05.202316.33.43", ("16.05.2023", "16.33.43")),
        ("114/03/2017:40;34", ("114/03/20", "17:40:34")),  # a colon read as a semicolon
        ("114/03/232031:29", ("114/03/23", "20:31:29")),  # the first colon lost
        ("114/03/30.17:10:01", ("114/03/30", "17:10:01")),  # a dot read into the gap
        ("24.04.2124.04.21", ("24.04.21", "24.04.21")),  # a booking and a value date
        ("-31.08.2024", ("-", "31.08.2024")),  # a period's range dash and its end
        ("–2024.04.30", ("–", "2024.04.30")),
        ("2024-09-14.to", ("2024-09-14", "to")),  # a period's first date and its range word
        ("14.09.2024bis", ("14.09.2024", "bis")),
        ("12thAug", ("12th", "Aug")),  # an ordinal day run into its month
        ("MAR:2024", ("MAR", "2024")),  # a month run into its year, a mark for the space
        ("1stJanuary,", ("1st", "January,")),
    ],
)
def test_a_date_glued_to_its_time_or_a_second_date_is_two_words(
    glued: str, halves: tuple[str, str]
) -> None:
    first, second = split_glued([_word(glued)])
    assert (first.text, second.text) == halves
    assert (first.x0, second.x1) == (10.0, 160.0)
    assert first.x1 < second.x0  # a space between, as printed
    assert (first.y0, first.confidence) == (100.0, 0.95)


@pytest.mark.parametrize(
    "token",
    [
        "2024-07-30",  # one date
        "1,234,567.89",  # a figure
        "24.13.2124.04.21",  # no month 13
        "2024-07-3025:61",  # no such time
        "2024-07-30ABC",
        "12345678901234",  # a reference
        "31.12.20231",  # a stray digit is not a time
        "2024-07-302561:29",  # no hour 25 with its colon lost
        "2024-07-302031.29",  # a lost colon only where the seconds keep theirs
        "-1.234.56",  # a negative figure
        "-31.13.2024",  # no month 13
        "2024-09-14ABC",  # no range word
        "5thFloor",  # no month after the ordinal
    ],
)
def test_what_is_not_two_valid_halves_stays_one_word(token: str) -> None:
    assert [w.text for w in split_glued([_word(token)])] == [token]


def test_the_halves_reach_the_parser_as_two_words_of_one_line() -> None:
    words = correct([_word("2024.06.1921:53", 60.0, 130.0), _word("HANA", 140.0, 170.0)])
    line = group_lines([Word(w.text, w.x0, w.y0, w.x1, w.y1, 1) for w in words])[0]
    assert [w.text for w in line.words] == ["2024.06.19", "21:53", "HANA"]


def test_a_date_and_a_time_set_close_are_not_fused_as_one_figure() -> None:
    # 1.4 pt apart in a squeezed column: closer than a space, but two tokens, not the pieces
    # of one kerned figure (which `22,0` `14.78` are).
    words = [Word("2024.06.27", 63.7, 505, 107.6, 517, 1), Word("10:21", 109.1, 505, 132, 517, 1)]
    dates = [Word("24.04.21", 60, 505, 90, 517, 1), Word("24.04.21", 91.4, 505, 121, 517, 1)]
    kerned = [Word("22,0", 60, 505, 80, 517, 1), Word("14.78", 81.3, 505, 105, 517, 1)]
    assert [w.text for w in group_lines(words)[0].words] == ["2024.06.27", "10:21"]
    assert [w.text for w in group_lines(dates)[0].words] == ["24.04.21", "24.04.21"]
    assert [w.text for w in group_lines(kerned)[0].words] == ["22,014.78"]


def _at(text: str, x0: float, y: float) -> OcrWord:
    return OcrWord(text, x0, y, x0 + 5.0 * len(text), y + 10.0, 0.9)


def test_a_day_and_month_read_as_one_number_split_where_the_page_prints_them_apart() -> None:
    # Attijariwafa's DATE column: `22 11`, `24 11`, `25 11` ..., and `2011` where OCR lost
    # the space; the value date `20 11 2023` further right keeps its year whole.
    pairs = [[_at(d, 110, y), _at("11", 122, y), _at("2023", 351, y)] for d, y in
             (("22", 20.0), ("24", 40.0), ("25", 60.0))]  # fmt: skip
    glued = [_at("2011", 110, 80.0), _at("FRAIS", 160, 80.0), _at("2023", 351, 80.0)]
    words = split_day_month([w for line in pairs for w in line] + glued)
    assert [w.text for w in words[-4:]] == ["20", "11", "FRAIS", "2023"]
    day, month = words[-4], words[-3]
    assert day.x0 == 110
    assert day.x1 < month.x0


def test_four_digits_are_left_alone_without_the_pages_pairs_or_as_no_day_and_month() -> None:
    lone = [_at("2011", 110, 80.0), _at("FRAIS", 160, 80.0)]
    assert [w.text for w in split_day_month(lone)] == ["2011", "FRAIS"]
    pairs = [_at("22", 110, y) for y in (20.0, 40.0, 60.0)]
    pairs += [_at("11", 122, y) for y in (20.0, 40.0, 60.0)]
    pairs.sort(key=lambda w: (w.y0, w.x0))
    not_dates = [_at("3913", 110, 80.0), _at("2011", 300, 100.0)]  # month 13; elsewhere
    assert [w.text for w in split_day_month(pairs + not_dates)][-2:] == ["3913", "2011"]


def _dates(*texts: str) -> list[OcrWord]:
    return [_at(t, 39, 20.0 * (i + 1)) for i, t in enumerate(texts)]


def test_a_short_date_whose_slash_was_lost_is_the_one_between_its_neighbours() -> None:
    # Wells Fargo's `11/9`: the slash read as a 1 (`1119`); `11/19` would be the slash
    # dropped, but it does not fall between 11/8 and 11/10.
    words = mend_short_dates(_dates("11/5", "11/7", "11/8", "1119", "11/10", "1l12"))
    assert [w.text for w in words] == ["11/5", "11/7", "11/8", "11/9", "11/10", "1l12"]
    # Newest first, day first: the same.
    words = mend_short_dates(_dates("28.11", "27.11", "2611", "25.11"))
    assert [w.text for w in words][2] == "26.11"


def test_digits_are_left_alone_off_the_date_edge_or_where_no_one_reading_fits() -> None:
    column = _dates("11/5", "11/7", "11/8")
    elsewhere = [_at("1119", 200, 70.0)]  # a check number in its own column
    assert mend_short_dates(column + elsewhere)[-1].text == "1119"
    # 1/11 and 11/1 both lie between 1/5 and 12/1: nothing tells which.
    ambiguous = _dates("1/5", "1/7", "1/9", "1111", "12/1")
    assert mend_short_dates(ambiguous)[3].text == "1111"
