"""Ending what a crashed ``up`` of the same data dir left running.

Children normally die with their supervisor (parent-death signal), but a previous version,
a child that ignored its signal, or a server started by another command can outlive it and
keep the ports. Only processes proven to be ours are touched: those of the recorded process
groups whose environment carries this data dir's stack marker, and a postmaster serving this
data dir's PostgreSQL. Each is held by a pidfd from the moment it is checked, so a pid reused
in between can never be signalled by mistake.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

from cypheredge.cli.stack.lock import StackRecord
from cypheredge.cli.stack.postgres import running_postmaster
from cypheredge.cli.stack.process import group_members, wait_pidfds

# Set in the environment of every process ``up`` starts (inherited by theirs).
STACK_MARKER = "CYPHEREDGE_STACK"


@dataclass(frozen=True)
class _Held:
    pid: int
    fd: int
    stop_signal: int


def stack_env(data_dir: Path) -> dict[str, str]:
    """The environment entry that marks a process as part of ``data_dir``'s stack."""
    return {STACK_MARKER: str(data_dir)}


def end_stale_stack(
    data_dir: Path, record: StackRecord | None, pgdata: Path, grace: float = 10.0
) -> list[int]:
    """Stop the leftovers of ``data_dir``'s previous stack; returns the pids that were ended."""
    postmaster = _postmaster(pgdata)
    held = _ours(data_dir, record, skip={item.pid for item in postmaster}) + postmaster
    try:
        for item in held:
            with contextlib.suppress(ProcessLookupError):
                signal.pidfd_send_signal(item.fd, item.stop_signal)
        if not wait_pidfds([item.fd for item in held], time.monotonic() + grace):
            for item in held:
                with contextlib.suppress(ProcessLookupError):
                    signal.pidfd_send_signal(item.fd, signal.SIGKILL)
            wait_pidfds([item.fd for item in held], time.monotonic() + 10.0)
        return [item.pid for item in held]
    finally:
        for item in held:
            os.close(item.fd)


def _ours(data_dir: Path, record: StackRecord | None, skip: set[int]) -> list[_Held]:
    if record is None:
        return []
    pids: set[int] = set()
    for leader in record.processes.values():
        pids.update([leader, *group_members(leader)])
    marker = f"{STACK_MARKER}={data_dir}".encode()
    held = []
    for pid in sorted(pids - skip - {os.getpid()}):
        fd = _pidfd(pid)
        if fd is None:
            continue
        if marker in _environ(pid):
            held.append(_Held(pid, fd, signal.SIGTERM))
        else:
            os.close(fd)
    return held


def _postmaster(pgdata: Path) -> list[_Held]:
    pid = running_postmaster(pgdata)
    fd = _pidfd(pid) if pid is not None else None
    if pid is None or fd is None:
        return []
    if running_postmaster(pgdata) != pid:  # it exited between the two looks
        os.close(fd)
        return []
    return [_Held(pid, fd, signal.SIGINT)]  # fast shutdown: clients go, the data is kept clean


def _pidfd(pid: int) -> int | None:
    if not hasattr(os, "pidfd_open"):  # not Linux: nothing can be proven ours, nothing is touched
        return None
    try:
        return os.pidfd_open(pid)
    except (ProcessLookupError, PermissionError):
        return None


def _environ(pid: int) -> list[bytes]:
    try:
        return Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    except (FileNotFoundError, PermissionError, ProcessLookupError):
        return []
