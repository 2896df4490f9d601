"""Cyrillic and Greek vocabulary read as Latin look-alikes is given back on pages in those
scripts, so the parser knows a side column's `Кредит` or an opening `Начално салдо`."""

from __future__ import annotations

import pytest

from cypheredge.extractor.domain import extract_pdf
from cypheredge.extractor.domain.vocabulary import fold
from cypheredge.extractor.ocr.engine import OcrEngine, OcrWord
from cypheredge.extractor.ocr.lookalikes import restore, shape
from cypheredge.synth import generate
from cypheredge.synth.scan import STYLES, scan
from cypheredge.synth.scoring import score


def _words(*texts: str) -> list[OcrWord]:
    return [OcrWord(t, 40.0 * i, 100.0, 40.0 * i + 30, 110.0, 0.9) for i, t in enumerate(texts)]


def _texts(words: list[OcrWord]) -> list[str]:
    return [w.text for w in words]


def test_a_letter_looks_to_the_recogniser_like_the_latin_letter_it_reads() -> None:
    assert shape("Кредит") == shape("KpeAnT") == shape("KpeAuT")
    assert shape("Доступно") == shape("AocTynHo")
    assert shape("ΠΙΣΤΩΣΗ") == shape("∏I∑TΩ∑H")


def test_on_a_bulgarian_page_its_vocabulary_comes_back_and_names_stay_as_read() -> None:
    page = _words("Aata", "Cyma", "KpeAnT", "Ae6uT", "Ha4aHO", "canAo:", "KAUFLAND", "ΓEOPrVEBA")
    assert _texts(restore(page)) == [
        "Дата", "Сума", "Кредит", "Дебит", "Начално", "салдо:", "KAUFLAND", "ΓEOPrVEBA",
    ]  # fmt: skip


def test_a_greek_page_read_partly_in_greek_gets_its_side_markers_back() -> None:
    page = _words("Ημερομηνια", "Αιτιολογια", "Υπολοιπο:", "135,36", "X", "1.335,53", "∏")
    restored = _texts(restore(page))
    assert restored[4] == "Χ"  # Greek Chi: a debit (χρέωση)
    assert restored[6] == "π"  # Greek Pi: a credit (πίστωση)
    assert restored[:4] == _texts(page)[:4]
    # One glyph read as two of its shape is the letter; a Latin pair stays as read.
    page = _words("Ημερομηνια", "Αιτιολογια", "Υπολοιπο:", "n∏", "nn", "IRIS")
    assert _texts(restore(page))[3:] == ["π", "nn", "IRIS"]


@pytest.mark.parametrize(
    "texts",
    [
        ("Date", "Description", "Credit", "Debit", "Balance", "no", "Ha", "X"),
        ("Aata", "KpeAnT", "Total"),  # two look-alikes are not yet the page's script
    ],
)
def test_a_latin_page_keeps_every_word_as_read(texts: tuple[str, ...]) -> None:
    assert _texts(restore(_words(*texts))) == list(texts)


@pytest.mark.slow
def test_a_scanned_bulgarian_statement_is_read_with_its_sides_and_reconciles(
    engine: OcrEngine,
) -> None:
    # UniCredit Bulbank style: one amount column and a `Дебит / Кредит` side column.
    statement = generate("bg_izvlechenie", 0)
    found = extract_pdf(scan(statement.pdf, STYLES["office"]), engine)
    result = score(statement.truth, found.to_json())
    assert result.f1 == 1.0
    assert found.reconciled is True


def test_a_word_near_two_spellings_of_one_title_is_that_title() -> None:
    # `Ae6WT` is one letter from Bulgarian `дебит` and Russian `дебет`: a debit either way.
    page = _words("Начално", "салдо", "Описание", "Ae6WT", "Дата")
    assert fold(_texts(restore(page))[3]) in ("дебит", "дебет")
