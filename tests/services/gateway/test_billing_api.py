"""GET /v1/usage and GET /v1/billing/subscription: the figures are the projected rows'."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from cetest.billing import new_org, pages, set_plan, statements, subscription, use
from cypheredge.contracts.plans import period_bounds, period_of, plan
from cypheredge.gateway.service.container import Container

pytestmark = pytest.mark.integration


async def test_usage_of_the_current_and_of_a_past_period(
    api: httpx.AsyncClient, gateway: Container
) -> None:
    org = await new_org(gateway)
    now = datetime.now(UTC)
    current = period_of(now)
    start, end = period_bounds(current)
    await use(gateway, org, pages(40, ocr_pages=10), pages(30), statements(2), statements(1))
    await use(gateway, org, pages(7, ocr_pages=3, at=datetime(2025, 3, 31, 23, 59, tzinfo=UTC)))
    await use(gateway, org, pages(5, at=datetime(2025, 4, 1, tzinfo=UTC)))  # April's, not March's

    body = (await api.get("/v1/usage", headers=org.auth)).json()
    assert body == {
        "period": current,
        "starts_at": start.isoformat().replace("+00:00", "Z"),
        "ends_at": end.isoformat().replace("+00:00", "Z"),
        "plan": {
            "tier": "free",
            "included_pages": 100,
            "overage_cents_per_page": None,
            "scanned_page_units": 2,
            "hard_cap": True,
        },
        "usage": {
            "pages": 70,
            "ocr_pages": 10,
            "billable_pages": 80,
            "statements": 3,
            "by_metric": {"pages_processed": 70, "statements_processed": 3},
        },
        "included_remaining": 20,
        "overage_pages": 0,
    }
    assert (await api.get("/v1/usage?period=current", headers=org.auth)).json() == body

    await set_plan(gateway, org, subscription("enterprise"))  # OCR pages count once there
    march = (await api.get("/v1/usage?period=2025-03", headers=org.auth)).json()
    assert (march["period"], march["starts_at"], march["ends_at"]) == (
        "2025-03",
        "2025-03-01T00:00:00Z",
        "2025-04-01T00:00:00Z",
    )
    assert march["usage"]["pages"] == 7
    assert march["usage"]["billable_pages"] == 7
    assert march["plan"]["overage_cents_per_page"] == "1.5"
    assert march["included_remaining"] == 50_000 - 7


async def test_overage_pages_past_a_paid_plans_included_ones(
    api: httpx.AsyncClient, gateway: Container
) -> None:
    org = await new_org(gateway)
    await set_plan(gateway, org, subscription("starter"))
    await use(gateway, org, pages(1100, ocr_pages=50))
    body = (await api.get("/v1/usage", headers=org.auth)).json()
    assert body["usage"]["billable_pages"] == 1150
    assert (body["included_remaining"], body["overage_pages"]) == (0, 150)


@pytest.mark.parametrize("period", ["2025-13", "2025-3", "march", "2025-03-01", "-2025-03"])
async def test_a_malformed_period_is_400(
    api: httpx.AsyncClient, gateway: Container, period: str
) -> None:
    org = await new_org(gateway)
    response = await api.get("/v1/usage", params={"period": period}, headers=org.auth)
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert (response.json()["code"], response.json()["field"]) == ("invalid_period", "period")


async def test_usage_and_subscription_need_an_api_key(api: httpx.AsyncClient) -> None:
    for path in ("/v1/usage", "/v1/billing/subscription"):
        assert (await api.get(path)).status_code == 401


async def test_subscription_of_a_new_org_then_after_changes(
    api: httpx.AsyncClient, gateway: Container
) -> None:
    org = await new_org(gateway)
    body = (await api.get("/v1/billing/subscription", headers=org.auth)).json()
    free = plan("free")
    assert body == {
        "plan": "free",
        "status": "active",
        "status_since": None,
        "current_period_end": None,
        "uploads_allowed": True,
        "reason": None,
        "limits": {
            **free.model_dump(mode="json", exclude={"stripe_price_lookup_key"}),
            "hard_cap": True,
        },
    }
    await use(gateway, org, pages(100))
    body = (await api.get("/v1/billing/subscription", headers=org.auth)).json()
    assert (body["uploads_allowed"], body["reason"]) == (False, "quota_exceeded")

    since = datetime.now(UTC) - timedelta(days=30)
    await set_plan(gateway, org, subscription("pro", "past_due", since=since))
    body = (await api.get("/v1/billing/subscription", headers=org.auth)).json()
    assert (body["plan"], body["status"]) == ("pro", "past_due")
    assert datetime.fromisoformat(body["status_since"]) == since
    assert (body["uploads_allowed"], body["reason"]) == (False, "payment_past_due")
    assert body["limits"]["max_files_per_batch"] == 50
    assert body["limits"]["hard_cap"] is False
