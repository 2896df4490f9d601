"""POST /v1/batches under the org's plan and subscription: 402 before anything is stored."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import httpx
import pytest
from sqlalchemy import func, select

from cetest.billing import new_org, pages, set_plan, subscription, use
from cetest.http import serve
from cetest.pdfs import DIGITAL, sample
from cetest.tenants import Tenant
from cypheredge.contracts.plans import period_bounds, period_of
from cypheredge.gateway.api.app import create_app
from cypheredge.gateway.bootstrap import build
from cypheredge.gateway.infra.models import outbox
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.settings import GatewaySettings
from cypheredge.kit.settings import InfraSettings

pytestmark = pytest.mark.integration
FILES = [("files", (DIGITAL, sample(DIGITAL), "application/pdf"))]


async def _upload(api: httpx.AsyncClient, org: Tenant, **headers: str) -> httpx.Response:
    return await api.post("/v1/batches", headers={**org.auth, **headers}, files=FILES)


async def _outbox_rows(gateway: Container) -> int:
    async with gateway.db.system() as session:
        return int((await session.execute(select(func.count()).select_from(outbox))).scalar_one())


async def test_the_free_plan_stops_at_its_included_pages_and_stores_nothing(
    api: httpx.AsyncClient, gateway: Container
) -> None:
    org = await new_org(gateway)
    start, _ = period_bounds(period_of(datetime.now(UTC)))
    # Last period's pages do not count; this period's 99 leave one.
    await use(gateway, org, pages(500, at=start - timedelta(hours=1)), pages(60), pages(39))
    assert (await _upload(api, org)).status_code == 202
    await use(gateway, org, pages(1))
    before = await _outbox_rows(gateway)
    refused = await _upload(api, org)
    assert refused.status_code == 402, refused.text
    assert refused.headers["content-type"] == "application/problem+json"
    problem = refused.json()
    period = period_of(datetime.now(UTC))
    _, next_start = period_bounds(period)
    assert problem["code"] == "quota_exceeded"
    assert problem["status"] == 402
    assert problem["request_id"] == refused.headers["X-Request-ID"]
    assert (problem["plan"], problem["period"]) == ("free", period)
    assert (problem["used_pages"], problem["included_pages"]) == (100, 100)
    assert f"cypheredge admin set-plan {org.org_id} PLAN" in problem["detail"]
    assert next_start.date().isoformat() in problem["detail"]
    assert await _outbox_rows(gateway) == before
    listed = (await api.get("/v1/batches", headers=org.auth)).json()["data"]
    assert len(listed) == 1  # only the batch accepted before the quota ran out


async def test_pages_only_ocr_read_count_by_the_plans_scanned_page_units(
    api: httpx.AsyncClient, gateway: Container
) -> None:
    org = await new_org(gateway)
    await use(gateway, org, pages(30, ocr_pages=20), pages(29, ocr_pages=20))  # 59 + 40
    assert (await _upload(api, org)).status_code == 202
    await use(gateway, org, pages(1, ocr_pages=1))  # 1 + 1: 101 billable
    refused = await _upload(api, org)
    assert refused.status_code == 402
    assert refused.json()["used_pages"] == 101


async def test_a_paid_plan_goes_past_its_included_pages(
    api: httpx.AsyncClient, gateway: Container
) -> None:
    org = await new_org(gateway)
    await set_plan(gateway, org, subscription("starter"))
    await use(gateway, org, pages(1500, ocr_pages=100))
    assert (await _upload(api, org)).status_code == 202


async def test_past_due_is_accepted_within_grace_refused_beyond_and_canceled_is_refused(
    api: httpx.AsyncClient, gateway: Container
) -> None:
    org = await new_org(gateway)
    now = datetime.now(UTC)
    await set_plan(
        gateway, org, subscription("starter", "past_due", revision=1, since=now - timedelta(days=6))
    )
    assert (await _upload(api, org)).status_code == 202

    overdue_since = now - timedelta(days=8)
    await set_plan(
        gateway, org, subscription("starter", "past_due", revision=2, since=overdue_since)
    )
    refused = await _upload(api, org)
    assert refused.status_code == 402
    problem = refused.json()
    assert (problem["code"], problem["status"]) == ("payment_past_due", 402)
    assert (problem["plan"], problem["subscription_status"], problem["grace_days"]) == (
        "starter",
        "past_due",
        7,
    )
    assert datetime.fromisoformat(problem["status_since"]) == overdue_since
    assert "payment method" in problem["detail"]

    await set_plan(gateway, org, subscription("starter", "canceled", revision=3))
    refused = await _upload(api, org)
    assert refused.status_code == 402
    assert refused.json()["code"] == "subscription_inactive"
    assert (refused.json()["plan"], refused.json()["subscription_status"]) == (
        "starter",
        "canceled",
    )

    await set_plan(gateway, org, subscription("starter", "active", revision=4))
    assert (await _upload(api, org)).status_code == 202


async def test_a_retry_of_an_answered_upload_replays_even_once_refused(
    api: httpx.AsyncClient, gateway: Container
) -> None:
    org = await new_org(gateway)
    key = str(uuid4())
    first = await _upload(api, org, **{"Idempotency-Key": key})
    assert first.status_code == 202
    await use(gateway, org, pages(100))
    again = await _upload(api, org, **{"Idempotency-Key": key})
    assert again.status_code == 202
    assert again.json() == first.json()
    fresh = await _upload(api, org, **{"Idempotency-Key": str(uuid4())})
    assert fresh.status_code == 402


@pytest.fixture(scope="module")
async def roomy(infra: InfraSettings) -> AsyncIterator[tuple[Container, httpx.AsyncClient]]:
    """A gateway whose own limits are above the free plan's, so the plan's apply."""
    settings = GatewaySettings(max_files=50, max_file_bytes=50_000_000, max_total_bytes=100_000_000)
    container = build(infra, settings)
    async with (
        serve(create_app(container)) as url,
        httpx.AsyncClient(base_url=url, timeout=30) as client,
    ):
        yield container, client
    await container.db.dispose()


async def test_the_plans_file_limits_apply_where_lower_and_are_named(
    roomy: tuple[Container, httpx.AsyncClient],
) -> None:
    container, api = roomy
    org = await new_org(container)
    many = FILES * 11  # the free plan takes 10 per batch
    response = await api.post("/v1/batches", headers=org.auth, files=many)
    assert response.status_code == 413
    assert response.json()["code"] == "too_many_files"
    assert "at most 10 per batch on the free plan" in response.json()["detail"]
    big = [("files", ("big.pdf", b"%PDF-" + b"0" * 10_485_760, "application/pdf"))]
    response = await api.post("/v1/batches", headers=org.auth, files=big)
    assert response.status_code == 413
    assert response.json()["code"] == "file_too_large"
    assert "10485760 bytes per file on the free plan" in response.json()["detail"]

    await set_plan(container, org, subscription("starter"))  # 25 files, 25 MB
    assert (await api.post("/v1/batches", headers=org.auth, files=many)).status_code == 202
    assert (await api.post("/v1/batches", headers=org.auth, files=big)).status_code == 202
