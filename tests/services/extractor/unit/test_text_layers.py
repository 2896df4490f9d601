"""Which text layers are believed: hidden garbage, text drawn as shapes and a hidden layer
that is not the page's are refused (the page goes to OCR, or is flagged with why when there
is none); correct searchable scans and every digital statement keep their layer."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

import pytest

from cetest.pdfs import sample
from cypheredge.extractor.domain import extract_pdf
from cypheredge.extractor.domain.textlayer import LayerFacts, junk_share, plausible, unusable
from cypheredge.extractor.domain.words import Word
from cypheredge.extractor.pdfwords.pdfium_words import PdfiumDocument
from cypheredge.extractor.pdfwords.readers import PdfiumReader
from cypheredge.synth import LAYOUTS, SyntheticStatement, generate
from cypheredge.synth.layers import Layer, outlined, searchable

# Small digital samples of every kind the corpus has: ruled, borderless, matplotlib, HTML
# print, MS Word, ReportLab CJK, a 10-page card statement, a redacted one over page images,
# and one whose fonts are broken (garbage glyphs in its visible text).
LAYERS: dict[str, Layer] = {"garbage": "garbage", "other": "other", "sparse": "sparse"}
DIGITAL = [
    "13_synthetic_karbon_icici_gt.pdf",
    "16_nz_kauri_anz_geometry_gt.pdf",
    "20_nz_kowhai_tutorial_digital_gt.pdf",
    "26_amex_delta_skymiles_us.pdf",
    "27_td_visa_2017_ca.pdf",
    "29_hsbc_uk_savings_joint.pdf",
    "30_howard_bank_checking_us.pdf",
    "31_gravytoast_fake_au.pdf",
    "32_cmb_synthetic_cn.pdf",
    "35_acme_minimal_fake_us.pdf",
]


@cache
def _statement() -> SyntheticStatement:
    return generate("uk_ruled", 0)


def _faults(pdf: bytes) -> list[str | None]:
    with PdfiumDocument(pdf) as doc:
        reader = PdfiumReader(doc)
        return [reader.unusable(n) for n in range(1, len(doc) + 1)]


def _key(row: dict[str, Any]) -> tuple[object, ...]:
    money = [row[k] for k in ("debit", "credit", "balance")]
    return (row["date"], *(Decimal(m) if m is not None else None for m in money))


def _words(*texts: str) -> list[Word]:
    return [Word(t, 10.0 * i, 0.0, 10.0 * i + 8, 9.0) for i, t in enumerate(texts)]


# --- the rules, over facts -------------------------------------------------------------


def test_statement_tokens_are_plausible_and_misreadings_are_not() -> None:
    good = (
        "Balance brought forward 8,280.87 £1,234.56 (12.50) 25-Nov-2023 25/11/23 TX-240101-00000ACH"
    )
    for token in [*good.split(), "O'Brien", "e-mail", "REF123", "1st", "SEPA-Überweisung", "預金"]:
        assert plausible(token), token
    for token in ["|a†€¨", "^@|d", "T<ames", "(°uñt{", "L■{´´¨2~4", "Bä|@~cë"]:
        assert not plausible(token), token


def test_too_few_tokens_say_nothing_and_lone_signs_do_not_vote() -> None:
    assert junk_share(_words("~~", "|a†€¨", "^@|d")) is None
    words = _words(*(["-", "|", "—"] * 10), *(["Payment"] * 12))
    assert junk_share(words) == 0.0


def test_a_hidden_layer_of_misreadings_is_unusable_and_the_same_text_visible_is_kept() -> None:
    words = _words(*(["|a†€¨", "^@|d", "Paid", "T<ames"] * 5))
    hidden = LayerFacts(chars=100, invisible=1.0, image_cover=1.0)
    why = unusable(words, hidden)
    assert why is not None
    assert "invisible text of which 75% is not words" in why
    # Visible garbage is a font without a usable map (a digital page): never sent to OCR.
    assert unusable(words, LayerFacts(chars=100, invisible=0.0, image_cover=1.0)) is None


def test_vector_text_needs_rows_of_glyphs_and_next_to_no_text() -> None:
    drawn = LayerFacts(chars=0, glyph_shapes=600, glyph_rows=25)
    assert "drawn as vector shapes (600 glyph-like shapes in 25 rows" in str(unusable([], drawn))
    with_header = LayerFacts(chars=60, glyph_shapes=600, glyph_rows=25)  # a real header line
    assert unusable(_words("Statement"), with_header) is not None
    # A logo or a chart: shapes, but not rows of them; or a page whose text is all there.
    assert unusable([], LayerFacts(chars=0, glyph_shapes=600, glyph_rows=3)) is None
    assert unusable(_words("x"), LayerFacts(chars=2500, glyph_shapes=600, glyph_rows=25)) is None


def test_a_hidden_layer_is_judged_against_the_image_only_when_it_lies_over_one() -> None:
    words = _words(*(["Payment"] * 20))
    elsewhere = LayerFacts(chars=140, invisible=1.0, image_cover=1.0, over_print=0.5)
    assert "does not match the page image: only 50%" in str(unusable(words, elsewhere))
    sparse = LayerFacts(chars=140, invisible=1.0, image_cover=1.0, print_lines=40,
                        lines_covered=3, over_print=1.0)  # fmt: skip
    assert "reach 3 of the 40 lines of print" in str(unusable(words, sparse))
    no_image = LayerFacts(chars=140, invisible=1.0, image_cover=0.1, over_print=0.1)
    assert unusable(words, no_image) is None
    matching = LayerFacts(chars=140, invisible=1.0, image_cover=1.0, over_print=0.95,
                          print_lines=40, lines_covered=38)  # fmt: skip
    assert unusable(words, matching) is None


# --- the fixtures, through the PDF adapter ---------------------------------------------


@pytest.mark.parametrize(
    ("kind", "says"),
    [
        ("garbage", "its text layer is unusable: invisible text of which"),
        ("other", "its text layer does not match the page image"),
        ("sparse", "its text layer is far too little for the page image"),
        ("outlined", "its text is drawn as vector shapes"),
    ],
)
def test_each_kind_of_unusable_layer_is_found_on_its_page_only(kind: str, says: str) -> None:
    pdf = _statement().pdf
    fixture = outlined(pdf, {2}) if kind == "outlined" else searchable(pdf, LAYERS[kind], {2})
    first, second, third = _faults(fixture)
    assert first is None
    assert third is None
    assert second is not None
    assert second.startswith(says)


def test_without_ocr_the_page_is_flagged_with_the_reason_and_handed_to_ocr() -> None:
    result = extract_pdf(searchable(_statement().pdf, "garbage", {2}))
    assert [p.method for p in result.pages] == ["geometric", "none", "geometric"]
    [unread] = [n for n in result.warnings if n.code == "page_not_read"]
    assert unread.page == 2
    assert unread.message.startswith("page 2 could not be read: its text layer is unusable")
    assert unread.message.endswith("and OCR is not enabled")
    [(page, why)] = result.ocr_pages
    assert page == 2
    assert why.startswith("its text layer is unusable: invisible text of which")


def test_a_correct_searchable_scan_keeps_its_layer_and_reads_as_the_digital_page() -> None:
    statement = _statement()
    result = extract_pdf(searchable(statement.pdf, "own"))  # every page scanned, layer kept
    assert [p.method for p in result.pages] == ["geometric"] * 3
    assert not [n for n in result.warnings if n.code in ("page_not_read", "text_layer_unusable")]
    found = {_key(t) for t in result.to_json()["transactions"]}
    assert found == {_key(t) for t in statement.truth["transactions"]}


@pytest.mark.parametrize("layout", sorted(LAYOUTS)[::7])
def test_no_generated_digital_statement_has_an_unusable_page(layout: str) -> None:
    assert set(_faults(generate(layout, 0).pdf)) == {None}


@pytest.mark.parametrize("name", DIGITAL)
def test_no_real_digital_sample_has_an_unusable_page(name: str) -> None:
    assert set(_faults(sample(name))) == {None}
