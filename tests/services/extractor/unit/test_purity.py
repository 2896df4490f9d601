"""The parsing logic imports no PDF library; only the adapters do."""

from __future__ import annotations

import subprocess
import sys

PARSING = [
    "amounts",
    "dates",
    "header",
    "columns",
    "lineparse",
    "rows",
    "rawrow",
    "wrapping",
    "straddle",
    "pagejoin",
    "furniture",
    "page",
    "balance",
    "accounts",
    "normalise",
    "metadata",
    "context",
    "document",
    "cascade",
    "cells",
    "model",
    "api",
    "baseline",
    "misreads",
    "textlayer",
]


def test_domain_modules_import_no_pdf_library() -> None:
    imports = "; ".join(f"import cypheredge.extractor.domain.{m}" for m in PARSING)
    libraries = ("pypdfium2", "pdfplumber", "pdfminer")
    probe = f"{imports}; import sys; print(sorted(m for m in {libraries!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
