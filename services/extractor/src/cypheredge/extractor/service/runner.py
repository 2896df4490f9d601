"""Runs the extraction cascade away from the event loop, in worker processes.

Extraction is CPU-bound; a process pool keeps the consumer's heartbeats and the health
endpoint responsive and lets one service instance use several cores.
"""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from cypheredge.extractor.domain import extract_pdf


def _extract(data: bytes) -> dict[str, Any]:
    result = extract_pdf(data)
    document: dict[str, Any] = result.to_json()
    document["reconciled"] = result.reconciled
    return document


class CascadeRunner:
    def __init__(self, workers: int) -> None:
        self._pool = ProcessPoolExecutor(max_workers=workers)

    async def extract(self, data: bytes) -> dict[str, Any]:
        return await asyncio.get_running_loop().run_in_executor(self._pool, _extract, data)

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


def encode(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
