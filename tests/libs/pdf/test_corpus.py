"""Real statements from the corpus: page counts, text layers, the encrypted sample."""

from __future__ import annotations

import io
from collections.abc import Callable

import pikepdf
import pytest

from cypheredge.pdf import PdfInspector, PdfRejected

ReadCorpus = Callable[[str], bytes]
PROTECTED = "02_monopoly_protected_pw_foobar123.pdf"


@pytest.mark.parametrize(
    ("name", "has_text", "repaired"),
    [
        ("03_template_santander_uk_current.pdf", True, False),
        ("11_synthetic_firstnational_image.pdf", False, False),
        ("13_synthetic_karbon_icici_gt.pdf", True, False),
        ("16_nz_kauri_anz_geometry_gt.pdf", True, False),
        ("20_nz_kowhai_tutorial_digital_gt.pdf", True, False),
        ("21_nz_kowhai_tutorial_SCANNED_gt.pdf", False, False),
        # Its startxref points at no cross-reference table: qpdf rebuilds it to open the file.
        ("25_stress_5000_rows_single_page.pdf", True, True),
    ],
)
def test_real_statement(
    inspector: PdfInspector,
    corpus: ReadCorpus,
    manifest_pages: dict[str, int],
    name: str,
    has_text: bool,
    repaired: bool,
) -> None:
    data = corpus(name)
    result = inspector.inspect(data)
    pages = manifest_pages[name]
    assert result.pages == pages
    assert result.text_layer_pages == (tuple(range(1, pages + 1)) if has_text else ())
    assert result.needs_ocr is not has_text
    assert not result.encrypted
    assert result.repaired is repaired
    # A repaired file is handed on as qpdf's sound rewrite; an intact one as it came.
    assert (result.decrypted == data) is not repaired
    assert result.rewritten is repaired


def test_protected_sample_opens_with_its_password(
    inspector: PdfInspector, corpus: ReadCorpus
) -> None:
    data = corpus(PROTECTED)
    result = inspector.inspect(data, password="foobar123")
    assert (result.pages, result.text_layer_pages, result.encrypted) == (1, (), True)
    assert result.rewritten
    assert result.decrypted != data
    with pikepdf.open(io.BytesIO(result.decrypted)) as copy:
        assert not copy.is_encrypted
        assert len(copy.pages) == 1


@pytest.mark.parametrize(
    ("password", "code"),
    [(None, "password_required"), ("", "password_required"), ("nope", "wrong_password")],
)
def test_protected_sample_without_the_right_password(
    inspector: PdfInspector, corpus: ReadCorpus, password: str | None, code: str
) -> None:
    with pytest.raises(PdfRejected) as caught:
        inspector.inspect(corpus(PROTECTED), password=password)
    assert caught.value.code == code


def test_real_files_are_flagged_only_for_what_they_carry(
    inspector: PdfInspector, corpus: ReadCorpus, manifest_pages: dict[str, int]
) -> None:
    # The whole corpus, as a false-positive check: every file opens (none is taken for a
    # bomb), and the only real file with scripts is a fillable form template (its field
    # calculations are JavaScript).
    found = {}
    for name in sorted(manifest_pages):
        password = "foobar123" if name == PROTECTED else None
        found[name] = inspector.inspect(corpus(name), password).hazards
    flagged = {name: hazards for name, hazards in found.items() if hazards}
    assert flagged == {"12_blank_template_cc_templatelab.pdf": ("javascript",)}
