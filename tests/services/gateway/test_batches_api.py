"""POST/GET /v1/batches over real HTTP against real PostgreSQL and local storage."""

from __future__ import annotations

import json
import uuid

import httpx
import pytest
from sqlalchemy import select

from cetest.pdfs import DIGITAL, ENCRYPTED, ENCRYPTED_PASSWORD, sample
from cetest.tenants import Tenant
from cypheredge.gateway.infra.models import outbox
from cypheredge.gateway.service.container import Container

pytestmark = pytest.mark.integration
PROBLEM = "application/problem+json"


def _files(*names: str) -> list[tuple[str, tuple[str, bytes, str]]]:
    return [("files", (name, sample(name), "application/pdf")) for name in names]


async def test_upload_is_accepted_stored_and_announced_in_one_transaction(
    api: httpx.AsyncClient, org_a: Tenant, gateway: Container
) -> None:
    response = await api.post(
        "/v1/batches",
        headers=org_a.auth,
        files=_files(DIGITAL, ENCRYPTED),
        data={"passwords": json.dumps({ENCRYPTED: ENCRYPTED_PASSWORD}), "params": '{"x": 1}'},
    )
    assert response.status_code == 202, response.text
    body = response.json()
    assert body["status"] == "queued"
    assert [s["filename"] for s in body["statements"]] == [DIGITAL, ENCRYPTED]
    assert {s["status"] for s in body["statements"]} == {"uploaded"}

    shown = (await api.get(f"/v1/batches/{body['id']}", headers=org_a.auth)).json()
    assert shown["status"] == "queued"
    assert shown["params"] == {"x": 1}
    assert [s["id"] for s in shown["statements"]] == [s["id"] for s in body["statements"]]

    async with gateway.db.system() as session:
        rows = (await session.execute(select(outbox).where(outbox.c.key == body["id"]))).all()
    assert len(rows) == 1
    data = rows[0].payload["data"]
    assert data["batch_id"] == body["id"]
    sealed = [s["sealed_password"] for s in data["statements"]]
    assert sealed[0] is None
    assert sealed[1] != ENCRYPTED_PASSWORD
    assert gateway.sealer.open(sealed[1]) == ENCRYPTED_PASSWORD
    stored = await gateway.storage.get(data["statements"][0]["storage_key"])
    assert stored == sample(DIGITAL)


async def test_missing_or_unknown_key_is_401_problem(api: httpx.AsyncClient) -> None:
    for headers in ({}, {"Authorization": "Bearer ce_000000000000_nope"}):
        response = await api.get("/v1/batches", headers=headers)
        assert response.status_code == 401
        assert response.headers["content-type"] == PROBLEM
        assert response.json()["status"] == 401


async def test_another_orgs_batch_is_404(
    api: httpx.AsyncClient, org_a: Tenant, org_b: Tenant
) -> None:
    created = await api.post("/v1/batches", headers=org_a.auth, files=_files(DIGITAL))
    batch_id = created.json()["id"]
    response = await api.get(f"/v1/batches/{batch_id}", headers=org_b.auth)
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM
    listed = (await api.get("/v1/batches", headers=org_b.auth)).json()
    assert batch_id not in [b["id"] for b in listed["data"]]


@pytest.mark.parametrize(
    ("files", "data", "status", "title"),
    [
        ([], {}, 422, "No files"),
        (_files(DIGITAL) * 6, {}, 413, "Too many files"),
        (
            [("files", ("big.pdf", b"%PDF-" + b"0" * 2_100_000, "application/pdf"))],
            {},
            413,
            "File too large",
        ),
        (_files(DIGITAL), {"passwords": "[1]"}, 422, "Invalid passwords"),
        (_files(DIGITAL), {"passwords": '{"other.pdf": "x"}'}, 422, "Unknown file in passwords"),
        (_files(DIGITAL), {"params": "{not json"}, 422, "Invalid params"),
    ],
)
async def test_bad_uploads_get_a_clear_problem_and_write_nothing(
    api: httpx.AsyncClient,
    org_b: Tenant,
    files: list[tuple[str, tuple[str, bytes, str]]],
    data: dict[str, str],
    status: int,
    title: str,
) -> None:
    before = (await api.get("/v1/batches?limit=100", headers=org_b.auth)).json()["data"]
    response = await api.post("/v1/batches", headers=org_b.auth, files=files or None, data=data)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["title"] == title
    after = (await api.get("/v1/batches?limit=100", headers=org_b.auth)).json()["data"]
    assert after == before


async def test_list_pages_with_a_cursor(api: httpx.AsyncClient, gateway: Container) -> None:
    from cypheredge.gateway.service.accounts import create_org

    created = await create_org(gateway.db, "Pager")
    auth = {"Authorization": f"Bearer {created.api_key}"}
    ids = []
    for _ in range(5):
        ids.append(
            (await api.post("/v1/batches", headers=auth, files=_files(DIGITAL))).json()["id"]
        )
    seen: list[str] = []
    cursor: str | None = None
    while True:
        query = "/v1/batches?limit=2" + (f"&starting_after={cursor}" if cursor else "")
        page = (await api.get(query, headers=auth)).json()
        seen += [b["id"] for b in page["data"]]
        if not page["has_more"]:
            break
        cursor = page["data"][-1]["id"]
    assert seen == list(reversed(ids))
    bad = await api.get(f"/v1/batches?starting_after={uuid.uuid4()}", headers=auth)
    assert bad.status_code == 400
    assert bad.json()["title"] == "Invalid cursor"


async def test_health_metrics_and_openapi(api: httpx.AsyncClient) -> None:
    assert (await api.get("/healthz")).json() == {"status": "ok"}
    assert (await api.get("/readyz")).json() == {"status": "ready"}
    metrics = await api.get("/metrics")
    assert metrics.headers["content-type"].startswith("text/plain")
    assert 'cypheredge_http_requests_total{method="GET",route="/readyz",status="200"}' in (
        metrics.text
    )
    spec = (await api.get("/openapi.json")).json()
    assert "/v1/batches" in spec["paths"]


async def test_http_metrics_are_labelled_by_route_template_not_path(
    api: httpx.AsyncClient, org_a: Tenant
) -> None:
    """Latency and status counts carry the route template: ids never become label values."""
    batch_id = uuid.uuid4()
    assert (await api.get(f"/v1/batches/{batch_id}", headers=org_a.auth)).status_code == 404
    text = (await api.get("/metrics")).text
    template = 'route="/v1/batches/{batch_id}"'
    assert f'cypheredge_http_request_seconds_count{{method="GET",{template}}}' in text
    assert f'cypheredge_http_requests_total{{method="GET",{template},status="404"}}' in text
    assert str(batch_id) not in text
