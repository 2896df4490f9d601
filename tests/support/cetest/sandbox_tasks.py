"""Tasks for the PDF sandbox's own tests, run in its workers (``PYTHONPATH`` names this dir).

Each misbehaves the way a parser fed a hostile file can: it outgrows memory, spins, sleeps,
or dies of a signal; ``echo`` is the well-behaved job that must still work afterwards.
"""

from __future__ import annotations

import os
import signal
import time

from cypheredge.pdf import Done, Job, PdfLimits

BY_NAME = {
    "echo": "echo",
    "hog": "hog",
    "spin": "spin",
    "sleep": "sleep",
    "segfault": "segfault",
    "explode": "explode",
}
ROUTER = "cetest.sandbox_tasks:route"


def route(job: Job, limits: PdfLimits) -> Done:
    """Runs the task ``job.options["do"]`` names (one worker kind for every test job)."""
    name = str(job.options.get("do", "echo"))
    task = globals()[BY_NAME[name]]
    result: Done = task(job, limits)
    return result


def echo(job: Job, limits: PdfLimits) -> Done:
    return Done({"pid": os.getpid(), "size": len(job.data)}, job.data[::-1])


def hog(job: Job, limits: PdfLimits) -> Done:
    # Twice the cap, touched page by page: RLIMIT_AS refuses it long before that.
    chunks = []
    for _ in range(2 * limits.max_memory_bytes // (64 * 1024 * 1024)):
        chunks.append(bytearray(64 * 1024 * 1024))
    return Done({"held": len(chunks)})


def spin(job: Job, limits: PdfLimits) -> Done:
    while True:
        pass


def sleep(job: Job, limits: PdfLimits) -> Done:
    time.sleep(3600)
    return Done()


def segfault(job: Job, limits: PdfLimits) -> Done:
    os.kill(os.getpid(), signal.SIGSEGV)
    time.sleep(60)
    return Done()


def explode(job: Job, limits: PdfLimits) -> Done:
    raise ValueError("the parser gave up")
