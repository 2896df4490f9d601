"""One `up` per data dir, and the record a crashed one leaves for the next."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cypheredge.cli.stack.lock import StackBusy, StackLock, StackRecord

HOLDER = """
import sys, time
from pathlib import Path
from cypheredge.cli.stack.lock import StackLock
lock = StackLock(Path(sys.argv[1])).acquire()
lock.record({"broker": 4242, "gateway": 4343})
print("locked", flush=True)
time.sleep(600)
"""


def test_a_second_lock_on_the_same_data_dir_is_refused(tmp_path: Path) -> None:
    with StackLock(tmp_path) as first:
        first.record({"gateway": 1234})
        with pytest.raises(StackBusy, match=rf"running on {tmp_path}"):
            StackLock(tmp_path).acquire()
    # A clean stop leaves no record behind.
    with StackLock(tmp_path) as again:
        assert again.previous is None


def test_the_lock_of_a_killed_holder_is_free_and_keeps_its_record(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StackBusy, match=f"pid {holder.pid}"):
            StackLock(tmp_path).acquire()
        holder.kill()
        holder.wait()
        with StackLock(tmp_path) as lock:
            assert lock.previous == StackRecord(holder.pid, {"broker": 4242, "gateway": 4343})
    finally:
        holder.kill()
        holder.wait()
