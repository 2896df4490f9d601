"""The cascade runner's process pool: results, time limit, and recovery after a stop."""

from __future__ import annotations

import pytest

from cetest.pdfs import DIGITAL_NZ, sample
from cypheredge.contracts.notices import REPAIRED_PDF, repaired_pdf
from cypheredge.extractor.service.runner import CascadeRunner, ExtractionAborted

STRESS = "25_stress_5000_rows_single_page.pdf"


async def test_extracts_in_a_worker_and_recovers_after_a_timeout() -> None:
    runner = CascadeRunner(workers=1, timeout=0.05)
    try:
        with pytest.raises(ExtractionAborted, match="longer than"):
            await runner.extract(sample(STRESS))
        runner.timeout = 120  # the same runner carries on with a fresh pool
        document = await runner.extract(sample(DIGITAL_NZ), (repaired_pdf(),))
        assert len(document.transactions) == 6
        assert document.reconciled is True
        assert [w.code for w in document.warnings] == [REPAIRED_PDF]
    finally:
        runner.close()
