"""Scanned pages through the whole cascade with the real engine (rapidocr, CPU): the same
geometric parser reads them, and only pages without a text layer are sent to OCR."""

from __future__ import annotations

import io
from dataclasses import replace

import pikepdf
import pytest

from cetest.scans import mixed, money_key
from cypheredge.extractor.domain import extract_pdf
from cypheredge.extractor.ocr.engine import OcrEngine
from cypheredge.synth import generate
from cypheredge.synth.scan import STYLES, scan

pytestmark = pytest.mark.slow  # ~2 s a test: one A4 page of OCR


def test_a_mixed_pdf_reads_its_scanned_page_by_ocr_and_the_others_from_text(
    engine: OcrEngine,
) -> None:
    statement = generate("uk_ruled", 0)
    pdf = mixed(statement.pdf, {1})

    result = extract_pdf(pdf, engine)

    assert [p.method for p in result.pages] == ["ocr:rapidocr", "geometric", "geometric"]
    truth = [t for t in statement.truth["transactions"] if t["page"] == 1]
    found = [t for t in result.to_json()["transactions"] if t["page"] == 1]
    assert len(truth) > 20
    exact = {money_key(t) for t in truth} & {money_key(f) for f in found}
    assert len(exact) >= 0.95 * len(truth)
    assert {t["method"] for t in found} == {"ocr:rapidocr"}
    assert result.reconciled is True


def test_without_an_engine_the_scanned_page_is_flagged() -> None:
    statement = generate("uk_ruled", 0)
    result = extract_pdf(mixed(statement.pdf, {1}))
    assert [p.method for p in result.pages] == ["none", "geometric", "geometric"]
    [unread] = [n for n in result.warnings if n.code == "page_not_read"]
    assert unread.page == 1
    assert "no text layer and OCR is not enabled" in unread.message


def test_a_page_that_would_be_an_image_bomb_is_refused_with_its_reason_and_the_rest_read(
    engine: OcrEngine,
) -> None:
    statement = generate("uk_ruled", 0)
    doc = pikepdf.open(io.BytesIO(statement.pdf))
    doc.add_blank_page(page_size=(14_400, 14_400))  # 200 x 200 inches
    buf = io.BytesIO()
    doc.save(buf)

    result = extract_pdf(buf.getvalue(), engine)

    assert [p.method for p in result.pages] == ["geometric"] * 3 + ["none"]
    [unread] = [n for n in result.warnings if n.code == "page_not_read"]
    assert unread.page == 4
    assert "million pixels, above the limit" in unread.message
    assert len(result.to_json()["transactions"]) == len(statement.truth["transactions"])


@pytest.mark.parametrize("style", ["crooked", "sideways", "upside-down", "colour-stamped", "fax"])
def test_a_scan_crooked_turned_stamped_or_faxed_reads_as_the_digital_page(
    engine: OcrEngine, style: str
) -> None:
    """One page each (the statement's last): skew levelled from the detected lines, the
    page turned upright before recognition, a red stamp dropped, a fax's edges softened."""
    statement = generate("uk_ruled", 0)
    last = max(t["page"] for t in statement.truth["transactions"])
    pdf = scan(statement.pdf, replace(STYLES[style], pages=frozenset({last})), 0)

    result = extract_pdf(pdf, engine)

    assert result.pages[last - 1].method == "ocr:rapidocr"
    truth = [t for t in statement.truth["transactions"] if t["page"] == last]
    found = [t for t in result.to_json()["transactions"] if t["page"] == last]
    assert {money_key(t) for t in found} == {money_key(t) for t in truth}
    assert result.reconciled is True
