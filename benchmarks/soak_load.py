"""The soak's load: seeded batches of generated statements, uploaded over real HTTP.

Uploads are retried the way a careful client retries: the same Idempotency-Key every time, so
an upload whose answer was lost to a gateway kill is replayed, never made twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import uuid
from dataclasses import dataclass, field
from random import Random
from typing import Any

import httpx
from soak_audit import compare

from cypheredge.synth import LAYOUTS, generate

FINAL = frozenset({"completed", "failed", "partially_failed"})
FINAL_STATEMENT = frozenset({"reported", "rejected", "failed"})
PASSWORD = "soak-open-sesame"  # noqa: S105 - a generated statement's, not a secret
# Every so many statements one is encrypted (its password sent with the batch).
ENCRYPT_EVERY = 7
UPLOAD_WITHIN = 240.0  # a batch not accepted by then counts as never submitted
SCREEN_TRIES = 3  # seeds tried per layout before the next layout takes the slot
_RETRY_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class File:
    name: str
    pdf: bytes
    truth: list[dict[str, Any]]  # the generator's transactions
    password: str | None


@dataclass
class Batch:
    index: int
    files: list[File]
    key: str  # Idempotency-Key, the same on every attempt
    id: str | None = None
    attempts: int = 0
    submitted_at: float | None = None
    final_at: float | None = None
    status: str | None = None
    statement_ids: dict[str, str] = field(default_factory=dict)  # file name -> statement id


def tuned_layouts() -> list[str]:
    return sorted(name for name, layout in LAYOUTS.items() if not layout.held_out)


def build_batches(
    count: int, seed: int, screen: bool = True, most: int = 5
) -> tuple[list[Batch], list[str]]:
    """``count`` batches of 1..``most`` statements; layouts go round a seeded shuffle.

    With ``screen``, a statement joins only if the extractor, run here on the same PDF, reads
    exactly its truth: then whatever the platform's answer lacks or repeats was lost or made
    twice by the platform under the kills, not misread. The statements left out are returned
    (``layout-seed``): they are the extractor's business (``make bench-extract``), not this.
    """
    rng = Random(f"soak-load:{seed}")
    source = _Statements(seed, screen, rng)
    batches = []
    for index in range(count):
        files = [source.next() for _ in range(rng.randint(1, most))]
        batches.append(Batch(index, files, str(uuid.UUID(int=rng.getrandbits(128), version=4))))
    return batches, source.skipped


class _Statements:
    """Generated statements, layout after layout, seeds counting up from ``seed * 10000``."""

    def __init__(self, seed: int, screen: bool, rng: Random) -> None:
        self.layouts = tuned_layouts()
        rng.shuffle(self.layouts)
        self.screen = screen
        self.seed = seed * 10_000
        self.made = 0
        self.skipped: list[str] = []

    def next(self) -> File:
        for _ in self.layouts:
            layout = self.layouts[self.made % len(self.layouts)]
            for _ in range(SCREEN_TRIES):
                self.seed += 1
                if not self.screen or _read_exactly(layout, self.seed):
                    return self._file(layout)
                self.skipped.append(f"{layout}-{self.seed}")
            self.made += 1  # this layout keeps being misread: the next one takes the slot
        raise RuntimeError("no generated statement is read exactly; see make bench-extract")

    def _file(self, layout: str) -> File:
        password = PASSWORD if self.made % ENCRYPT_EVERY == ENCRYPT_EVERY - 1 else None
        made = generate(layout, self.seed, password=password)
        self.made += 1
        return File(f"{layout}-{self.seed}.pdf", made.pdf, made.truth["transactions"], password)


def _read_exactly(layout: str, seed: int) -> bool:
    from cypheredge.extractor.domain import extract_pdf  # the code the extractor service runs

    made = generate(layout, seed)
    found = compare(extract_pdf(made.pdf).to_json()["transactions"], made.truth["transactions"])
    return found.matched == found.expected and not (found.extra or found.duplicated)


async def submit(client: httpx.AsyncClient, batch: Batch, t0: float) -> None:
    """Upload until accepted (202) or :data:`UPLOAD_WITHIN` passes; fills in the batch id."""
    deadline = time.monotonic() + UPLOAD_WITHIN
    passwords = {f.name: f.password for f in batch.files if f.password}
    data = {"passwords": json.dumps(passwords)} if passwords else {}
    while time.monotonic() < deadline:
        batch.attempts += 1
        parts = [("files", (f.name, f.pdf, "application/pdf")) for f in batch.files]
        try:
            response = await client.post(
                "/v1/batches", files=parts, data=data, headers={"Idempotency-Key": batch.key}
            )
        except httpx.TransportError:  # the gateway died under us, or is restarting
            await asyncio.sleep(1.0)
            continue
        if response.status_code == 202:
            body = response.json()
            batch.id = str(body["id"])
            batch.statement_ids = {s["filename"]: str(s["id"]) for s in body["statements"]}
            batch.submitted_at = round(time.monotonic() - t0, 1)
            return
        if response.status_code not in _RETRY_STATUS:
            raise RuntimeError(f"batch {batch.index}: {response.status_code} {response.text}")
        await asyncio.sleep(_retry_after(response))


def _retry_after(response: httpx.Response) -> float:
    try:
        return min(10.0, max(0.5, float(response.headers.get("Retry-After", "1"))))
    except ValueError:
        return 1.0


async def statuses(client: httpx.AsyncClient) -> dict[str, str]:
    """Batch id -> status for every batch of the org (newest first, paged by the API)."""
    found: dict[str, str] = {}
    params: dict[str, str | int] = {"limit": 100}
    while True:
        response = await client.get("/v1/batches", params=params)
        response.raise_for_status()
        page = response.json()
        found.update({str(b["id"]): str(b["status"]) for b in page["data"]})
        if not page["has_more"] or not page["data"]:
            return found
        params["starting_after"] = page["data"][-1]["id"]


async def poll(
    client: httpx.AsyncClient, batches: list[Batch], t0: float, stop: asyncio.Event
) -> None:
    """Keep each batch's status current (and when it became final) until ``stop``."""
    while not stop.is_set():
        try:
            seen = await statuses(client)
        except httpx.HTTPError:  # the gateway is down or restarting: ask again shortly
            seen = {}
        now = round(time.monotonic() - t0, 1)
        for batch in batches:
            if batch.id in seen:
                batch.status = seen[batch.id]
                if batch.status in FINAL and batch.final_at is None:
                    batch.final_at = now
        await _wait(stop, 2.0)


async def _wait(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)
