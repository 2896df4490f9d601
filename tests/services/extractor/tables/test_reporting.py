"""Where stages C/D are not configured, a page left unsure says they did not run."""

from __future__ import annotations

from cypheredge.extractor.domain.cascade import Cascade
from cypheredge.extractor.domain.words import PageWords, Word
from cypheredge.extractor.tables.check import missing_stages

CHAR, HEIGHT = 5.0, 10.0
# The third balance does not follow from the second: the chain contradicts those rows.
HEADER = [(40, "Date"), (120, "Description"), (350, "Debit"), (430, "Credit"), (520, "Balance")]
LINES = [
    (
        100.0,
        [(40, "Date"), (120, "Description"), (350, "Debit"), (430, "Credit"), (520, "Balance")],
    ),
    (120.0, [(40, "01/02/2025"), (120, "OPENING"), (520, "100.00")]),
    (134.0, [(40, "02/02/2025"), (120, "SHOP"), (350, "10.00"), (520, "90.00")]),
    (148.0, [(40, "03/02/2025"), (120, "CAFE"), (350, "5.00"), (520, "50.00")]),
    (162.0, [(40, "04/02/2025"), (120, "BAKERY"), (350, "2.00"), (520, "48.00")]),
]


def _page() -> PageWords:
    words = [
        Word(token, x + 6 * CHAR * i, y, x + 6 * CHAR * i + CHAR * len(token), y + HEIGHT)
        for y, cells in LINES
        for x, text in cells
        for i, token in enumerate(text.split())
    ]
    return PageWords(1, 595.0, 842.0, words)


class Prepared:
    """The text layer of one page, as the PDF reader would give it."""

    method = "geometric"

    def __init__(self, page: PageWords) -> None:
        self.page = page

    def read(self, number: int) -> PageWords | None:
        return self.page if number == 1 else None


def test_an_unsure_page_names_the_stages_that_did_not_run() -> None:
    result = Cascade(Prepared(_page()), 1, missing=missing_stages(None)).run()
    assert result.pages[0].confidence < 0.9
    [notice] = [w for w in result.warnings if w.code == "stages_not_run"]
    assert notice.page == 1
    assert notice.message.endswith("not run: C/D (table columns): table model not configured")


def test_nothing_is_said_when_every_stage_is_there() -> None:
    result = Cascade(Prepared(_page()), 1, missing=()).run()
    assert result.pages[0].confidence < 0.9
    assert not [w for w in result.warnings if w.code == "stages_not_run"]
