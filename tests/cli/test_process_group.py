"""Process groups of the local stack: a restart ends the whole group, children die with us."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from cypheredge.cli.stack.process import ProcessGroup, wait_exited

# A leader that starts a worker in its own group; the worker ignores SIGTERM, like a stuck one.
LEADER = """
import subprocess, sys, time
worker = subprocess.Popen([sys.executable, "-c", WORKER])
print("worker", worker.pid, flush=True)
time.sleep(600)
"""
WORKER = """
import signal, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
print("ignoring", flush=True)
time.sleep(600)
"""
# An intermediate process that starts a child the way `up` does, then waits to be killed.
PARENT = """
import sys
from cypheredge.cli.stack.process import ProcessGroup
child = ProcessGroup([sys.executable, "-c", "import time; time.sleep(600)"])
child.start()
print(child.pid, flush=True)
sys.stdin.read()
"""


def _wait_for_line(log: Path, word: str, within: float = 30.0) -> str:
    deadline = time.monotonic() + within
    while True:
        for line in log.read_text().splitlines():
            if line.startswith(word):
                return line
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.05)


def test_ending_a_group_whose_leader_was_killed_ends_the_worker_it_left(tmp_path: Path) -> None:
    log = tmp_path / "leader.log"
    group = ProcessGroup([sys.executable, "-c", f"WORKER = {WORKER!r}\n{LEADER}"], log_path=log)
    group.start()
    assert group.pid is not None
    worker = int(_wait_for_line(log, "worker").split()[1])
    _wait_for_line(log, "ignoring")
    os.kill(group.pid, signal.SIGKILL)  # the hard way, as the issue measured
    assert wait_exited([group.pid], 10)
    assert not group.running()
    assert not wait_exited([worker], 0), "the worker outlived its leader (what held the port)"
    group.end(grace=1.0)
    assert wait_exited([worker], 0)


def test_ending_a_running_group_stops_a_worker_that_ignores_sigterm(tmp_path: Path) -> None:
    log = tmp_path / "leader.log"
    group = ProcessGroup([sys.executable, "-c", f"WORKER = {WORKER!r}\n{LEADER}"], log_path=log)
    group.start()
    worker = int(_wait_for_line(log, "worker").split()[1])
    _wait_for_line(log, "ignoring")
    group.end(grace=5.0)
    assert group.pid is None
    assert wait_exited([worker], 0)


def test_a_child_dies_when_the_process_that_started_it_is_killed() -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        assert parent.stdout is not None
        child = int(parent.stdout.readline())
        assert not wait_exited([child], 0)
        parent.kill()
        assert wait_exited([child], 10), "the child outlived the SIGKILLed parent"
    finally:
        parent.kill()
        parent.wait()
