"""One ``up`` per data dir: an exclusive lock on ``<data dir>/stack.lock`` that lists the stack.

The kernel drops the lock when its holder dies, however it dies, so a lock that can be taken
means no live ``up`` owns the data dir. The file keeps the pid of the supervisor and of each
process-group leader it started: what a later ``up`` checks for leftovers of one that crashed.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

LOCK_FILE = "stack.lock"


@dataclass(frozen=True)
class StackRecord:
    supervisor: int
    processes: dict[str, int] = field(default_factory=dict)  # name -> group leader's pid


class StackBusy(Exception):
    """Another ``up`` holds the data dir."""

    def __init__(self, data_dir: Path, holder: int | None) -> None:
        who = f" (pid {holder})" if holder else ""
        super().__init__(f"another cypheredge up is running on {data_dir}{who}")


class StackLock:
    """Held for the whole life of one ``up``; ``previous`` is what the last holder recorded."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = data_dir / LOCK_FILE
        self._fd: int | None = None
        self.previous: StackRecord | None = None

    def acquire(self) -> StackLock:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _parse(_read(fd))
            os.close(fd)
            raise StackBusy(self.data_dir, holder.supervisor if holder else None) from None
        self._fd = fd
        self.previous = _parse(_read(fd))
        self.record({})
        return self

    def record(self, processes: dict[str, int]) -> None:
        """Replace the file's list with ``processes`` (called whenever a child (re)starts)."""
        assert self._fd is not None, "record() needs the lock"
        data = json.dumps({"supervisor": os.getpid(), "processes": processes}).encode()
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, data, 0)

    def release(self) -> None:
        """A clean stop leaves nothing to clean up: the list is emptied, then the lock dropped."""
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)
        os.close(self._fd)  # closing drops the flock
        self._fd = None

    def __enter__(self) -> StackLock:
        return self.acquire()

    def __exit__(self, *_: object) -> None:
        self.release()


def _read(fd: int) -> bytes:
    size = os.fstat(fd).st_size
    return os.pread(fd, size, 0) if size else b""


def _parse(raw: bytes) -> StackRecord | None:
    try:
        value = json.loads(raw)
        return StackRecord(
            int(value["supervisor"]), {str(k): int(v) for k, v in value["processes"].items()}
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
