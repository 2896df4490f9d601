"""The extractor's Prometheus metrics, recorded in the service process.

The cascade runs in sandbox worker processes, whose registries nobody scrapes: what a metric
needs comes back with the extraction (the document's pages and methods, the seconds OCR spent
on each page) and is recorded here. Labels are method kinds, stages and reasons, each a small
fixed set; never an org or statement id.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from prometheus_client import Counter, Histogram

from cypheredge.contracts.extraction import PageReport
from cypheredge.extractor.domain.document import FLAGGED

# The text layer's reader (``pdfwords.readers.PdfiumReader.method``; not imported: the service
# process keeps the PDF libraries out, they run in the workers).
TEXT_METHOD = "geometric"
MethodKind = Literal["text", "fallback", "ocr", "flagged"]
FailureReason = Literal[
    "no_text_layer", "unverifiable", "checksum_mismatch", "sandbox", "cascade", "unreadable"
]

PAGES = Counter(
    "cypheredge_extractor_pages_total",
    "Pages of extracted statements by the kind of method that read them: text (the text "
    "layer's geometry), fallback (table strategies, the table model), ocr, flagged (unread)",
    ["method"],
)
OCR_PAGE_SECONDS = Histogram(
    "cypheredge_extractor_ocr_page_seconds",
    "Seconds OCR recognition took on one page (both readings of a page turned upright)",
    buckets=(0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 20.0, 40.0, 80.0),
)
STATEMENTS = Counter(
    "cypheredge_extractor_statements_total",
    "Statements by outcome: extracted, failed, queued_for_ocr (handed to the OCR extractor)",
    ["outcome"],
)
FAILURES = Counter(
    "cypheredge_extractor_failures_total",
    "Statements whose extraction failed, by stage and reason",
    ["stage", "reason"],
)


def method_kind(method: str) -> MethodKind:
    """The kind of a page's method (``geometric``, ``pdfplumber:...``, ``ocr:rapidocr``...)."""
    if method == FLAGGED:
        return "flagged"
    if method.startswith("ocr:"):
        return "ocr"
    if method == TEXT_METHOD:
        return "text"
    return "fallback"


def count_pages(pages: Iterable[PageReport]) -> None:
    for page in pages:
        PAGES.labels(method=method_kind(page.method)).inc()


def observe_ocr(seconds: Sequence[float]) -> None:
    for value in seconds:
        OCR_PAGE_SECONDS.observe(value)


def count_statement(outcome: Literal["extracted", "queued_for_ocr"]) -> None:
    STATEMENTS.labels(outcome=outcome).inc()


def count_failure(stage: str, reason: FailureReason) -> None:
    STATEMENTS.labels(outcome="failed").inc()
    FAILURES.labels(stage=stage, reason=reason).inc()
