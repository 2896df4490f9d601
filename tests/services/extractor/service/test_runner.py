"""The cascade runner on the PDF sandbox: results, time and memory limits, recovery after a stop."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from cetest import hostile
from cetest.pdfs import DIGITAL_NZ, sample
from cypheredge.contracts.notices import REPAIRED_PDF, repaired_pdf
from cypheredge.extractor.service.runner import CascadeRunner, extraction_limits
from cypheredge.pdf import PdfTooMuchMemory, PdfTooSlow

STRESS = "25_stress_5000_rows_single_page.pdf"


async def test_extracts_in_a_worker_and_recovers_after_a_timeout() -> None:
    runner = CascadeRunner(workers=1, timeout=0.05)
    runner.start(wait=True)
    try:
        first = runner.sandbox.worker_pids
        with pytest.raises(PdfTooSlow, match="longer than"):
            await runner.read(sample(STRESS))
        assert runner.sandbox.worker_pids == ()  # the overrunning worker was killed
        runner.sandbox.limits = extraction_limits(120, 2048)  # carries on, on a fresh worker
        document = (await runner.read(sample(DIGITAL_NZ), (repaired_pdf(),))).document
        assert len(document.transactions) == 6
        assert document.reconciled is True
        assert [w.code for w in document.warnings] == [REPAIRED_PDF]
        assert runner.sandbox.worker_pids != first
    finally:
        runner.close()


async def test_a_file_over_the_memory_cap_is_stopped_and_the_next_file_is_read() -> None:
    # A content stream that inflates to 4 GiB: pdfium cannot hold it under a 256 MiB cap.
    runner = CascadeRunner(workers=1, max_memory_mb=256)
    runner.start(wait=True)
    try:
        before = runner.sandbox.worker_pids
        with pytest.raises(PdfTooMuchMemory):
            await runner.read(hostile.decompression_bomb())
        document = (await runner.read(sample(DIGITAL_NZ))).document
        assert len(document.transactions) == 6
        assert runner.sandbox.worker_pids != before
    finally:
        runner.close()


async def test_a_worker_killed_while_the_pool_is_idle_costs_no_file() -> None:
    runner = CascadeRunner(workers=2)
    runner.start(wait=True)
    try:
        await runner.read(sample(DIGITAL_NZ))  # the workers are up and idle now
        idle = runner.sandbox.worker_pids
        assert len(idle) == 2
        for pid in idle:
            os.kill(pid, signal.SIGKILL)
        _wait_dead(idle)
        document = (await runner.read(sample(DIGITAL_NZ))).document
        assert len(document.transactions) == 6
    finally:
        runner.close()


async def test_a_worker_killed_mid_file_costs_no_file() -> None:
    # The soak's chaos: an extraction worker SIGKILLed while it reads; the file is read again.
    runner = CascadeRunner(workers=1)
    runner.start(wait=True)
    try:
        (pid,) = runner.sandbox.worker_pids
        pending = runner.read(sample(STRESS))
        killer = _kill_soon(pid)
        document = (await pending).document
        killer.join()
        assert len(document.transactions) > 1000
        assert pid not in runner.sandbox.worker_pids
    finally:
        runner.close()


def _kill_soon(pid: int) -> threading.Thread:
    def kill() -> None:
        time.sleep(0.5)
        os.kill(pid, signal.SIGKILL)

    thread = threading.Thread(target=kill)
    thread.start()
    return thread


def _wait_dead(pids: tuple[int, ...]) -> None:
    for pid in pids:
        stat = Path(f"/proc/{pid}/stat")
        for _ in range(500):
            if not stat.exists() or stat.read_text().rsplit(")", 1)[1].split()[0] == "Z":
                break
            time.sleep(0.01)
        else:
            raise AssertionError(f"worker {pid} did not die")
