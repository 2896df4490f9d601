"""The cascade runner's process pool: results, time limit, and recovery after a stop."""

from __future__ import annotations

import signal

import psutil
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


def _workers() -> list[psutil.Process]:
    """The pool's worker processes (not multiprocessing's resource tracker)."""
    return [
        child
        for child in psutil.Process().children()
        if "spawn_main" in " ".join(child.cmdline())
        and "resource_tracker" not in " ".join(child.cmdline())
    ]


async def test_a_worker_killed_while_the_pool_is_idle_costs_no_file() -> None:
    runner = CascadeRunner(workers=1)
    try:
        await runner.extract(sample(DIGITAL_NZ))  # the pool's worker is up and idle now
        idle = _workers()
        for worker in idle:
            worker.send_signal(signal.SIGKILL)
        psutil.wait_procs(idle, timeout=10)
        document = await runner.extract(sample(DIGITAL_NZ))  # once refused by a broken pool
        assert len(document.transactions) == 6
    finally:
        runner.close()
