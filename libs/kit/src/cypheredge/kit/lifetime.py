"""Processes that die with their parent: Linux's parent-death signal (``PR_SET_PDEATHSIG``).

A supervisor killed with SIGKILL cannot stop its children; the kernel can. Each child asks
for a signal when the thread that started it dies. The request is made in the child (an
initializer, or ``preexec_fn`` between fork and exec) and checked against the parent's pid
afterwards, because a parent that died before the request was made sends nothing.
Elsewhere than Linux these are no-ops.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from collections.abc import Callable

_PR_SET_PDEATHSIG = 1


def _prctl() -> Callable[[int, int, int, int, int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    prctl: Callable[[int, int, int, int, int], int] = ctypes.CDLL(None, use_errno=True).prctl
    return prctl


def die_with_parent(signum: int = signal.SIGKILL, parent: int | None = None) -> None:
    """Have the kernel send ``signum`` to this process when its parent dies.

    ``parent`` is the pid the caller expects as parent; if it is already gone (we were
    reparented before asking), ``signum`` is sent at once.
    """
    prctl = _prctl()
    if prctl is None:
        return
    if prctl(_PR_SET_PDEATHSIG, signum, 0, 0, 0) != 0:
        error = ctypes.get_errno()
        raise OSError(error, os.strerror(error))
    if parent is not None and os.getppid() != parent:
        os.kill(os.getpid(), signum)


def dying_with_us(signum: int = signal.SIGKILL) -> Callable[[], None]:
    """A ``preexec_fn`` for ``subprocess.Popen``: the child gets ``signum`` when we die.

    The libc lookup happens here, in the parent, so that the child between fork and exec runs
    only the system call. It must come after any change of user (Popen's ``user=``), which
    clears the setting; Popen runs ``preexec_fn`` after it.
    """
    prctl = _prctl()
    parent = os.getpid()

    def preexec() -> None:
        if prctl is None:
            return
        prctl(_PR_SET_PDEATHSIG, signum, 0, 0, 0)
        if os.getppid() != parent:
            os.kill(os.getpid(), signum)

    return preexec
