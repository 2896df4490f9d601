"""The extraction domain: statement PDFs in, exact transactions out.

`extract_pdf` runs the full cascade; everything else here works on plain word boxes and never
imports a PDF library (the readers live in `cypheredge.extractor.pdfwords`).
"""

from cypheredge.extractor.domain.api import extract_pdf
from cypheredge.extractor.domain.model import (
    AccountInfo,
    ChainBreak,
    ExtractionResult,
    Notice,
    PageReport,
    StatementInfo,
    Transaction,
)
from cypheredge.extractor.domain.words import PageWords, Word

__all__ = [
    "AccountInfo",
    "ChainBreak",
    "ExtractionResult",
    "Notice",
    "PageReport",
    "PageWords",
    "StatementInfo",
    "Transaction",
    "Word",
    "extract_pdf",
]
