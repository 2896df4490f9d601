"""Whether an org may upload now, from its plan, subscription status and usage (pure).

The gateway knows an org's subscription only from billing's ``subscription.changed`` events
and its usage only from the extractor's ``usage.recorded`` events (its own projections), so
the figures here are what was recorded: a batch still being processed is not counted yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from cypheredge.contracts.plans import DEFAULT_PLAN, Plan, period_bounds, period_of, plan, plans

DEFAULT_STATUS = "active"
# Statuses in which the subscription no longer pays for anything: uploads stop at once.
INACTIVE = frozenset({"canceled", "unpaid", "incomplete_expired"})
PAGES_METRIC = "pages_processed"
STATEMENTS_METRIC = "statements_processed"


@dataclass(frozen=True)
class Standing:
    """An org's subscription as the gateway projected it (free and active until told)."""

    plan: Plan
    status: str = DEFAULT_STATUS
    status_since: datetime | None = None
    current_period_end: datetime | None = None


def default_standing() -> Standing:
    return Standing(plan(DEFAULT_PLAN))


def plan_or_default(tier: str) -> Plan:
    """The plan called ``tier``; a tier this gateway does not know yet counts as the default."""
    return plans().get(tier) or plan(DEFAULT_PLAN)


@dataclass(frozen=True)
class MetricTotal:
    """One metric's usage in a period: ``quantity`` summed, and of pages, those OCR read."""

    metric: str
    quantity: int
    ocr_pages: int = 0


@dataclass(frozen=True)
class Usage:
    period: str
    pages: int
    ocr_pages: int
    billable_pages: int
    statements: int
    by_metric: dict[str, int]
    included_pages: int

    @property
    def included_remaining(self) -> int:
        return max(0, self.included_pages - self.billable_pages)

    @property
    def overage_pages(self) -> int:
        return max(0, self.billable_pages - self.included_pages)


def usage_of(standing: Standing, period: str, totals: list[MetricTotal]) -> Usage:
    """The period's usage in the plan's terms. Summing per metric first is exact: billable
    pages are linear in pages and OCR pages (each row's OCR pages clipped to its pages)."""
    by_metric = {t.metric: t.quantity for t in totals}
    pages = sum(t.quantity for t in totals if t.metric == PAGES_METRIC)
    ocr = sum(min(t.ocr_pages, t.quantity) for t in totals if t.metric == PAGES_METRIC)
    return Usage(
        period=period,
        pages=pages,
        ocr_pages=ocr,
        billable_pages=standing.plan.billable_pages(pages, ocr),
        statements=by_metric.get(STATEMENTS_METRIC, 0),
        by_metric=by_metric,
        included_pages=standing.plan.included_pages,
    )


@dataclass(frozen=True)
class Refusal:
    """Why an upload is refused: a stable ``code``, what to do (``detail``), and figures.

    The subscription's status is ``subscription_status``: in a problem body ``status`` is the
    HTTP status (RFC 9457).
    """

    code: str
    title: str
    detail: str
    members: dict[str, Any] = field(default_factory=dict)


def refusal(standing: Standing, usage: Usage, org_id: UUID, now: datetime) -> Refusal | None:
    """None when the org may upload now; otherwise the first rule it breaks."""
    tier = standing.plan.tier
    if standing.status in INACTIVE:
        return Refusal(
            "subscription_inactive",
            "Subscription inactive",
            f"The org's {tier} subscription is {standing.status}: choose a plan to upload "
            f"again (`cypheredge admin set-plan {org_id} PLAN`).",
            {"plan": tier, "subscription_status": standing.status},
        )
    if grace_over(standing, now):
        since = standing.status_since
        return Refusal(
            "payment_past_due",
            "Payment past due",
            f"Payment for the org's {tier} subscription is past due since "
            f"{_iso(since)} and the {standing.plan.past_due_grace_days}-day grace period is "
            f"over: update the payment method to upload again.",
            {
                "plan": tier,
                "subscription_status": standing.status,
                "status_since": _iso(since),
                "grace_days": standing.plan.past_due_grace_days,
            },
        )
    if standing.plan.hard_cap and usage.billable_pages >= standing.plan.included_pages:
        return _quota_exceeded(standing.plan, usage, org_id)
    return None


def grace_over(standing: Standing, now: datetime) -> bool:
    """Past due for longer than the plan's grace. An unknown start counts from ``now``: the
    gateway refuses only what it knows to be overdue."""
    if standing.status != "past_due" or standing.status_since is None:
        return False
    return now - standing.status_since > timedelta(days=standing.plan.past_due_grace_days)


def _quota_exceeded(plan_: Plan, usage: Usage, org_id: UUID) -> Refusal:
    _, next_start = period_bounds(usage.period)
    paid = ", ".join(p.tier for p in plans().values() if not p.hard_cap)
    return Refusal(
        "quota_exceeded",
        "Quota exceeded",
        f"The {plan_.tier} plan's {plan_.included_pages} pages for {usage.period} are used "
        f"({usage.billable_pages} billable pages). Uploads resume when the next period starts "
        f"on {_iso(next_start)}, or move the org to a paid plan ({paid}): "
        f"`cypheredge admin set-plan {org_id} PLAN`.",
        {
            "plan": plan_.tier,
            "period": usage.period,
            "used_pages": usage.billable_pages,
            "included_pages": plan_.included_pages,
            "next_period_starts_at": _iso(next_start),
        },
    )


def parse_period(text: str, now: datetime) -> str:
    """``current`` or ``YYYY-MM`` as a period; ValueError for anything else."""
    if text == "current":
        return period_of(now)
    malformed = ValueError(f"period must be 'current' or YYYY-MM, not {text[:20]!r}")
    if len(text) != 7 or text[4] != "-" or not (text[:4] + text[5:]).isdigit():
        raise malformed
    try:
        period_bounds(text)  # the month must exist (01-12)
    except ValueError:
        raise malformed from None
    return text


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat().replace("+00:00", "Z")
