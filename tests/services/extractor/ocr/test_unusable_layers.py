"""Pages whose text layer is not what they show are read by OCR (rapidocr, CPU), only
those pages, each saying why; a correct searchable scan keeps its layer even with OCR on."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cetest.scans import money_key
from cypheredge.extractor.domain import extract_pdf
from cypheredge.extractor.ocr.engine import OcrEngine
from cypheredge.synth import generate
from cypheredge.synth.layers import outlined, searchable

pytestmark = pytest.mark.slow  # ~3 s a test: one A4 page of OCR


FIXTURES: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "garbage": (lambda pdf: searchable(pdf, "garbage", {2}), "its text layer is unusable"),
    "other": (lambda pdf: searchable(pdf, "other", {2}), "its text layer does not match"),
    "sparse": (lambda pdf: searchable(pdf, "sparse", {2}), "its text layer is far too little"),
    "outlined": (lambda pdf: outlined(pdf, {2}), "its text is drawn as vector shapes"),
}


@pytest.mark.parametrize("kind", sorted(FIXTURES))
def test_an_unusable_layer_is_read_by_ocr_with_the_rows_of_the_digital_page(
    engine: OcrEngine, kind: str
) -> None:
    statement = generate("uk_ruled", 0)
    make, says = FIXTURES[kind]

    result = extract_pdf(make(statement.pdf), engine)

    assert [p.method for p in result.pages] == ["geometric", "ocr:rapidocr", "geometric"]
    truth = [t for t in statement.truth["transactions"] if t["page"] == 2]
    found = [t for t in result.to_json()["transactions"] if t["page"] == 2]
    assert len(truth) >= 5
    assert {money_key(t) for t in found} == {money_key(t) for t in truth}
    assert result.reconciled is True
    [note] = [n for n in result.warnings if n.code == "text_layer_unusable"]
    assert note.page == 2
    assert note.message.startswith(f"page 2: {says}")
    assert note.message.endswith("; read by ocr:rapidocr")
    assert not result.ocr_pages


def test_a_correct_searchable_scan_is_not_read_again_by_ocr(engine: OcrEngine) -> None:
    statement = generate("uk_ruled", 0)

    result = extract_pdf(searchable(statement.pdf, "own", {2}), engine)

    assert [p.method for p in result.pages] == ["geometric"] * 3
    assert not [n for n in result.warnings if n.code == "text_layer_unusable"]
    found = {money_key(t) for t in result.to_json()["transactions"]}
    assert found == {money_key(t) for t in statement.truth["transactions"]}
