"""The real extractor process, SIGKILLed: its workers go with it and a restart gets the port.

Neither broker nor database needs to answer: the service opens its health port, starts its
extraction workers and then waits for the broker, which is the state the kill hits here.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil
import pytest

from cypheredge.cli.stack.embedded import free_port
from cypheredge.cli.stack.process import wait_exited


@pytest.fixture
def started() -> Iterator[list[subprocess.Popen[bytes]]]:
    processes: list[subprocess.Popen[bytes]] = []
    yield processes
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _extractor(health_port: int, log: Path, started: list[subprocess.Popen[bytes]]) -> int:
    env = dict(
        os.environ,
        EXTRACTOR_HEALTH_PORT=str(health_port),
        KAFKA_BOOTSTRAP_SERVERS=f"127.0.0.1:{free_port()}",  # nobody: it waits for a broker
        DATABASE_URL=f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/none",
        LOG_JSON="false",
    )
    with log.open("ab") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "cypheredge.extractor"],
            env=env,
            stdout=out,
            stderr=out,
            start_new_session=True,
        )
    started.append(process)
    return process.pid


def _serving(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200
    except httpx.TransportError:
        return False


def _workers(pid: int) -> list[int]:
    """The extraction workers (and, with spawned workers, multiprocessing's resource tracker)."""
    return [child.pid for child in psutil.Process(pid).children()]


def _wait(condition: object, what: str, log: Path, within: float = 60.0) -> None:
    assert callable(condition)
    deadline = time.monotonic() + within
    while not condition():
        assert time.monotonic() < deadline, f"{what}; log:\n{log.read_text()}"
        time.sleep(0.1)


def test_a_sigkilled_extractor_leaves_no_worker_and_its_restart_serves_the_port(
    tmp_path: Path, started: list[subprocess.Popen[bytes]]
) -> None:
    port = free_port()
    log = tmp_path / "extractor.log"
    first = _extractor(port, log, started)
    _wait(lambda: _serving(port) and _workers(first), "first start", log)
    workers = _workers(first)
    os.kill(first, signal.SIGKILL)
    assert wait_exited(workers, 10), "an extraction worker outlived the SIGKILLed service"
    _extractor(port, log, started)
    _wait(lambda: _serving(port), "the restarted extractor never served its port", log)
    assert started[-1].poll() is None, "the restarted extractor died"
    assert "address already in use" not in log.read_text()
