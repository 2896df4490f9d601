"""A later `up` ends what a crashed one left running on its data dir, and nothing else."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cypheredge.cli.stack.embedded import EmbeddedPostgres, free_port
from cypheredge.cli.stack.lock import StackRecord
from cypheredge.cli.stack.process import wait_exited
from cypheredge.cli.stack.stale import end_stale_stack, stack_env

# A leftover service: holds a port, ignores SIGTERM, and has a worker in its group.
SERVICE = """
import signal, socket, subprocess, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
server = socket.socket()
server.bind(("127.0.0.1", int(sys.argv[1])))
server.listen()
worker = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
print(worker.pid, flush=True)
time.sleep(600)
"""
SLEEPER = [sys.executable, "-c", "import time; time.sleep(600)"]


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        process.kill()
        process.wait()


def _start(
    argv: list[str], env: dict[str, str], started: list[subprocess.Popen[str]]
) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        argv, env=env, stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    started.append(process)
    return process


def test_a_stale_stack_is_ended_but_a_process_with_a_reused_pid_is_not(
    tmp_path: Path, processes: list[subprocess.Popen[str]]
) -> None:
    data_dir = tmp_path / "data"
    port = free_port()
    ours = dict(os.environ, **stack_env(data_dir))
    service = _start([sys.executable, "-c", SERVICE, str(port)], ours, processes)
    assert service.stdout is not None
    worker = int(service.stdout.readline())
    # Listed in the record but not ours: what a pid reused since the crash looks like.
    stranger = _start(
        [sys.executable, "-c", "import time; time.sleep(600)"], dict(os.environ), processes
    )
    other_stack = dict(os.environ, **stack_env(tmp_path / "another"))
    neighbour = _start(
        [sys.executable, "-c", "import time; time.sleep(600)"], other_stack, processes
    )
    postgres = EmbeddedPostgres(data_dir / "postgres")
    postgres.start()
    postmaster = postgres.pid
    assert postmaster is not None
    try:
        record = StackRecord(
            supervisor=2**22,
            processes={"ingest": service.pid, "relay": stranger.pid, "billing": neighbour.pid},
        )
        ended = end_stale_stack(data_dir, record, data_dir / "postgres", grace=1.0)
        assert sorted(ended) == sorted([service.pid, worker, postmaster])
        assert wait_exited(ended, 0)
        assert not wait_exited([stranger.pid, neighbour.pid], 0)
        assert not (data_dir / "postgres" / "postmaster.pid").exists(), "a clean fast shutdown"
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", port))  # the port the leftover held is free again
    finally:
        postgres.stop()


def test_nothing_to_end_without_a_record_or_a_postmaster(tmp_path: Path) -> None:
    assert end_stale_stack(tmp_path, None, tmp_path / "postgres") == []
