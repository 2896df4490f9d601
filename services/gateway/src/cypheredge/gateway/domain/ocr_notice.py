"""The notice a statement carries once the text extractor has handed it to OCR.

The status says that it waits for OCR; the notice says which pages and why (the hand-over's
reason). It is worded to stay true after the OCR extractor's outcome, so it is kept beside
that outcome's own notices rather than removed.
"""

from __future__ import annotations

from collections.abc import Sequence

from cypheredge.contracts.notices import Notice

OCR_PAGES = "ocr_pages"


def ocr_notice(ocr_pages: Sequence[int], reason: str) -> Notice:
    """The notice for a hand-over of ``ocr_pages`` (1-based) because of ``reason``."""
    return Notice(
        code=OCR_PAGES,
        message=f"{reason}; queued for OCR",
        page=ocr_pages[0] if len(ocr_pages) == 1 else None,
    )
