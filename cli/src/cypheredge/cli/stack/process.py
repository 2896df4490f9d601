"""Child processes that lead their own process group and die with the supervisor.

Each child starts a new session (so a Ctrl-C meant for ``up`` reaches only ``up``, which then
stops everything in order) and asks the kernel for a signal when ``up`` dies, however it dies.
Ending a child ends its whole group: a worker it forked must not outlive it and keep its port.
The leader is reaped only after its group has been killed, so its pid, which is also the
group's id, cannot have been reused by then.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from cypheredge.kit.lifetime import dying_with_us

# pidfds and waitid(WNOWAIT) make the waits exact; elsewhere they degrade to polling.
_LINUX = sys.platform.startswith("linux")


class ProcessGroup:
    """One child process, leader of its own process group."""

    def __init__(
        self,
        argv: list[str],
        *,
        env: dict[str, str] | None = None,
        log_path: Path | None = None,
        user: str | None = None,
        death_signal: int = signal.SIGKILL,
    ) -> None:
        self.argv = argv
        self._env = env
        self._log_path = log_path
        self._user = user
        self._death_signal = death_signal
        self._popen: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int | None:
        return self._popen.pid if self._popen is not None else None

    def start(self) -> None:
        log = open(self._log_path, "ab") if self._log_path else None  # noqa: SIM115
        try:
            self._popen = subprocess.Popen(
                self.argv,
                env=self._env,
                stdin=subprocess.DEVNULL,
                stdout=log or subprocess.DEVNULL,
                stderr=log or subprocess.DEVNULL,
                start_new_session=True,
                user=self._user,
                preexec_fn=dying_with_us(self._death_signal),
            )
        finally:
            if log is not None:
                log.close()  # the child has its own copy

    def running(self) -> bool:
        """Whether the leader still runs; an exited leader is left unreaped (see the module)."""
        if self._popen is None or self._popen.returncode is not None:
            return False
        if not _LINUX:  # no waitid(WNOWAIT) to look without reaping: reap
            return self._popen.poll() is None
        try:
            state = os.waitid(os.P_PID, self._popen.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        except ChildProcessError:
            return False
        return state is None

    def send(self, signum: int) -> None:
        """Send ``signum`` to the leader, if it still runs."""
        if self._popen is not None and self.running():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._popen.pid, signum)

    def end(self, grace: float = 10.0, signum: int = signal.SIGTERM) -> None:
        """Ask the leader to stop (``signum``), then kill what is left of the group; reap."""
        if self._popen is None:
            return
        pid = self._popen.pid
        if self.running():
            self.send(signum)
            wait_exited([pid], grace)
        if self._popen.returncode is None:
            members = group_members(pid)
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGKILL)
            wait_exited(members, 10.0)
        self._popen.wait()
        self._popen = None


def group_members(pgid: int) -> list[int]:
    """The pids in process group ``pgid`` (Linux /proc; empty elsewhere)."""
    members = []
    with contextlib.suppress(FileNotFoundError):
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    if os.getpgid(int(entry)) == pgid:
                        members.append(int(entry))
    return members


def wait_exited(pids: Iterable[int], timeout: float) -> bool:
    """Wait up to ``timeout`` s for every pid to exit; True when they all did.

    A pidfd becomes readable when its process exits, zombie or not, so this also works for
    processes that are not our children and that nobody reaps.
    """
    deadline = time.monotonic() + timeout
    if not _LINUX:
        return _poll_exited(list(pids), deadline)
    fds = []
    try:
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                fds.append(os.pidfd_open(pid))
        return wait_pidfds(fds, deadline)
    finally:
        for fd in fds:
            os.close(fd)


def _poll_exited(pids: list[int], deadline: float) -> bool:
    while True:
        alive = []
        for pid in pids:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, 0)
                alive.append(pid)
        if not alive or time.monotonic() >= deadline:
            return not alive
        time.sleep(0.05)


def wait_pidfds(fds: list[int], deadline: float) -> bool:
    """Wait until every pidfd's process has exited, or ``deadline``; True when they all did."""
    pending = list(fds)
    while pending:
        left = max(0.0, deadline - time.monotonic())
        readable, _, _ = select.select(pending, [], [], left)
        if not readable:
            return False
        pending = [fd for fd in pending if fd not in readable]
    return True
