"""How ``status`` and ``submit`` print a batch: statuses people read, and a batch waiting on
the OCR queue says so while it is followed."""

from __future__ import annotations

from typing import Any

import pytest

from cypheredge.cli import batches

BATCH = "7f1b1c1e-3e6f-4a8e-9a0e-1a2b3c4d5e6f"


def _batch(*statuses: str) -> dict[str, Any]:
    statements = [
        {"filename": f"{n}.pdf", "status": s, "transactions": None, "error": None}
        for n, s in enumerate(statuses)
    ]
    return {"id": BATCH, "status": "processing", "statements": statements}


def test_the_progress_line_counts_the_statements_waiting_for_ocr() -> None:
    waiting = _batch("queued_for_ocr", "extracted", "queued_for_ocr")
    assert batches.progress_text(waiting) == "processing (2 queued for OCR)"
    assert batches.progress_text(_batch("ingested", "extracted")) == "processing"


def test_the_summary_reads_queued_for_ocr_and_prints_unknown_statuses_as_sent(
    capsys: pytest.CaptureFixture[str],
) -> None:
    batches.show(_batch("queued_for_ocr", "reported", "some_later_status"))
    lines = capsys.readouterr().err.splitlines()
    assert lines[1:] == [
        "  0.pdf: queued for OCR",
        "  1.pdf: reported",
        "  2.pdf: some_later_status",
    ]
