"""A sandbox worker: ``python -m cypheredge.pdf.worker LIMITS_JSON MODULE:FUNCTION``.

It takes the socket it was given as stdin/stdout for its frames, imports its task (a function
``(Job, PdfLimits) -> Done``, e.g. :data:`~cypheredge.pdf.inspector.INSPECT_TASK`), caps
its own address space, says it is ready, then runs one job at a time until the parent closes
the socket. Anything unexpected ends the process: the parent spawns a fresh one rather than
trust a worker that a hostile file has disturbed.
"""

from __future__ import annotations

import importlib
import json
import logging
import math
import os
import resource
import socket
import sys
from collections.abc import Callable
from typing import cast

from cypheredge.pdf.errors import PdfRejected
from cypheredge.pdf.framing import FrameClosed, recv_frame, send_frames
from cypheredge.pdf.limits import PdfLimits
from cypheredge.pdf.protocol import (
    MAX_HEADER_BYTES,
    READY,
    TOO_MUCH_MEMORY,
    Done,
    Failed,
    Job,
    Refused,
    Reply,
    encode_reply,
)

Task = Callable[[Job, PdfLimits], Done]

# A long-lived worker accumulates heap fragmentation and any leak in the native engines.
MAX_JOBS_PER_WORKER = 500


def main(argv: list[str]) -> int:
    """Serve jobs until the parent closes the socket."""
    limits = PdfLimits(**json.loads(argv[1]))
    channel = _claim_channel()
    # Damaged files make qpdf log warnings by the thousand; the verdict is what matters.
    logging.disable(logging.WARNING)
    task = load_task(argv[2])  # its imports before the cap and the greeting: a warm worker
    _cap_memory(limits.max_memory_bytes)
    try:
        send_frames(channel, [READY], None)
        _serve(channel, limits, task)
    except FrameClosed:
        pass  # the parent is done with us (or gone)
    return 0


def load_task(path: str) -> Task:
    """The function named ``module:function``."""
    module_name, _, name = path.partition(":")
    return cast(Task, getattr(importlib.import_module(module_name), name))


def _serve(channel: socket.socket, limits: PdfLimits, task: Task) -> None:
    for jobs_done in range(1, MAX_JOBS_PER_WORKER + 1):
        header = recv_frame(channel, MAX_HEADER_BYTES, None)
        job = Job.parse(header, recv_frame(channel, limits.max_bytes, None))
        _arm_cpu_backstop(limits.max_seconds)
        reply, retire = _run(task, job, limits)
        retire = retire or jobs_done == MAX_JOBS_PER_WORKER or _heap_is_bloated(limits)
        send_frames(channel, encode_reply(reply, retire), None)
        if retire:
            return


def _run(task: Task, job: Job, limits: PdfLimits) -> tuple[Reply, bool]:
    try:
        return task(job, limits), False
    except PdfRejected as exc:
        return Refused(exc.code, exc.reason), False
    except MemoryError:
        return Refused("too_large", TOO_MUCH_MEMORY), True
    except Exception as exc:
        # Something the task did not foresee (an engine failing oddly): say what, and
        # replace the worker rather than trust its state.
        return Failed(f"{type(exc).__name__}: {exc}"), True


def _claim_channel() -> socket.socket:
    # Keep the socket on a private fd and point fds 0/1 elsewhere, so that a stray print or a
    # native library writing to stdout cannot corrupt the frame stream.
    channel = socket.socket(fileno=os.dup(0))
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(2, 1)
    os.close(devnull)
    return channel


def _cap_memory(max_bytes: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))


def _arm_cpu_backstop(max_seconds: float) -> None:
    # The parent's wall-clock timeout is the real limit; this kills a worker whose parent has
    # died mid-job. RLIMIT_CPU counts the whole process life, so re-arm relative to now.
    usage = resource.getrusage(resource.RUSAGE_SELF)
    soft = math.ceil(usage.ru_utime + usage.ru_stime + max_seconds) + 1
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _heap_is_bloated(limits: PdfLimits) -> bool:
    # A worker that once grew to half its cap keeps that heap, so it retires.
    return _own_peak_bytes() > limits.max_memory_bytes // 2


def _own_peak_bytes() -> int:
    """This process's own peak RSS. Not ru_maxrss: Linux carries the parent's peak over into
    a child it starts, so a worker of a large parent would retire after every job."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # not Linux: the best there is


if __name__ == "__main__":
    sys.exit(main(sys.argv))
