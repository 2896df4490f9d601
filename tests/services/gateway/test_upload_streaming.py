"""Upload limits are enforced while the body streams in: a chunked body (no Content-Length)
past a limit is refused after reading about the limit, not the whole body, and leaves nothing.

The app is wrapped in a counter of the body bytes it took from the server: the server may
drain the rest of the client's body after the answer, but the app never reads it.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from cetest.http import serve
from cetest.tenants import Tenant
from cetest.uploads import CONTENT_TYPE, BodyCounter, Part, chunked, file_part, text_part
from cypheredge.gateway.api.app import create_app
from cypheredge.gateway.bootstrap import build
from cypheredge.gateway.service.accounts import create_org
from cypheredge.gateway.settings import GatewaySettings
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.storage import LocalStorage

pytestmark = pytest.mark.integration
MB = 1024 * 1024
PROBLEM = "application/problem+json"
LIMITS = GatewaySettings(max_files=3, max_file_bytes=2 * MB, max_total_bytes=4 * MB)
SLACK = 512 * 1024  # framing plus the chunk in flight when the limit is passed


@dataclass
class Server:
    client: httpx.AsyncClient
    tenant: Tenant
    read: list[int]
    storage_root: Path


@pytest.fixture(scope="module")
async def server(infra: InfraSettings) -> AsyncIterator[Server]:
    container = build(infra, LIMITS)
    created = await create_org(container.db, "Streamer")
    read: list[int] = []
    app = create_app(container)
    app.add_middleware(BodyCounter, sink=read)
    assert isinstance(container.storage, LocalStorage)
    try:
        async with serve(app) as url, httpx.AsyncClient(base_url=url, timeout=60) as client:
            tenant = Tenant(str(created.org_id), created.api_key)
            yield Server(client, tenant, read, container.storage.root / tenant.org_id)
    finally:
        await container.db.dispose()


async def upload(server: Server, parts: list[Part]) -> httpx.Response:
    headers = {**server.tenant.auth, "Content-Type": CONTENT_TYPE}
    return await server.client.post("/v1/batches", headers=headers, content=chunked(parts))


def stored(server: Server) -> list[Path]:
    return sorted(server.storage_root.rglob("*")) if server.storage_root.exists() else []


@pytest.mark.parametrize(
    ("parts", "code", "field", "limit"),
    [
        pytest.param(
            [file_part("huge.pdf", b"%PDF-" + b"0" * (40 * MB))],
            "file_too_large",
            "files[0]",
            LIMITS.max_file_bytes,
            id="one-file-over-its-limit",
        ),
        pytest.param(
            [file_part(f"{i}.pdf", b"0" * (int(1.9 * MB))) for i in range(3)]
            + [file_part("late.pdf", b"0" * (30 * MB))],
            "batch_too_large",
            "files",
            LIMITS.max_total_bytes,
            id="files-over-the-total",
        ),
        pytest.param(
            [file_part(f"{i}.pdf", b"0" * (MB // 2)) for i in range(60)],
            "too_many_files",
            "files",
            3 * (MB // 2),
            id="too-many-files",
        ),
        pytest.param(
            [file_part("a.pdf", b"%PDF-"), text_part("params", '{"a": "' + "x" * 30 * MB + '"}')],
            "field_too_large",
            "params",
            LIMITS.max_field_bytes,
            id="a-huge-text-field",
        ),
    ],
)
async def test_a_chunked_body_past_a_limit_is_refused_before_it_is_read(
    server: Server, parts: list[Part], code: str, field: str, limit: int
) -> None:
    sent = sum(len(p.data) for p in parts)
    before = stored(server)
    response = await upload(server, parts)
    assert response.status_code == 413, response.text
    assert response.headers["content-type"] == PROBLEM
    assert (response.json()["code"], response.json()["field"]) == (code, field)
    read = server.read[-1]
    assert read <= limit + SLACK, f"read {read} bytes of {sent} for a limit of {limit}"
    assert read < sent // 4
    assert stored(server) == before


async def test_a_declared_length_past_the_body_limit_is_refused_unread(server: Server) -> None:
    """Headers alone, over a raw socket: the answer comes without a byte of body being sent."""
    url = server.client.base_url
    reader, writer = await asyncio.open_connection(url.host, url.port)
    head = (
        f"POST /v1/batches HTTP/1.1\r\nHost: {url.host}\r\n"
        f"Authorization: Bearer {server.tenant.api_key}\r\nContent-Type: {CONTENT_TYPE}\r\n"
        f"Content-Length: {LIMITS.max_total_bytes * 2}\r\n\r\n"
    )
    writer.write(head.encode())
    await writer.drain()
    status_line = await reader.readline()
    writer.close()
    assert status_line.startswith(b"HTTP/1.1 413"), status_line
    assert server.read[-1] == 0


async def test_an_upload_within_every_limit_streams_through(server: Server) -> None:
    parts = [file_part(f"{i}.pdf", b"%PDF-" + bytes([i]) * int(1.3 * MB)) for i in range(3)]
    response = await upload(server, parts)
    assert response.status_code == 202, response.text
    keys = sorted(stored(server))
    assert len([k for k in keys if k.is_file() and k.suffix == ".pdf"]) >= 3
    data = {p.read_bytes() for p in keys if p.is_file() and p.suffix == ".pdf"}
    assert {p.data for p in parts} <= data
