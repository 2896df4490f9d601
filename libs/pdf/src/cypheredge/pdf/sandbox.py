"""The one sandbox for untrusted PDFs: a pool of worker processes under resource limits.

Every service that parses an uploaded file does it here (ingest's inspection, the extractor's
cascade): each worker is a fresh interpreter with an address-space cap (``RLIMIT_AS``), a CPU
backstop (``RLIMIT_CPU``) and, per job, a wall-clock timeout enforced by the parent. A worker
that overruns, dies or talks nonsense is killed and reaped, and a fresh one takes the next job,
so one hostile file never affects another. Jobs run on as many workers at once as the pool has.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from types import TracebackType
from typing import TypeVar

from cypheredge.pdf.errors import PdfCrashedParser, PdfRejected, PdfTaskFailed, PdfTooMuchMemory
from cypheredge.pdf.limits import DEFAULT_LIMITS, PdfLimits
from cypheredge.pdf.protocol import TOO_MUCH_MEMORY, Done, Failed, Job, Refused
from cypheredge.pdf.worker_process import WorkerProcess

T = TypeVar("T")


def as_done(done: Done) -> Done:
    """The reader for callers that take the reply as it is."""
    return done


class PdfSandbox:
    """Runs ``task`` (``"module:function"``, a ``(Job, PdfLimits) -> Done`` function importable
    in a fresh interpreter) in up to ``workers`` sandboxed processes under ``limits``.

    :meth:`run` blocks until its job is done; call it from several threads (``asyncio`` code:
    ``asyncio.to_thread``) to use several workers. Workers start on first use or with
    :meth:`start`, are reused between jobs, and are replaced after any failure.
    """

    def __init__(self, task: str, limits: PdfLimits = DEFAULT_LIMITS, workers: int = 1) -> None:
        if workers < 1:
            raise ValueError("a sandbox needs at least one worker")
        self.task = task
        self.limits = limits
        self.workers = workers
        self._slots = threading.BoundedSemaphore(workers)
        self._lock = threading.Lock()
        self._idle: list[WorkerProcess] = []
        self._busy: set[WorkerProcess] = set()
        self._closed = False

    def run(self, job: Job, read: Callable[[Done], T]) -> T:
        """The task's result for ``job``, as ``read`` makes it from the worker's reply.

        ``read`` validates the reply (the worker has just been fed a hostile file); any
        exception it raises kills the worker and is reported as a crash of the parser.

        Raises :class:`~cypheredge.pdf.errors.PdfRejected` when the task refused the file or
        the sandbox stopped it (its subclasses ``PdfTooMuchMemory``, ``PdfTooSlow`` and
        ``PdfCrashedParser`` say which limit), ``PdfTaskFailed`` when the task raised anything
        else, and ``PdfWorkerError`` when no worker can be started.
        """
        with self._slots:
            worker = self._take()
            try:
                reply = worker.run(job)
                if isinstance(reply, Failed):
                    raise PdfTaskFailed(reply.error)
                if isinstance(reply, Refused):
                    raise _rejection(reply)
                try:
                    return read(reply)
                except Exception as exc:
                    worker.close()  # it lied: never trusted with another file
                    raise PdfCrashedParser("the PDF parser sent an invalid result") from exc
            finally:
                self._give_back(worker)

    def start(self) -> None:
        """Start every worker now rather than on first use (those running are kept).

        The workers start at once, in parallel; raises
        :class:`~cypheredge.pdf.errors.PdfWorkerError` when one cannot.
        """
        with self._lock:
            self._check_open()
            self._idle = [w for w in self._idle if w.alive]
            missing = self.workers - len(self._idle) - len(self._busy)
            fresh = [WorkerProcess(self.limits, self.task, wait=False) for _ in range(missing)]
            try:
                for worker in fresh:
                    worker.await_ready()
            except BaseException:
                for worker in fresh:
                    worker.close()
                raise
            self._idle.extend(fresh)

    @property
    def worker_pids(self) -> tuple[int, ...]:
        """The running workers' process ids (idle and busy); for monitoring and tests."""
        with self._lock:
            workers = [*self._idle, *self._busy]
        return tuple(sorted(w.pid for w in workers if w.alive))

    def close(self) -> None:
        """Stop every worker (a job running is stopped too). The sandbox cannot be used after."""
        with self._lock:
            self._closed = True
            workers = [*self._idle, *self._busy]
            self._idle.clear()
        for worker in workers:
            worker.close()

    def __enter__(self) -> PdfSandbox:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _take(self) -> WorkerProcess:
        with self._lock:
            self._check_open()
            while self._idle:
                worker = self._idle.pop()
                if worker.alive:
                    self._busy.add(worker)
                    return worker
                # Died while idle (the OOM killer, an operator): replaced, not blamed.
                worker.close()
        # Started outside the lock: other jobs keep running meanwhile. The slot held by our
        # caller keeps the pool at its size.
        worker = WorkerProcess(self.limits, self.task)
        with self._lock:
            if self._closed:
                worker.close()
                self._check_open()
            self._busy.add(worker)
        return worker

    def _give_back(self, worker: WorkerProcess) -> None:
        with self._lock:
            self._busy.discard(worker)
            if worker.alive and not self._closed:
                self._idle.append(worker)
                return
        worker.close()

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("this PdfSandbox is closed")


def _rejection(reply: Refused) -> PdfRejected:
    if reply.code == "too_large" and reply.reason == TOO_MUCH_MEMORY:
        return PdfTooMuchMemory(reply.reason)  # the worker caught its own MemoryError
    return PdfRejected(reply.code, reply.reason)
