"""Rows read by OCR through the parser: the recogniser's doubt and the balance chain's proof
decide a row's confidence, and an amount OCR could not read is the chain's where it proves it.
A text layer's rows are read exactly: the same words from a text layer score as before."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

from cypheredge.extractor.domain.cascade import Cascade
from cypheredge.extractor.domain.model import ExtractionResult
from cypheredge.extractor.domain.words import PageWords, Word

from .conftest import Cell, Spec, make_words

HEADER: tuple[float, list[Cell]] = (100.0, [(50, "Date"), (120, "Description"),
    (330, "Debit", "r"), (420, "Credit", "r"), (520, "Balance", "r")])  # fmt: skip
OPENING: tuple[float, list[Cell]] = (115.0, [(120, "Opening balance"), (520, "1,000.00", "r")])


def _statement(*rows: tuple[str, str, str, str, str]) -> Spec:
    lines: list[tuple[float, list[Cell]]] = []
    for k, (day, text, debit, credit, balance) in enumerate(rows):
        cells: list[Cell] = [(50, day), (120, text)]
        cells += [(x, figure, "r") for x, figure in ((330, debit), (420, credit)) if figure]
        lines.append((130.0 + 15 * k, [*cells, (520, balance, "r")]))
    return [HEADER, OPENING, *lines]


class _Blank:
    """A scanned PDF's text layer: nothing on the page."""

    method = "geometric"

    def read(self, number: int) -> PageWords | None:
        return PageWords(number, 600.0, 800.0, [])


class _Pages:
    """A reader that gives `words`, as a text layer (`geometric`) or as OCR would."""

    def __init__(self, method: str, words: Sequence[Word]) -> None:
        self.method = method
        self._words = list(words)

    def read(self, number: int) -> PageWords | None:
        return PageWords(number, 600.0, 800.0, self._words)


def _read(spec: Spec, *, ocr: bool, doubted: Mapping[str, float] | None = None) -> ExtractionResult:
    """`spec` read from a text layer or by OCR, each word with confidence 0.98 unless
    `doubted` names it."""
    words = [
        replace(w, confidence=(doubted or {}).get(w.text, 0.98) if ocr else None)
        for w in make_words(spec)
    ]
    if not ocr:
        return Cascade(_Pages("geometric", words), 1).run()
    return Cascade(_Blank(), 1, ocr=[_Pages("ocr:fake", words)]).run()


ROWS = (
    ("03/01/2023", "Coffee shop", "10.00", "", "990.00"),
    ("04/01/2023", "Grocer", "48.70", "", "941.30"),
    ("05/01/2023", "Salary", "", "500.00", "1,441.30"),
)


def test_a_row_whose_figure_ocr_doubted_scores_lower_even_where_the_chain_agrees() -> None:
    scanned = _read(_statement(*ROWS), ocr=True, doubted={"48.70": 0.55})
    assert scanned.reconciled is True
    assert [t.confidence for t in scanned.transactions] == [0.99, 0.85, 0.99]
    text = _read(_statement(*ROWS), ocr=False)
    assert [t.confidence for t in text.transactions] == [0.99, 0.99, 0.99]


def test_a_doubted_figure_the_chain_contradicts_scores_its_doubt_too() -> None:
    wrong = (ROWS[0], ("04/01/2023", "Grocer", "48.70", "", "963.31"), ROWS[2])  # unmendable
    scanned = _read(_statement(*wrong), ocr=True, doubted={"963.31": 0.6})
    assert scanned.transactions[1].confidence == 0.24  # contradicted (0.4), doubted (x 0.6)
    text = _read(_statement(*wrong), ocr=False)
    assert text.transactions[1].confidence == 0.4


def test_an_amount_ocr_could_not_read_is_the_chains_where_both_links_prove_it() -> None:
    unread = (ROWS[0], ("04/01/2023", "Grocer", "", "", "941.30"), ROWS[2])
    scanned = _read(_statement(*unread), ocr=True)
    assert scanned.reconciled is True
    grocer = scanned.transactions[1]
    assert (grocer.description, grocer.debit, grocer.credit) == ("Grocer", Decimal("48.70"), None)
    assert grocer.confidence == 0.7
    # From a text layer a dated balance without an amount is no transaction.
    text = _read(_statement(*unread), ocr=False)
    assert [t.description for t in text.transactions] == ["Coffee shop", "Salary"]


def test_a_run_of_unread_amounts_is_proven_back_from_the_row_after_it() -> None:
    unread = (("03/01/2023", "Coffee shop", "", "", "990.00"),
              ("04/01/2023", "Grocer", "", "", "941.30"), ROWS[2])  # fmt: skip
    scanned = _read(_statement(*unread), ocr=True)
    assert [(t.debit, t.credit) for t in scanned.transactions] == [
        (Decimal("10.00"), None), (Decimal("48.70"), None), (None, Decimal("500.00")),
    ]  # fmt: skip
    assert scanned.reconciled is True


def test_an_unread_amount_nothing_proves_is_left_out() -> None:
    # The last row: no row after it confirms its balance.
    last = (*ROWS, ("06/01/2023", "Rent", "", "", "441.30"))
    assert len(_read(_statement(*last), ocr=True).transactions) == 3
    # The same balance again on a dated line: no money moved.
    repeated = (ROWS[0], ("03/01/2023", "Coffee shop", "", "", "990.00"), *ROWS[1:])
    assert len(_read(_statement(*repeated), ocr=True).transactions) == 3


