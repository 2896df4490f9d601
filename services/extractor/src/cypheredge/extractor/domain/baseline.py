"""The benchmark's baseline: pdfplumber's table strategies alone, through the same parsing."""

from __future__ import annotations

from cypheredge.extractor.domain.model import ExtractionResult


def extract_pdf_pdfplumber_only(data: bytes) -> ExtractionResult:
    """Like `extract_pdf`, but every page is read by pdfplumber (lines+lines, lines+text, then
    text+text) instead of the word-geometry stage; no fallbacks."""
    from cypheredge.extractor.pdfwords.baseline import run_baseline

    return run_baseline(data)
