"""Idempotency-Key: replay, mismatch (422), concurrent retry (409), per-org scope."""

from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest

from cetest.pdfs import DIGITAL, DIGITAL_NZ, sample
from cetest.tenants import Tenant

pytestmark = pytest.mark.integration


def _upload(name: str = DIGITAL) -> list[tuple[str, tuple[str, bytes, str]]]:
    return [("files", (name, sample(name), "application/pdf"))]


async def test_same_key_same_request_replays_the_stored_response(
    api: httpx.AsyncClient, org_a: Tenant
) -> None:
    headers = {**org_a.auth, "Idempotency-Key": str(uuid.uuid4())}
    first = await api.post("/v1/batches", headers=headers, files=_upload())
    second = await api.post("/v1/batches", headers=headers, files=_upload())
    assert first.status_code == second.status_code == 202
    assert first.json() == second.json()
    listed = (await api.get("/v1/batches?limit=100", headers=org_a.auth)).json()["data"]
    assert [b["id"] for b in listed].count(first.json()["id"]) == 1


async def test_same_key_different_request_is_422(api: httpx.AsyncClient, org_a: Tenant) -> None:
    headers = {**org_a.auth, "Idempotency-Key": str(uuid.uuid4())}
    assert (await api.post("/v1/batches", headers=headers, files=_upload())).status_code == 202
    other = await api.post("/v1/batches", headers=headers, files=_upload(DIGITAL_NZ))
    assert other.status_code == 422
    assert other.json()["title"] == "Idempotency key reused"


async def test_concurrent_retries_create_one_batch_and_the_rest_get_409(
    api: httpx.AsyncClient, org_a: Tenant
) -> None:
    headers = {**org_a.auth, "Idempotency-Key": str(uuid.uuid4())}
    responses = await asyncio.gather(
        *(api.post("/v1/batches", headers=headers, files=_upload()) for _ in range(6))
    )
    codes = sorted(r.status_code for r in responses)
    assert set(codes) <= {202, 409}
    assert 409 in codes, "simultaneous retries must see the first one in progress"
    created = {r.json()["id"] for r in responses if r.status_code == 202}
    assert len(created) == 1
    conflict = next(r for r in responses if r.status_code == 409)
    assert conflict.headers["content-type"] == "application/problem+json"
    assert conflict.headers["retry-after"] == "1"


async def test_keys_are_scoped_per_org(
    api: httpx.AsyncClient, org_a: Tenant, org_b: Tenant
) -> None:
    key = str(uuid.uuid4())
    a = await api.post(
        "/v1/batches", headers={**org_a.auth, "Idempotency-Key": key}, files=_upload()
    )
    b = await api.post(
        "/v1/batches", headers={**org_b.auth, "Idempotency-Key": key}, files=_upload(DIGITAL_NZ)
    )
    assert a.status_code == b.status_code == 202
    assert a.json()["id"] != b.json()["id"]