def test_wrapped_lines_read_in_the_order_their_text_is_printed_past_a_tall_margin_word() -> None:
    spec = _statement(ROWS[0], ("04/01/2023", "Grocer on", "48.70", "", "941.30"), ROWS[2])
    wrapped = (152.0, [(120, "the corner")])  # the second line of the Grocer's description
    words = make_words([*spec[:3], wrapped, *spec[3:]])
    # A form code printed up the margin, its box reaching above the Grocer's first line.
    words.append(Word("91000800", 5.0, 140.0, 12.0, 174.0, 1))
    result = Cascade(_Pages("geometric", words), 1).run()
    assert [t.description for t in result.transactions] == [
        "Coffee shop", "Grocer on the corner", "Salary",
    ]  # fmt: skip


def test_a_days_later_row_read_without_its_amount_is_the_chains_over_the_days_rows() -> None:
    # The Grocer's row prints no date of its own (the Coffee shop's day) and OCR lost its
    # amount: the day's two rows run from 1,000.00 to 941.30, the Coffee shop took 10.00.
    unread = (("03/01/2023", "Coffee shop", "10.00", "", ""), ("", "Grocer", "", "", "941.30"),
              ROWS[2])  # fmt: skip
    spec = list(_statement(*unread))
    spec[2] = (spec[2][0], [c for c in spec[2][1] if c[1]])  # no balance cell on that line
    scanned = _read(spec, ocr=True)
    assert [(t.description, t.debit) for t in scanned.transactions][:2] == [
        ("Coffee shop", Decimal("10.00")), ("Grocer", Decimal("48.70")),
    ]  # fmt: skip
    assert scanned.reconciled is True


def test_a_balance_on_a_line_of_its_own_below_a_row_is_that_rows_not_another() -> None:
    # The Grocer's balance printed (or read) on the line below its wrapped description.
    spec = list(_statement(ROWS[0], ("04/01/2023", "Grocer", "48.70", "", ""),
                           ("", "on the corner", "", "", "941.30"), ROWS[2]))  # fmt: skip
    spec[3] = (spec[3][0], [c for c in spec[3][1] if c[1]])
    spec[4] = (spec[4][0], [c for c in spec[4][1] if c[1]])
    scanned = _read(spec, ocr=True)
    assert [t.debit or t.credit for t in scanned.transactions] == [
        Decimal("10.00"), Decimal("48.70"), Decimal("500.00"),
    ]  # fmt: skip


def test_a_period_date_whose_spaces_ocr_read_as_dots_is_the_periods_end() -> None:
    period = (60.0, [(50, "STATEMENT"), (110, "PERIOD:"), (160, "December"), (210, "18,"),
                     (235, "2023"), (265, "to"), (285, "January.14,.2024")])  # fmt: skip
    rows = (("19 Dec", "Coffee shop", "10.00", "", "990.00"),
            ("02 Jan", "Grocer", "48.70", "", "941.30"))  # fmt: skip
    scanned = _read([period, *_statement(*rows)], ocr=True)
    assert (scanned.statement.period_start, scanned.statement.period_end) == (
        date(2023, 12, 18), date(2024, 1, 14),
    )  # fmt: skip
    assert [t.date.isoformat() for t in scanned.transactions] == ["2023-12-19", "2024-01-02"]


def test_a_header_over_two_lines_whose_boxes_ocr_gave_uneven_heights_is_one_header() -> None:
    # `Sale Post Description Amount` over `Date Date`: a recogniser's box for `Amount` is a
    # few points taller than `Post`'s, which a text layer would call another type size.
    spec: Spec = [
        (100.0, [(50, "Sale"), (120, "Post"), (190, "Description"), (520, "Amount", "r")]),
        (111.0, [(50, "Date"), (120, "Date")]),
        (130.0, [(50, "03/09"), (120, "03/10"), (190, "AMAZON MKTP"), (520, "$166.58", "r")]),
        (145.0, [(50, "03/12"), (120, "03/15"), (190, "STARBUCKS STORE"), (520, "$40.64", "r")]),
    ]  # fmt: skip
    words = [
        replace(w, y0=w.y0 - 3.0) if w.text == "Amount" else w
        for w in make_words(spec)
    ]  # fmt: skip
    words = [replace(w, confidence=0.98) for w in words]
    result = Cascade(_Blank(), 1, ocr=[_Pages("ocr:fake", words)]).run()
    assert [(t.date.month, t.date.day, t.description) for t in result.transactions] == [
        (3, 9, "AMAZON MKTP"), (3, 12, "STARBUCKS STORE"),
    ]  # fmt: skip


def test_a_total_read_with_a_speck_before_it_is_still_a_total() -> None:
    rows = (ROWS[0], ROWS[1])
    total: list[Cell] = [(120, "-Total fees charged"), (330, "58.70", "r")]
    spec = [*_statement(*rows), (160.0, total)]
    scanned = _read(spec, ocr=True)
    assert [t.description for t in scanned.transactions] == ["Coffee shop", "Grocer"]


def test_a_total_whose_words_ocr_ran_together_is_still_a_total() -> None:
    glued: list[Cell] = [(120, "TOTALBALANCE FORVOYAGE"), (330, "58.70", "r")]
    merchant: list[Cell] = [(120, "TOTALENERGIES"), (330, "9.99", "r")]
    spec = [*_statement(ROWS[0], ROWS[1]), (160.0, glued), (175.0, merchant)]
    scanned = _read(spec, ocr=True)
    assert [t.description for t in scanned.transactions] == [
        "Coffee shop", "Grocer", "TOTALENERGIES",
    ]  # fmt: skip
