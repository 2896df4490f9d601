"""The PDF sandbox's pool: limits stop a job, its worker is replaced, the next job works.

The tasks (``cetest.sandbox_tasks``) run in real worker processes under real rlimits.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cypheredge.pdf import (
    Done,
    Job,
    PdfCrashedParser,
    PdfLimits,
    PdfSandbox,
    PdfTaskFailed,
    PdfTooMuchMemory,
    PdfTooSlow,
    as_done,
)

MIB = 1024 * 1024
SUPPORT = Path(__file__).resolve().parents[2] / "support"
ROUTER = "cetest.sandbox_tasks:route"


@pytest.fixture(autouse=True)
def _workers_import_the_test_tasks(monkeypatch: pytest.MonkeyPatch) -> None:
    path = os.environ.get("PYTHONPATH")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(SUPPORT), path])))


@pytest.fixture
def sandbox() -> Iterator[PdfSandbox]:
    limits = PdfLimits(max_seconds=2.0, max_memory_bytes=256 * MIB)
    with PdfSandbox(ROUTER, limits, workers=2) as pool:
        yield pool


def job(do: str, data: bytes = b"%PDF-1.7 hello") -> Job:
    return Job({"do": do}, data)


def echo(pool: PdfSandbox) -> dict[str, Any]:
    done = pool.run(job("echo"), as_done)
    assert done.body == b"olleh 7.1-FDP%"
    return done.fields


def test_jobs_run_in_reused_workers(sandbox: PdfSandbox) -> None:
    sandbox.start()
    started = sandbox.worker_pids
    assert len(started) == 2
    assert echo(sandbox)["pid"] in started
    assert echo(sandbox)["pid"] in started
    assert sandbox.worker_pids == started


def test_a_job_over_the_memory_cap_is_stopped_and_the_next_runs_on_a_fresh_worker(
    sandbox: PdfSandbox,
) -> None:
    before = echo(sandbox)["pid"]
    with pytest.raises(PdfTooMuchMemory) as caught:
        sandbox.run(job("hog"), as_done)
    assert caught.value.code == "too_large"
    after = echo(sandbox)["pid"]
    assert after != before


def test_a_job_over_the_wall_clock_is_killed_and_its_worker_replaced(
    sandbox: PdfSandbox,
) -> None:
    before = echo(sandbox)["pid"]
    started = time.monotonic()
    with pytest.raises(PdfTooSlow, match="longer than 2 s") as caught:
        sandbox.run(job("sleep"), as_done)
    assert caught.value.code == "timeout"
    assert time.monotonic() - started < 10
    _assert_gone(before)
    assert echo(sandbox)["pid"] != before


def test_a_job_spinning_the_cpu_is_stopped(sandbox: PdfSandbox) -> None:
    with pytest.raises(PdfTooSlow):
        sandbox.run(job("spin"), as_done)
    echo(sandbox)


def test_a_worker_that_crashes_is_reported_and_replaced(sandbox: PdfSandbox) -> None:
    before = echo(sandbox)["pid"]
    with pytest.raises(PdfCrashedParser, match="crashed the PDF parser") as caught:
        sandbox.run(job("segfault"), as_done)
    assert caught.value.code == "malformed"
    assert echo(sandbox)["pid"] != before


def test_a_task_that_raises_is_a_failure_not_a_rejection(sandbox: PdfSandbox) -> None:
    with pytest.raises(PdfTaskFailed, match="ValueError: the parser gave up"):
        sandbox.run(job("explode"), as_done)
    echo(sandbox)


def test_a_reply_the_reader_refuses_kills_the_worker(sandbox: PdfSandbox) -> None:
    before = echo(sandbox)["pid"]

    def refuse(done: Done) -> Done:
        raise ValueError("not a document")

    with pytest.raises(PdfCrashedParser, match="invalid result"):
        sandbox.run(job("echo"), refuse)
    _assert_gone(before)
    assert before not in sandbox.worker_pids


def test_a_worker_killed_while_idle_costs_no_job(sandbox: PdfSandbox) -> None:
    sandbox.start()
    for pid in sandbox.worker_pids:
        os.kill(pid, signal.SIGKILL)
        _assert_gone(pid, zombie=True)  # the sandbox reaps it when it next looks
    echo(sandbox)
    echo(sandbox)


def test_jobs_run_at_once_on_every_worker(sandbox: PdfSandbox) -> None:
    # Two slow jobs at once on two workers: both time out in about one timeout, not two.
    sandbox.start()
    errors: list[BaseException] = []

    def slow() -> None:
        try:
            sandbox.run(job("sleep"), as_done)
        except BaseException as exc:
            errors.append(exc)

    started = time.monotonic()
    threads = [threading.Thread(target=slow) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [type(e) for e in errors] == [PdfTooSlow, PdfTooSlow]
    assert time.monotonic() - started < 3.9
    echo(sandbox)


def test_closed_sandbox_refuses_work_and_leaves_no_worker() -> None:
    pool = PdfSandbox(ROUTER, PdfLimits(), workers=2)
    pool.start()
    pids = pool.worker_pids
    pool.close()
    for pid in pids:
        _assert_gone(pid)
    with pytest.raises(RuntimeError, match="closed"):
        pool.run(job("echo"), as_done)


def _assert_gone(pid: int, *, zombie: bool = False) -> None:
    # Reaped by the sandbox (not a zombie left behind, unless ``zombie``); a wait, not a
    # timing assertion.
    stat = Path(f"/proc/{pid}/stat")
    for _ in range(500):
        if not stat.exists():
            return
        if zombie and stat.read_text().rsplit(")", 1)[1].split()[0] == "Z":
            return
        time.sleep(0.01)
    raise AssertionError(f"worker {pid} is still there")
