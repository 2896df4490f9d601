"""`make up` as a newcomer runs it: `cypheredge up --demo` on embedded defaults, with the plans'
rate limits on (a new org is on the free plan), submits the bundled samples and leaves their
workbook and exports in the folder it prints."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

import pytest

from cypheredge.cli.stack.embedded import free_port

pytestmark = [pytest.mark.integration, pytest.mark.slow]
CLI = str(Path(sys.executable).with_name("cypheredge"))
DONE = "workbook and exports of the sample batch:"
FAILED = "sample run failed"


def _newcomers_env() -> dict[str, str]:
    # Nothing configured, and the rate limits a real deployment has (tests turn them off).
    hidden = (
        "DATABASE_URL",
        "KAFKA_BOOTSTRAP_SERVERS",
        "S3_ENDPOINT",
        "REDIS_URL",
        "GATEWAY_RATE_LIMIT_BY_PLAN",
    )
    return {k: v for k, v in os.environ.items() if k not in hidden}


def test_up_demo_leaves_the_sample_batchs_workbook_and_exports(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    up = subprocess.Popen(
        [CLI, "up", "--demo", "--port", str(free_port()), "--data-dir", str(data_dir)],
        env=_newcomers_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    assert up.stdout is not None

    def read(stream: IO[str]) -> None:
        for line in stream:
            lines.put(line)

    threading.Thread(target=read, args=(up.stdout,), daemon=True).start()
    seen: list[str] = []
    try:
        deadline = time.monotonic() + 420
        while not any(DONE in line or FAILED in line for line in seen):
            assert up.poll() is None, "".join(seen)
            left = deadline - time.monotonic()
            assert left > 0, "".join(seen[-20:])
            try:
                seen.append(lines.get(timeout=min(left, 5)))
            except queue.Empty:
                continue
    finally:
        up.send_signal(signal.SIGINT)
        up.wait(60)
    told = " ".join(" ".join(seen).split())
    assert FAILED not in told, told[-2000:]
    results = data_dir / "results"
    (batch_dir,) = results.iterdir()
    names = {p.suffix for p in batch_dir.iterdir()}
    assert ".xlsx" in names, sorted(p.name for p in batch_dir.iterdir())
    assert len(list(batch_dir.iterdir())) >= 7  # the workbook and six exports
