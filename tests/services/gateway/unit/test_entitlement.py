"""Which subscription status and usage refuse an upload, and with what figures (pure)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from cypheredge.contracts.plans import plan
from cypheredge.gateway.domain.entitlement import (
    MetricTotal,
    Standing,
    default_standing,
    parse_period,
    plan_or_default,
    refusal,
    usage_of,
)
from cypheredge.gateway.domain.submission import UploadLimits

NOW = datetime(2026, 12, 15, 12, tzinfo=UTC)
ORG = uuid4()


def test_usage_counts_ocr_pages_by_the_plans_units_and_reports_each_metric() -> None:
    free = default_standing()
    usage = usage_of(
        free,
        "2026-12",
        [MetricTotal("pages_processed", 40, 15), MetricTotal("statements_processed", 4)],
    )
    assert (usage.pages, usage.ocr_pages, usage.billable_pages) == (40, 15, 55)
    assert usage.statements == 4
    assert usage.by_metric == {"pages_processed": 40, "statements_processed": 4}
    assert (usage.included_remaining, usage.overage_pages) == (45, 0)
    enterprise = usage_of(
        Standing(plan("enterprise")), "2026-12", [MetricTotal("pages_processed", 40, 15)]
    )
    assert enterprise.billable_pages == 40


def test_free_is_refused_once_its_included_pages_are_used() -> None:
    free = default_standing()
    assert (
        refusal(free, usage_of(free, "2026-12", [MetricTotal("pages_processed", 99)]), ORG, NOW)
        is None
    )
    used = usage_of(free, "2026-12", [MetricTotal("pages_processed", 60, 40)])
    refused = refusal(free, used, ORG, NOW)
    assert refused is not None
    assert refused.code == "quota_exceeded"
    assert refused.members == {
        "plan": "free",
        "period": "2026-12",
        "used_pages": 100,
        "included_pages": 100,
        "next_period_starts_at": "2027-01-01T00:00:00Z",
    }
    assert "2027-01-01" in refused.detail
    assert f"cypheredge admin set-plan {ORG} PLAN" in refused.detail


def test_paid_plans_go_past_their_included_pages() -> None:
    starter = Standing(plan("starter"))
    used = usage_of(starter, "2026-12", [MetricTotal("pages_processed", 5000, 5000)])
    assert used.overage_pages == 9000
    assert refusal(starter, used, ORG, NOW) is None


@pytest.mark.parametrize(
    ("days_past_due", "refused"), [(0, False), (6.9, False), (7, False), (7.01, True), (30, True)]
)
def test_past_due_is_refused_only_beyond_the_grace(days_past_due: float, refused: bool) -> None:
    since = NOW - timedelta(days=days_past_due)
    standing = Standing(plan("starter"), "past_due", since)
    found = refusal(standing, usage_of(standing, "2026-12", []), ORG, NOW)
    assert (found is not None) == refused
    if found is not None:
        assert found.code == "payment_past_due"
        assert found.members == {
            "plan": "starter",
            "subscription_status": "past_due",
            "status_since": since.isoformat().replace("+00:00", "Z"),
            "grace_days": 7,
        }


def test_past_due_with_no_known_start_is_not_refused() -> None:
    standing = Standing(plan("starter"), "past_due", None)
    assert refusal(standing, usage_of(standing, "2026-12", []), ORG, NOW) is None


@pytest.mark.parametrize("status", ["canceled", "unpaid", "incomplete_expired"])
def test_an_inactive_subscription_is_refused_first(status: str) -> None:
    standing = Standing(plan("free"), status, NOW)
    used = usage_of(standing, "2026-12", [MetricTotal("pages_processed", 500)])
    found = refusal(standing, used, ORG, NOW)
    assert found is not None
    assert found.code == "subscription_inactive"
    assert found.members == {"plan": "free", "subscription_status": status}


@pytest.mark.parametrize("status", ["active", "trialing", "incomplete"])
def test_other_statuses_upload(status: str) -> None:
    standing = Standing(plan("pro"), status, NOW - timedelta(days=400))
    assert refusal(standing, usage_of(standing, "2026-12", []), ORG, NOW) is None


def test_an_unknown_tier_counts_as_the_default_plan() -> None:
    assert plan_or_default("platinum").tier == "free"
    assert plan_or_default("pro").tier == "pro"


@pytest.mark.parametrize(
    ("text", "period"), [("current", "2026-12"), ("2025-01", "2025-01"), ("1999-12", "1999-12")]
)
def test_periods(text: str, period: str) -> None:
    assert parse_period(text, NOW) == period


@pytest.mark.parametrize("text", ["2025-13", "2025-00", "2025-1", "2025/01", "abcd-ef", "", "now"])
def test_malformed_periods(text: str) -> None:
    with pytest.raises(ValueError, match="period"):
        parse_period(text, NOW)


def test_a_plans_lower_upload_limits_apply_and_are_named() -> None:
    gateway = UploadLimits(max_files=50, max_file_bytes=50_000_000, max_total_bytes=10**9)
    on_free = gateway.on_plan("free", max_files=10, max_file_bytes=60_000_000)
    assert (on_free.max_files, on_free.max_file_bytes) == (10, 50_000_000)
    assert on_free.by_plan("max_files") == " on the free plan"
    assert on_free.by_plan("max_file_bytes") == ""
    assert on_free.max_body_bytes < gateway.max_body_bytes
