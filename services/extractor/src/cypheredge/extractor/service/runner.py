"""Runs the extraction cascade away from the event loop, in worker processes.

Extraction is CPU-bound; a process pool keeps the consumer's heartbeats and the health
endpoint responsive, lets one instance use several cores, and contains what a pathological
file can do: a worker that overruns the time limit is killed, one that dies takes only its
pool with it, and the next file gets a fresh pool.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from cypheredge.contracts.extraction import ExtractionDocument
from cypheredge.contracts.notices import Notice
from cypheredge.extractor.domain import extract_pdf
from cypheredge.extractor.service.artefact import to_document


class ExtractionAborted(Exception):
    """The file could not be extracted within the worker's limits (time, or a crash)."""


def _extract(data: bytes, file_warnings: tuple[Notice, ...]) -> ExtractionDocument:
    # The contract is built (and validated) in the worker too: thousands of rows stay off the
    # event loop.
    return to_document(extract_pdf(data), file_warnings)


class CascadeRunner:
    def __init__(self, workers: int, timeout: float = 120.0) -> None:
        self._workers = workers
        self.timeout = timeout
        self._pool = ProcessPoolExecutor(max_workers=workers)

    async def extract(
        self, data: bytes, file_warnings: Sequence[Notice] = ()
    ) -> ExtractionDocument:
        """The extraction document of ``data``; ``file_warnings`` are ingestion's findings."""
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self._pool, _extract, data, tuple(file_warnings))
        try:
            return await asyncio.wait_for(future, self.timeout)
        except TimeoutError:
            self._replace_pool()
            raise ExtractionAborted(
                f"extraction took longer than {self.timeout:.0f} s and was stopped"
            ) from None
        except BrokenProcessPool:
            self._replace_pool()
            raise ExtractionAborted("the extraction worker died while reading this file") from None

    def _replace_pool(self) -> None:
        old = self._pool
        # A stuck worker never returns; killing it is the only way to get the core back.
        for process in list(getattr(old, "_processes", {}).values()):
            process.kill()
        old.shutdown(wait=False, cancel_futures=True)
        self._pool = ProcessPoolExecutor(max_workers=self._workers)

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)
