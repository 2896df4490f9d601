"""Column titles a recogniser misread by a glyph of the same shape are given back on a
header line, so that the page's table is found; elsewhere words stay as read."""

from __future__ import annotations

from cypheredge.extractor.ocr.engine import OcrWord
from cypheredge.extractor.ocr.titles import mend_titles


def _line(y: float, *texts: str) -> list[OcrWord]:
    return [OcrWord(t, 70.0 * i, y, 70.0 * i + 60, y + 10, 0.9) for i, t in enumerate(texts)]


def _texts(words: list[OcrWord]) -> list[str]:
    return [w.text for w in words]


def test_a_title_misread_by_a_glyph_of_its_shape_is_the_title_on_a_header_line() -> None:
    header = _line(100, "Erläuterung", "Betrag", "Soli.", "Betrag", "Haben")
    assert _texts(mend_titles(header))[2] == "Soll."
    header = _line(100, "Date", "Description", "AM0UNT", "Balance", "lnterest")
    assert _texts(mend_titles(header))[2:] == ["AMOUNT", "Balance", "Interest"]


def test_the_same_word_in_a_row_or_beside_one_title_stays_as_read() -> None:
    row = _line(120, "01.04.2025", "Soli", "Zuschlag", "12,50")
    assert _texts(mend_titles(row)) == ["01.04.2025", "Soli", "Zuschlag", "12,50"]
    lone = _line(140, "Betrag", "Soli")  # one title beside it is no header
    assert _texts(mend_titles(lone)) == ["Betrag", "Soli"]
