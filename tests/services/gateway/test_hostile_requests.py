"""Hostile uploads over real HTTP: each is a 4xx problem+json naming the field, and leaves
nothing in storage or in the batches table; file names are cleaned for display only."""

from __future__ import annotations

import json
import re
from pathlib import Path
from uuid import UUID

import httpx
import pytest
from sqlalchemy import func, select

from cetest.pdfs import DIGITAL, sample
from cetest.tenants import Tenant
from cetest.uploads import CONTENT_TYPE, Part, body, file_part, text_part
from cypheredge.gateway.infra.models import batches, outbox
from cypheredge.gateway.service.accounts import create_org
from cypheredge.gateway.service.container import Container
from cypheredge.kit.storage import LocalStorage

pytestmark = pytest.mark.integration
PROBLEM = "application/problem+json"
PDF = sample(DIGITAL)


@pytest.fixture(scope="module")
async def hostile(gateway: Container) -> Tenant:
    created = await create_org(gateway.db, "Hostile")
    return Tenant(str(created.org_id), created.api_key)


async def footprint(gateway: Container, org: Tenant) -> tuple[int, list[Path]]:
    """Batches of the org and the files stored under its prefix."""
    async with gateway.db.tenant(UUID(org.org_id)) as session:
        count = (await session.execute(select(func.count()).select_from(batches))).scalar_one()
    assert isinstance(gateway.storage, LocalStorage)
    root = gateway.storage.root / org.org_id
    return count, sorted(root.rglob("*")) if root.exists() else []


def deep(levels: int) -> str:
    return '{"a": ' + "[" * levels + "]" * levels + "}"


CASES = [
    pytest.param([file_part(b"a\x00b.pdf", PDF)], 422, "files[0].filename", id="nul-filename"),
    pytest.param([file_part("x" * 300 + ".pdf", PDF)], 422, "files[0].filename", id="long-name"),
    pytest.param([file_part(b"\xff\xfe.pdf", PDF)], 422, "files[0].filename", id="not-utf8"),
    pytest.param(
        [file_part("ok.pdf", PDF), file_part("../up.pdf", PDF)], 422, "files[1].filename", id="path"
    ),
    pytest.param(
        [file_part("a.pdf", PDF), text_part("params", deep(100_000))],
        413,
        "params",
        id="params-100k-deep",
    ),
    pytest.param(
        [file_part("a.pdf", PDF), text_part("params", deep(20_000))],
        422,
        "params",
        id="params-20k-deep",
    ),
    pytest.param(
        [file_part("a.pdf", PDF), text_part("params", deep(40))], 422, "params", id="params-40-deep"
    ),
    pytest.param(
        [file_part("a.pdf", PDF), text_part("params", '{"a": "\\u0000"}')],
        422,
        "params",
        id="params-nul",
    ),
    pytest.param(
        [file_part("a.pdf", PDF), text_part("params", '{"a": "\\ud800"}')],
        422,
        "params",
        id="params-lone-surrogate",
    ),
    pytest.param(
        [file_part("a.pdf", PDF), text_part("params", '{"a": NaN}')], 422, "params", id="params-nan"
    ),
    pytest.param(
        [file_part("a.pdf", PDF), text_part("params", '{"a": 1e999}')],
        422,
        "params",
        id="params-overflow",
    ),
    pytest.param(
        [file_part("a.pdf", PDF), text_part("params", b"\xc3\x28")],
        422,
        "params",
        id="params-not-utf8",
    ),
    pytest.param(
        [file_part("a.pdf", PDF), text_part("passwords", '{"a.pdf\\u0000": "x"}')],
        422,
        "passwords",
        id="passwords-nul",
    ),
    pytest.param(
        [file_part("a.pdf", PDF), text_part("params", "{}"), text_part("params", "{}")],
        422,
        "params",
        id="params-twice",
    ),
    pytest.param([file_part("a.pdf", PDF), Part(b"other", b"x")], 422, "other", id="unknown-field"),
    pytest.param([file_part("a.pdf", PDF, name=b"file")], 422, "file", id="file-under-wrong-name"),
    pytest.param([text_part("params", "{}")], 422, "files", id="no-files"),
]


