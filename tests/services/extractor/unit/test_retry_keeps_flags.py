"""A page re-read by a fallback rebuilds the statement; what other pages said survives it: a
page without text stays flagged, with its reason, and still sends the statement to OCR."""

from __future__ import annotations

from cypheredge.extractor.domain.cascade import Cascade
from cypheredge.extractor.domain.words import PageWords

from .conftest import FakeReader, Spec, make_words

HEADER = (
    200.0,
    [(40, "Date"), (120, "Description"), (350, "Debit"), (430, "Credit"), (520, "Balance")],
)
ENDS: Spec = [
    (80, [(40, "Opening balance"), (300, "100.00", "r")]),
    (94, [(40, "Closing balance"), (300, "80.00", "r")]),
]


def _page(cake: str) -> Spec:
    return [
        *ENDS,
        HEADER,
        (220, [(40, "03/01/2025"), (120, "TEA"), (375, "10.00", "r"), (555, "90.00", "r")]),
        (234, [(40, "04/01/2025"), (120, "CAKE"), (375, cake, "r"), (555, "80.00", "r")]),
    ]


class CleanReread:
    """A fallback that reads page 1 right (where the text layer gave a wrong figure)."""

    method = "lines+text"

    def read(self, number: int) -> PageWords | None:
        words = make_words(_page("10.00"), number)
        return PageWords(number, 600.0, 800.0, words) if number == 1 else None


def test_a_fallback_winning_on_one_page_keeps_another_page_flagged_for_ocr() -> None:
    # Page 1's text layer prints 1.00 where 10.00 is meant: the chain breaks, B re-reads it.
    reader = FakeReader([_page("1.00"), []])
    result = Cascade(reader, 2, fallbacks=[CleanReread()]).run()
    assert [p.method for p in result.pages] == ["lines+text", "none"]
    assert result.reconciled is True
    assert result.ocr_pages == ((2, "it has no text layer"),)
    assert [(w.code, w.page) for w in result.warnings] == [("page_not_read", 2)]
