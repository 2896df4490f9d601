"""Waiting for the asynchronous pipeline through the public API."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx

from cetest.tenants import Tenant


async def wait_for_batch(
    client: httpx.AsyncClient,
    tenant: Tenant,
    batch_id: str,
    done: Callable[[dict[str, Any]], bool],
    within: float = 60,
) -> dict[str, Any]:
    """Poll GET /v1/batches/{id} until ``done(batch)``; fail with the last view otherwise."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        batch: dict[str, Any] = (
            await client.get(f"/v1/batches/{batch_id}", headers=tenant.auth)
        ).json()
        if done(batch):
            return batch
        if loop.time() > deadline:
            raise AssertionError(f"batch never reached the expected state: {batch}")
        await asyncio.sleep(0.2)


def settled(batch: dict[str, Any]) -> bool:
    """Every statement has left 'uploaded'."""
    return all(s["status"] != "uploaded" for s in batch["statements"])


def inspected(batch: dict[str, Any]) -> bool:
    """Every statement was either rejected or has its ingest facts (page counts)."""
    return all(s["status"] == "rejected" or s["pages"] is not None for s in batch["statements"])