@pytest.mark.parametrize(("parts", "status", "field"), CASES)
async def test_hostile_upload_is_a_problem_naming_the_field_and_leaves_nothing(
    api: httpx.AsyncClient,
    gateway: Container,
    hostile: Tenant,
    parts: list[Part],
    status: int,
    field: str,
) -> None:
    before = await footprint(gateway, hostile)
    response = await api.post(
        "/v1/batches",
        headers={**hostile.auth, "Content-Type": CONTENT_TYPE},
        content=body(parts),
    )
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["field"] == field
    assert problem["status"] == status
    assert problem["code"]
    assert problem["request_id"] == response.headers["x-request-id"]
    assert await footprint(gateway, hostile) == before


@pytest.mark.parametrize(
    ("content_type", "payload", "status", "code"),
    [
        ("application/json", b'{"files": []}', 415, "unsupported_media_type"),
        ("multipart/form-data", b"--x\r\n", 400, "malformed"),  # no boundary
        (CONTENT_TYPE, b"garbage without any boundary", 400, "malformed"),
        (CONTENT_TYPE, body([file_part("a.pdf", PDF)])[:-40], 400, "malformed"),  # truncated
    ],
)
async def test_bodies_that_are_not_a_multipart_form_are_problems(
    api: httpx.AsyncClient,
    gateway: Container,
    hostile: Tenant,
    content_type: str,
    payload: bytes,
    status: int,
    code: str,
) -> None:
    before = await footprint(gateway, hostile)
    response = await api.post(
        "/v1/batches", headers={**hostile.auth, "Content-Type": content_type}, content=payload
    )
    assert (response.status_code, response.headers["content-type"]) == (status, PROBLEM)
    assert response.json()["code"] == code
    assert await footprint(gateway, hostile) == before


async def test_names_are_stored_for_display_only_and_never_shape_the_storage_key(
    api: httpx.AsyncClient, gateway: Container, hostile: Tenant
) -> None:
    shown = "\u202eFDP.exe\u202c\u200b Statement\tMarch.pdf"
    response = await api.post(
        "/v1/batches",
        headers={**hostile.auth, "Content-Type": CONTENT_TYPE},
        content=body([file_part(shown, PDF), text_part("passwords", json.dumps({shown: "pw"}))]),
    )
    assert response.status_code == 202, response.text
    batch = response.json()
    assert [s["filename"] for s in batch["statements"]] == ["FDP.exe StatementMarch.pdf"]
    async with gateway.db.system() as session:
        row = (await session.execute(select(outbox).where(outbox.c.key == batch["id"]))).one()
    (statement,) = row.payload["data"]["statements"]
    assert statement["filename"] == "FDP.exe StatementMarch.pdf"
    assert statement["sealed_password"] is not None  # the password matched the cleaned name
    ids = f"{hostile.org_id}/{batch['id']}/raw/{batch['statements'][0]['id']}.pdf"
    assert statement["storage_key"] == ids
    assert re.fullmatch(r"[0-9a-f/-]+/raw/[0-9a-f-]+\.pdf", statement["storage_key"])
    assert await gateway.storage.get(ids) == PDF


async def test_an_unexpected_error_is_a_problem_with_a_request_id(
    api: httpx.AsyncClient, gateway: Container, hostile: Tenant, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("storage exploded")

    monkeypatch.setattr(gateway.storage, "put", broken)
    response = await api.post(
        "/v1/batches",
        headers={**hostile.auth, "Content-Type": CONTENT_TYPE},
        content=body([file_part("a.pdf", PDF)]),
    )
    assert (response.status_code, response.headers["content-type"]) == (500, PROBLEM)
    problem = response.json()
    assert problem["code"] == "internal_error"
    assert problem["request_id"] == response.headers["x-request-id"]
    assert "exploded" not in response.text  # internals stay in the log
    assert (await api.get("/healthz")).status_code == 200  # and the server serves on


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/no/such/path", 404),
        ("DELETE", "/v1/batches", 405),
        ("GET", "/v1/batches/not-a-uuid", 422),
        ("GET", "/v1/batches?limit=0", 422),
    ],
)
async def test_framework_errors_are_problems_too(
    api: httpx.AsyncClient, hostile: Tenant, method: str, path: str, status: int
) -> None:
    response = await api.request(method, path, headers=hostile.auth)
    assert (response.status_code, response.headers["content-type"]) == (status, PROBLEM)
    assert response.json()["request_id"] == response.headers["x-request-id"]
