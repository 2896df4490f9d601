"""Idempotency-Key: replay, mismatch (422), concurrent retry (409), lease, per-org scope.

Interleavings are decided by the test: a storage that waits at a gate holds the first request
inside its critical section (after it took the key, before it recorded the batch) for as long
as the test wants; a crashed request and its lapsed lease are explicit rows and timestamps.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import text

from cetest.http import serve
from cetest.pdfs import DIGITAL, DIGITAL_NZ, sample
from cetest.tenants import Tenant
from cypheredge.gateway.api.app import create_app
from cypheredge.gateway.domain.submission import UploadedFile, request_fingerprint
from cypheredge.gateway.infra import idempotency as idem_sql
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.settings import GatewaySettings
from cypheredge.kit.db import Database
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.storage import ObjectStorage

pytestmark = pytest.mark.integration


class GatedStorage:
    """Storage whose ``put`` says it was reached, then waits until the gate opens."""

    def __init__(self, inner: ObjectStorage) -> None:
        self._inner = inner
        self.entered = asyncio.Event()
        self.gate = asyncio.Event()

    async def put(self, key: str, data: bytes, content_type: str = "application/pdf") -> None:
        self.entered.set()
        await self.gate.wait()
        await self._inner.put(key, data, content_type)

    async def get(self, key: str) -> bytes:
        return await self._inner.get(key)

    async def get_range(self, key: str, start: int, end: int) -> bytes:
        return await self._inner.get_range(key, start, end)

    async def exists(self, key: str) -> bool:
        return await self._inner.exists(key)

    async def presigned_get(self, key: str, expires: timedelta) -> str | None:
        return await self._inner.presigned_get(key, expires)


@dataclass
class Held:
    api: httpx.AsyncClient
    storage: GatedStorage


@asynccontextmanager
async def _held(container: Container) -> AsyncIterator[Held]:
    """The same gateway, served with gated storage: the test decides when uploads proceed."""
    storage = GatedStorage(container.storage)
    async with (
        serve(create_app(replace(container, storage=storage))) as url,
        httpx.AsyncClient(base_url=url, timeout=30) as client,
    ):
        try:
            yield Held(client, storage)
        finally:
            storage.gate.set()  # never leave a request hanging at shutdown


@pytest.fixture
async def held(gateway: Container) -> AsyncIterator[Held]:
    async with _held(gateway) as running:
        yield running


@pytest.fixture(scope="module")
async def admin(infra: InfraSettings) -> AsyncIterator[Database]:
    db = Database(infra.database_url)
    yield db
    await db.dispose()


def _lease(gateway: Container) -> timedelta:
    return idem_sql.lease_for(timedelta(seconds=gateway.settings.submit_time_limit_seconds))


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
    held: Held, org_a: Tenant
) -> None:
    headers = {**org_a.auth, "Idempotency-Key": str(uuid.uuid4())}
    first = asyncio.create_task(held.api.post("/v1/batches", headers=headers, files=_upload()))
    # The first request holds the key and is inside its critical section until we let it go.
    await asyncio.wait_for(held.storage.entered.wait(), 30)
    retries = await asyncio.gather(
        *(held.api.post("/v1/batches", headers=headers, files=_upload()) for _ in range(5))
    )
    assert [r.status_code for r in retries] == [409] * 5
    conflict = retries[0]
    assert conflict.headers["content-type"] == "application/problem+json"
    assert conflict.headers["retry-after"] == "1"

    held.storage.gate.set()
    created = await first
    assert created.status_code == 202
    replay = await held.api.post("/v1/batches", headers=headers, files=_upload())
    assert (replay.status_code, replay.json()) == (202, created.json())
    listed = (await held.api.get("/v1/batches?limit=100", headers=org_a.auth)).json()["data"]
    assert [b["id"] for b in listed].count(created.json()["id"]) == 1


async def test_a_crashed_requests_key_is_free_again_once_its_short_lease_lapses(
    api: httpx.AsyncClient, org_a: Tenant, gateway: Container, admin: Database
) -> None:
    key = str(uuid.uuid4())
    headers = {**org_a.auth, "Idempotency-Key": key}
    # What a gateway killed mid-upload leaves behind: this very request reserved, never done.
    fingerprint = request_fingerprint([UploadedFile.of(DIGITAL, sample(DIGITAL))], {}, {})
    async with gateway.db.tenant(uuid.UUID(org_a.org_id)) as session:
        reserved = await idem_sql.reserve(
            session,
            org_id=uuid.UUID(org_a.org_id),
            key=key,
            request_hash=fingerprint,
            ttl=timedelta(hours=1),
            lock=_lease(gateway),
        )
    assert reserved.outcome == "reserved"
    async with admin.system() as session:
        held_for = await session.scalar(
            text("SELECT locked_until - now() FROM gateway.idempotency_keys WHERE key = :k"),
            {"k": key},
        )
    assert held_for <= timedelta(seconds=30), "not 120 s: what a request can take"

    blocked = await api.post("/v1/batches", headers=headers, files=_upload())
    assert blocked.status_code == 409
    async with admin.system() as session:  # the lease ran out (explicit time, no waiting)
        await session.execute(
            text(
                "UPDATE gateway.idempotency_keys "
                "SET locked_until = now() - interval '1 second' WHERE key = :k"
            ),
            {"k": key},
        )
    retried = await api.post("/v1/batches", headers=headers, files=_upload())
    assert retried.status_code == 202
    again = await api.post("/v1/batches", headers=headers, files=_upload())
    assert (again.status_code, again.json()) == (202, retried.json())


async def test_a_request_past_its_time_limit_is_cut_off_and_frees_its_key(
    gateway: Container, org_a: Tenant
) -> None:
    settings = gateway.settings.model_copy(update={"submit_time_limit_seconds": 0.5})
    async with _held(replace(gateway, settings=settings)) as slow:
        headers = {**org_a.auth, "Idempotency-Key": str(uuid.uuid4())}
        # Storage never answers: only the time limit can end the request.
        cut = await slow.api.post("/v1/batches", headers=headers, files=_upload())
        assert cut.status_code == 500
        assert cut.headers["content-type"] == "application/problem+json"
        slow.storage.gate.set()
        retried = await slow.api.post("/v1/batches", headers=headers, files=_upload())
        assert retried.status_code == 202, "the key was released, not left locked"


def test_the_lease_outlasts_the_time_limit_by_a_margin_only() -> None:
    limit = timedelta(seconds=GatewaySettings().submit_time_limit_seconds)
    lease = idem_sql.lease_for(limit)
    assert limit < lease <= limit + timedelta(seconds=10)
    assert lease < timedelta(seconds=120)


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
