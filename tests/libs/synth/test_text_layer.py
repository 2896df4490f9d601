"""The PDFs' text layer really carries what the truth claims, on the page it claims."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pypdfium2 as pdfium
import pytest

from cypheredge.synth import LAYOUTS, generate

CASES = [(name, seed) for name in LAYOUTS for seed in range(2)]
Texts = Callable[..., list[str]]


@pytest.mark.parametrize(("layout", "seed"), CASES)
def test_every_truth_row_is_printed_on_its_page(layout: str, seed: int, page_texts: Texts) -> None:
    statement = generate(layout, seed)
    pages = page_texts(statement.pdf)
    for row in statement.truth["transactions"]:
        assert 1 <= row["page"] <= len(pages)
        text = pages[row["page"] - 1]
        missing = [w for w in row["description"].split() if w not in text]
        assert not missing, (row, missing)
        for key in ("debit", "credit", "balance"):
            if row[key] is not None:
                printed = statement.numbers.magnitude(Decimal(row[key]))
                assert printed in text, (key, printed, row)


@pytest.mark.parametrize("seed", range(3))
def test_terms_page_carries_no_transactions(seed: int, page_texts: Texts) -> None:
    statement = generate("uk_ruled", seed)
    pages = page_texts(statement.pdf)
    used = {row["page"] for row in statement.truth["transactions"]}
    assert len(pages) not in used
    assert "Important information" in pages[-1]


@pytest.mark.parametrize("layout", ["uk_ruled", "in_narration", "us_signed"])
def test_long_tables_continue_across_pages(layout: str) -> None:
    pages = {row["page"] for row in generate(layout, 1).truth["transactions"]}
    assert len(pages) >= 2


def test_rupee_sign_survives_in_the_text_layer(page_texts: Texts) -> None:
    assert any("₹" in text for text in page_texts(generate("in_marker", 0).pdf))


def test_encrypted_variant_needs_its_password(page_texts: Texts) -> None:
    plain = generate("in_marker", 0)
    locked = generate("in_marker", 0, password="pw")
    assert locked.password == "pw"
    assert locked.truth == plain.truth
    for wrong in (None, "nope"):
        with pytest.raises(pdfium.PdfiumError):
            pdfium.PdfDocument(locked.pdf, password=wrong)
    first = plain.truth["transactions"][0]["description"].split()[0]
    assert first in page_texts(locked.pdf, "pw")[0]
