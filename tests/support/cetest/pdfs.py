"""Real sample statements from the shared corpus, and small PDFs made on the fly."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pikepdf

# shared/ lies beside the checkout (CI lays it out the same way).
_BESIDE_CHECKOUT = Path(__file__).resolve().parents[3].parent / "shared" / "corpus" / "real"
CORPUS = Path(os.environ.get("CYPHEREDGE_CORPUS_DIR", _BESIDE_CHECKOUT)).resolve()
assert (CORPUS / "manifest.tsv").is_file(), f"the shared corpus is missing at {CORPUS}"


def sample(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


ENCRYPTED = "02_monopoly_protected_pw_foobar123.pdf"
ENCRYPTED_PASSWORD = "foobar123"
DIGITAL = "13_synthetic_karbon_icici_gt.pdf"
DIGITAL_NZ = "16_nz_kauri_anz_geometry_gt.pdf"
SCANNED = "11_synthetic_firstnational_image.pdf"


def blank_pdf(pages: int = 1) -> bytes:
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=(612, 792))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()
