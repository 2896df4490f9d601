"""Runs the extraction cascade away from the event loop, in worker processes.

Extraction is CPU-bound; a process pool keeps the consumer's heartbeats and the health
endpoint responsive, lets one instance use several cores, and contains what a pathological
file can do: a worker that overruns the time limit is killed, one that dies takes only its
pool with it, and the next file gets a fresh pool.

Workers are spawned (fork + exec), never forked bare: a forked worker would inherit every
descriptor of the service, its health endpoint's listening socket included, and keep the
port after the service died. Each worker also dies with the service (parent-death signal),
so a SIGKILL of the service leaves nothing behind. They start with the pool, so the first
statement does not wait for their imports.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from cypheredge.contracts.extraction import ExtractionDocument
from cypheredge.contracts.notices import Notice
from cypheredge.extractor.domain import extract_pdf
from cypheredge.extractor.service.artefact import to_document
from cypheredge.kit.lifetime import die_with_parent


class ExtractionAborted(Exception):
    """The file could not be extracted within the worker's limits (time, or a crash)."""


def _extract(data: bytes, file_warnings: tuple[Notice, ...]) -> ExtractionDocument:
    # The contract is built (and validated) in the worker too: thousands of rows stay off the
    # event loop.
    return to_document(extract_pdf(data), file_warnings)


def _warm() -> None:
    """Nothing: submitted once per worker so that each starts with the pool."""


def _pool(workers: int) -> ProcessPoolExecutor:
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=die_with_parent,
        initargs=(signal.SIGKILL, os.getpid()),
    )
    for _ in range(workers):  # a spawn pool starts a worker per task it cannot place
        pool.submit(_warm)
    return pool


class CascadeRunner:
    def __init__(self, workers: int, timeout: float = 120.0) -> None:
        self._workers = workers
        self.timeout = timeout
        self._pool = _pool(workers)

    async def extract(
        self, data: bytes, file_warnings: Sequence[Notice] = ()
    ) -> ExtractionDocument:
        """The extraction document of ``data``; ``file_warnings`` are ingestion's findings.

        A worker that dies (killed, out of memory) breaks its pool: the file is read once more
        on a fresh pool, so only a file that kills a worker twice is failed for it."""
        try:
            return await self._attempt(data, file_warnings)
        except BrokenProcessPool:
            self._replace_pool()
        try:
            return await self._attempt(data, file_warnings)
        except BrokenProcessPool:
            self._replace_pool()
            raise ExtractionAborted("the extraction worker died while reading this file") from None

    async def _attempt(self, data: bytes, file_warnings: Sequence[Notice]) -> ExtractionDocument:
        loop = asyncio.get_running_loop()
        # A pool a worker broke while idle refuses the file at once (BrokenProcessPool).
        future = loop.run_in_executor(self._pool, _extract, data, tuple(file_warnings))
        try:
            return await asyncio.wait_for(future, self.timeout)
        except TimeoutError:
            self._replace_pool()
            raise ExtractionAborted(
                f"extraction took longer than {self.timeout:.0f} s and was stopped"
            ) from None

    def _replace_pool(self) -> None:
        old = self._pool
        # A stuck worker never returns; killing it is the only way to get the core back.
        for process in list(getattr(old, "_processes", {}).values()):
            process.kill()
        old.shutdown(wait=False, cancel_futures=True)
        self._pool = _pool(self._workers)

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)
