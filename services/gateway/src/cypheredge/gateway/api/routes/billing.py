"""/v1/usage and /v1/billing/subscription: what the org used and what its plan allows."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from cypheredge.contracts.plans import Plan, period_bounds
from cypheredge.gateway.api.deps import ContainerDep, require
from cypheredge.gateway.api.openapi import AUTHENTICATED, problems, success
from cypheredge.gateway.api.problems import Problem
from cypheredge.gateway.api.schemas import Subscription, UsageReport
from cypheredge.gateway.domain.entitlement import parse_period
from cypheredge.gateway.domain.principals import Principal
from cypheredge.gateway.service.entitlements import entitlement, usage_in

router = APIRouter(tags=["billing"])


@router.get(
    "/v1/usage",
    name="getUsage",
    operation_id="getUsage",
    summary="The org's usage in a billing period",
    description="Usage recorded for the org's extracted statements in a calendar month (UTC), "
    "counted in the terms of the org's plan now.",
    response_model=UsageReport,
    responses={**success(200, "The period's usage"), **problems(*AUTHENTICATED, 400)},
)
async def get_usage(
    app: ContainerDep,
    principal: Annotated[Principal, Depends(require("batches:read"))],
    period: Annotated[str, Query(description="`current` or `YYYY-MM`", max_length=20)] = "current",
) -> dict[str, Any]:
    try:
        chosen = parse_period(period, datetime.now(UTC))
    except ValueError as exc:
        raise Problem(
            400, "Invalid period", str(exc), code="invalid_period", field="period"
        ) from None
    standing, usage = await usage_in(app.db, principal.org_id, chosen)
    starts_at, ends_at = period_bounds(chosen)
    return {
        "period": chosen,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "plan": _terms(standing.plan),
        "usage": {
            "pages": usage.pages,
            "ocr_pages": usage.ocr_pages,
            "billable_pages": usage.billable_pages,
            "statements": usage.statements,
            "by_metric": usage.by_metric,
        },
        "included_remaining": usage.included_remaining,
        "overage_pages": usage.overage_pages,
    }


@router.get(
    "/v1/billing/subscription",
    name="getSubscription",
    operation_id="getSubscription",
    summary="The org's plan, subscription status and whether it may upload now",
    response_model=Subscription,
    responses={**success(200, "The subscription"), **problems(*AUTHENTICATED)},
)
async def get_subscription(
    app: ContainerDep, principal: Annotated[Principal, Depends(require("batches:read"))]
) -> dict[str, Any]:
    allowed = await entitlement(app.db, principal.org_id, datetime.now(UTC))
    standing = allowed.standing
    return {
        "plan": standing.plan.tier,
        "status": standing.status,
        "status_since": standing.status_since,
        "current_period_end": standing.current_period_end,
        "uploads_allowed": allowed.refusal is None,
        "reason": allowed.refusal.code if allowed.refusal else None,
        "limits": {
            **standing.plan.model_dump(exclude={"stripe_price_lookup_key"}),
            "hard_cap": standing.plan.hard_cap,
        },
    }


def _terms(plan: Plan) -> dict[str, Any]:
    return {
        "tier": plan.tier,
        "included_pages": plan.included_pages,
        "overage_cents_per_page": plan.overage_cents_per_page,
        "scanned_page_units": plan.scanned_page_units,
        "hard_cap": plan.hard_cap,
    }
