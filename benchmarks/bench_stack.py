"""What the pipeline and latency benchmarks share: statements, the stack, uploads, clocks.

The stack is the soak's launcher (``soak_stack.Stack``: a ``cypheredge up`` on a fresh data
dir, embedded PostgreSQL, broker and storage); nothing is imported from ``up`` itself. The
per-hop timestamps come from the services' own books: each outbox row's ``created_at`` (the
start of the transaction that recorded the effect and its event) and ``sent_at`` (when the
relay saw the broker take it), and the batch's ``updated_at`` when it became final.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx
import psutil
import psycopg
import pypdfium2 as pdfium
from soak_stack import Org, Stack

from cypheredge.kit.db import libpq_dsn
from cypheredge.synth import LAYOUTS, generate

FINAL = frozenset({"completed", "failed", "partially_failed"})
READY_WITHIN = 240.0
# A benchmark polls far faster than a client is allowed to: the limits are not what it measures.
UNLIMITED = {
    **{
        f"GATEWAY_RATE_LIMIT_{name}": "10000000"
        for name in ("PER_MINUTE", "BURST", "CLIENT_PER_MINUTE", "CLIENT_BURST")
    },
    "GATEWAY_RATE_LIMIT_BY_PLAN": "false",
}
# The order events pass the services in; each schema's outbox holds one hop's events.
HOPS = (
    ("gateway", "com.cypheredge.batch.submitted.v1"),
    ("ingest", "com.cypheredge.statement.ingested.v1"),
    ("extractor", "com.cypheredge.statement.extracted.v1"),
    ("reporter", None),  # its report and batch-outcome events, whichever came first
)


@dataclass(frozen=True)
class Pdf:
    name: str
    data: bytes
    pages: int


def pages_of(data: bytes) -> int:
    return len(pdfium.PdfDocument(data))


def statements(count: int, min_pages: int, seed: int = 0) -> list[Pdf]:
    """``count`` generated statements of at least ``min_pages`` pages, tuned families in turn
    (seeds from ``seed * 1000``): deterministic, so every run reads the same files."""
    layouts = sorted(name for name, layout in LAYOUTS.items() if not layout.held_out)
    found: list[Pdf] = []
    for offset in range(1000):
        for layout in layouts:
            made = generate(layout, seed * 1000 + offset)
            pages = pages_of(made.pdf)
            if pages >= min_pages:
                found.append(Pdf(f"{layout}-{made.seed}.pdf", made.pdf, pages))
                if len(found) == count:
                    return found
    raise RuntimeError(f"fewer than {count} generated statements have {min_pages}+ pages")


def start(settings: dict[str, str], keep: bool = False) -> tuple[Stack, Org]:
    """A ready stack with one org; the caller stops it (``stack.stop()``)."""
    stack = Stack(UNLIMITED | settings, keep=keep)
    try:
        stack.start()
        stack.wait_ready(READY_WITHIN)
        return stack, stack.create_org("Bench")
    except BaseException:
        stack.stop()
        raise


def client(stack: Stack, org: Org) -> httpx.AsyncClient:
    headers = {"Authorization": f"Bearer {org.api_key}"}
    return httpx.AsyncClient(base_url=stack.api, headers=headers, timeout=60)


async def submit(http: httpx.AsyncClient, files: list[Pdf]) -> str:
    """POST one batch; its id."""
    parts = [("files", (f.name, f.data, "application/pdf")) for f in files]
    response = await http.post(
        "/v1/batches", files=parts, headers={"Idempotency-Key": str(uuid.uuid4())}
    )
    if response.status_code != 202:
        raise RuntimeError(f"upload refused: {response.status_code} {response.text}")
    return str(response.json()["id"])


async def wait_final(http: httpx.AsyncClient, batch_id: str, wait: int = 30) -> dict[str, Any]:
    """Long-poll the batch until it is final; its last body. Each GET asks the gateway to
    hold the answer up to ``wait`` seconds (``Prefer: wait``) and answers when the batch
    changes, so the next request goes out only after a change or a wait that ran out."""
    headers = {"Prefer": f"wait={wait}"}
    while True:
        response = await http.get(f"/v1/batches/{batch_id}", headers=headers)
        response.raise_for_status()
        body: dict[str, Any] = response.json()
        if body["status"] in FINAL:
            return body


class CpuMeter:
    """CPU seconds each of the stack's processes (and its children) used between two reads:
    where the cores went while the pipeline ran."""

    def __init__(self, stack: Stack) -> None:
        self._stack = stack
        self._start: dict[str, float] = {}

    def read(self) -> dict[str, float]:
        used: dict[str, float] = {}
        for name, pid in self._stack.processes().items():
            used[name] = 0.0
            try:
                leader = psutil.Process(pid)
                for proc in [leader, *leader.children(recursive=True)]:
                    times = proc.cpu_times()
                    label = name if proc.pid == pid else _child_label(name, proc)
                    used[label] = used.get(label, 0.0) + times.user + times.system
            except psutil.Error:
                continue
        return used

    def begin(self) -> None:
        self._start = self.read()

    def since(self) -> dict[str, float]:
        now = self.read()
        return {k: v - self._start.get(k, 0.0) for k, v in now.items() if v > self._start.get(k, 0)}


# A PDF worker of a service: the sandbox's process, or a spawned pool worker.
_WORKER_MARKS = ("cypheredge.pdf.worker", "spawn_main")


def _child_label(name: str, proc: psutil.Process) -> str:
    try:
        command = " ".join(proc.cmdline())
    except psutil.Error:
        command = ""
    worker = any(mark in command for mark in _WORKER_MARKS)
    return f"{name} workers" if worker else f"{name} (children)"


async def hop_marks(database_url: str, batch_ids: list[str]) -> dict[str, dict[str, float]]:
    """Batch id -> named moments (epoch seconds, the database's clock) of its journey:
    ``<service> recorded`` (first outbox row of the hop's event created) and ``<service>
    sent`` (last of them sent), ``created`` and ``final`` from the gateway's batch row."""
    marks: dict[str, dict[str, float]] = {b: {} for b in batch_ids}
    ids = [uuid.UUID(b) for b in batch_ids]
    async with await psycopg.AsyncConnection.connect(libpq_dsn(database_url)) as conn:
        for schema, event_type in HOPS:
            query = (
                f"SELECT batch_id, min(created_at), max(sent_at) FROM {schema}.outbox "  # noqa: S608
                "WHERE batch_id = ANY(%s) AND (%s::text IS NULL OR event_type = %s) "
                "GROUP BY batch_id"
            )
            cursor = await conn.execute(query, (ids, event_type, event_type))
            for batch_id, created, sent in await cursor.fetchall():
                marks[str(batch_id)][f"{schema} recorded"] = _epoch(created)
                marks[str(batch_id)][f"{schema} sent"] = _epoch(sent)
        cursor = await conn.execute(
            "SELECT id, created_at, updated_at FROM gateway.batches WHERE id = ANY(%s)", (ids,)
        )
        for batch_id, created, updated in await cursor.fetchall():
            marks[str(batch_id)]["created"] = _epoch(created)
            marks[str(batch_id)]["final"] = _epoch(updated)
    return marks


def _epoch(moment: datetime | None) -> float:
    return moment.timestamp() if moment is not None else float("nan")


def now() -> float:
    """Wall clock in epoch seconds: the same clock as the database's on this machine."""
    return time.time()
