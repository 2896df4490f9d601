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

from cypheredge.synth import LAYOUTS, generate

FINAL = frozenset({"completed", "failed", "partially_failed"})
FINAL_STATEMENT = frozenset({"reported", "rejected", "failed"})
PASSWORD = "soak-open-sesame"  # noqa: S105 - a generated statement's, not a secret
# Every so many statements one is encrypted (its password sent with the batch).
ENCRYPT_EVERY = 7
UPLOAD_WITHIN = 240.0  # a batch not accepted by then counts as never submitted
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


def build_batches(count: int, seed: int, most: int = 5) -> list[Batch]:
    """``count`` batches of 1..``most`` statements; layouts go round a seeded shuffle."""
    rng = Random(f"soak-load:{seed}")
    layouts = tuned_layouts()
    rng.shuffle(layouts)
    batches, n = [], 0
    for index in range(count):
        files = []
        for _ in range(rng.randint(1, most)):
            layout = layouts[n % len(layouts)]
            statement_seed = seed * 10_000 + n
            password = PASSWORD if n % ENCRYPT_EVERY == ENCRYPT_EVERY - 1 else None
            made = generate(layout, statement_seed, password=password)
            files.append(
                File(
                    f"{layout}-{statement_seed}.pdf", made.pdf, made.truth["transactions"], password
                )
            )
            n += 1
        batches.append(Batch(index, files, str(uuid.UUID(int=rng.getrandbits(128), version=4))))
    return batches


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
