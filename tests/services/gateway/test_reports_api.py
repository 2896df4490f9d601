"""The report and export endpoints: readiness, formats, paging, local streaming, S3 redirects."""

from __future__ import annotations

from uuid import UUID, uuid4

import httpx
import pytest

from cetest.http import serve
from cetest.pdfs import DIGITAL, sample
from cetest.s3 import S3Server
from cetest.tenants import Tenant
from cypheredge.contracts import Envelope
from cypheredge.contracts.events.report import ReportReady, ReportSummary
from cypheredge.contracts.export_index import encode_export, index_key
from cypheredge.gateway.api.app import create_app
from cypheredge.gateway.bootstrap import build
from cypheredge.gateway.infra.models import inbox
from cypheredge.gateway.service.accounts import create_org
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.service.projection import Projector
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.storage import S3Storage

pytestmark = pytest.mark.integration
ROWS = [{"id": f"txn_{i:03d}", "date": "2025-01-02", "amount": str(i)} for i in range(7)]


async def _batch_with_report(api: httpx.AsyncClient, gateway: Container, org: Tenant) -> str:
    """A batch whose report.ready event has been projected, with artefacts in storage."""
    files = [("files", (DIGITAL, sample(DIGITAL), "application/pdf"))]
    batch_id = (await api.post("/v1/batches", headers=org.auth, files=files)).json()["id"]
    base = f"{org.org_id}/{batch_id}/report"
    await gateway.storage.put(f"{base}/workbook.xlsx", b"PK workbook")
    export, index = encode_export(ROWS)  # as the reporter writes them
    await gateway.storage.put(f"{base}/transactions.json", export)
    await gateway.storage.put(index_key(f"{base}/transactions.json"), index.encode())
    await gateway.storage.put(f"{base}/transactions.csv", b"id,date\n")
    ready = ReportReady(
        batch_id=UUID(batch_id),
        report_id=uuid4(),
        workbook_key=f"{base}/workbook.xlsx",
        workbook_sha256="0" * 64,
        exports={"json": f"{base}/transactions.json", "csv": f"{base}/transactions.csv"},
        summary=ReportSummary(
            statements=1, statements_reported=1, transactions=7, reconciled_statements=1
        ),
    )
    envelope = Envelope.wrap(ready, org_id=UUID(org.org_id), source="/cypheredge/reporter")
    await Projector(gateway.db, Inbox(inbox)).handle(envelope, ready)
    return str(batch_id)


async def test_report_is_409_until_ready_and_404_for_unknown_batches(
    api: httpx.AsyncClient, org_a: Tenant
) -> None:
    files = [("files", (DIGITAL, sample(DIGITAL), "application/pdf"))]
    batch_id = (await api.post("/v1/batches", headers=org_a.auth, files=files)).json()["id"]
    for path in (f"/v1/batches/{batch_id}/report", f"/v1/batches/{batch_id}/transactions"):
        response = await api.get(path, headers=org_a.auth)
        assert response.status_code == 409
        assert response.headers["content-type"] == "application/problem+json"
    unknown = await api.get(f"/v1/batches/{uuid4()}/report", headers=org_a.auth)
    assert unknown.status_code == 404
    bad = await api.get(f"/v1/batches/{batch_id}/transactions?format=pdf", headers=org_a.auth)
    assert bad.status_code == 422


async def test_ready_report_streams_and_json_pages(
    api: httpx.AsyncClient, gateway: Container, org_a: Tenant, org_b: Tenant
) -> None:
    batch_id = await _batch_with_report(api, gateway, org_a)
    view = (await api.get(f"/v1/batches/{batch_id}", headers=org_a.auth)).json()
    assert view["summary"]["transactions"] == 7
    assert view["report"]["workbook"] == f"/v1/batches/{batch_id}/report"
    assert set(view["report"]["exports"]) == {"csv", "json"}
    workbook = await api.get(view["report"]["workbook"], headers=org_a.auth)
    assert workbook.content == b"PK workbook"
    assert "attachment" in workbook.headers["content-disposition"]
    seen: list[str] = []
    cursor = ""
    while True:
        query = f"?format=json&limit=3{'&starting_after=' + cursor if cursor else ''}"
        page = (
            await api.get(f"/v1/batches/{batch_id}/transactions{query}", headers=org_a.auth)
        ).json()
        seen += [r["id"] for r in page["data"]]
        if not page["has_more"]:
            break
        cursor = page["data"][-1]["id"]
    assert seen == [r["id"] for r in ROWS]
    bad = await api.get(
        f"/v1/batches/{batch_id}/transactions?starting_after=txn_nope", headers=org_a.auth
    )
    assert bad.status_code == 400
    assert bad.headers["content-type"] == "application/problem+json"
    assert (bad.json()["code"], bad.json()["field"]) == ("invalid_cursor", "starting_after")
    csv = await api.get(f"/v1/batches/{batch_id}/transactions?format=csv", headers=org_a.auth)
    assert csv.headers["content-type"].startswith("text/csv")
    missing = await api.get(f"/v1/batches/{batch_id}/transactions?format=qif", headers=org_a.auth)
    assert missing.status_code == 409
    other = await api.get(f"/v1/batches/{batch_id}/report", headers=org_b.auth)
    assert other.status_code == 404


async def test_with_s3_the_report_is_a_redirect_to_a_presigned_url(
    infra: InfraSettings, s3: S3Server
) -> None:
    settings = InfraSettings.model_validate(
        infra.model_dump()
        | {
            "s3_endpoint": s3.endpoint,
            "s3_access_key": s3.access_key,
            "s3_secret_key": s3.secret_key,
            "s3_bucket": s3.bucket,
        }
    )
    container = build(settings)
    assert isinstance(container.storage, S3Storage)
    created = await create_org(container.db, "S3 org")
    org = Tenant(str(created.org_id), created.api_key)
    try:
        async with serve(create_app(container)) as url, httpx.AsyncClient(base_url=url) as api:
            batch_id = await _batch_with_report(api, container, org)
            response = await api.get(f"/v1/batches/{batch_id}/report", headers=org.auth)
            assert response.status_code == 307
            location = response.headers["location"]
            assert "X-Amz-Signature=" in location
            assert (await api.get(location)).content == b"PK workbook"
    finally:
        await container.db.dispose()
