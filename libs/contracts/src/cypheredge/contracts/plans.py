"""The plans an org can be on, as data (``plans.json``), shared by the gateway and billing.

A billing period is a calendar month in UTC. Usage is counted in *billable pages*: every page
extracted counts once, and a page only OCR could read counts ``scanned_page_units`` times
(reading a scan costs far more than reading a text layer). The free plan stops at its included
pages; paid plans go on, and the pages past ``included_pages`` are billed as overage.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

PlanTier = Literal["free", "starter", "pro", "enterprise"]
DEFAULT_PLAN: PlanTier = "free"
METER_EVENT_NAME = "cypheredge_pages"
"""The Stripe Billing Meter every paid plan's metered price is on (its ``event_name``)."""


class Plan(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    tier: PlanTier
    title: str
    monthly_fee_cents: int = Field(ge=0)
    included_pages: int = Field(ge=0, description="Billable pages per period in the fee")
    overage_cents_per_page: Decimal | None = Field(
        description="Price of each billable page past the included ones; None: no overage"
    )
    scanned_page_units: int = Field(ge=1, description="Billable pages per page read by OCR")
    rate_limit_per_minute: int = Field(gt=0)
    rate_limit_burst: int = Field(gt=0)
    max_file_bytes: int = Field(gt=0)
    max_files_per_batch: int = Field(gt=0)
    retention_days: int = Field(gt=0)
    past_due_grace_days: int = Field(ge=0, description="Uploads still accepted while past due")
    stripe_price_lookup_key: str | None = Field(
        description="Lookup key of the plan's metered Stripe price; None: not billed by Stripe"
    )

    @property
    def paid(self) -> bool:
        return self.stripe_price_lookup_key is not None

    @property
    def hard_cap(self) -> bool:
        """Uploads stop at the included pages (no overage is sold on this plan)."""
        return self.overage_cents_per_page is None

    def billable_pages(self, pages: int, ocr_pages: int = 0) -> int:
        """``pages`` extracted, of which ``ocr_pages`` were read by OCR, in billable pages."""
        return pages + (self.scanned_page_units - 1) * min(ocr_pages, pages)


class _Catalogue(BaseModel):
    billing_period: str
    plans: tuple[Plan, ...]


@cache
def plans() -> dict[str, Plan]:
    """Every plan by tier, in the order of ``plans.json``."""
    raw = resources.files(__package__).joinpath("plans.json").read_text("utf-8")
    catalogue = _Catalogue.model_validate(json.loads(raw))
    return {plan.tier: plan for plan in catalogue.plans}


def plan(tier: str) -> Plan:
    """The plan called ``tier``; raises LookupError naming the known ones."""
    try:
        return plans()[tier]
    except KeyError:
        raise LookupError(f"unknown plan {tier!r} (plans: {', '.join(plans())})") from None


def plan_for_price(lookup_key: str) -> Plan | None:
    """The plan whose metered Stripe price has ``lookup_key``."""
    return next((p for p in plans().values() if p.stripe_price_lookup_key == lookup_key), None)


def period_of(moment: datetime) -> str:
    """The billing period (``YYYY-MM``, UTC) ``moment`` falls in."""
    return moment.astimezone(UTC).strftime("%Y-%m")


def period_bounds(period: str) -> tuple[datetime, datetime]:
    """Start (inclusive) and end (exclusive) of a ``YYYY-MM`` period; ValueError if malformed."""
    start = datetime.strptime(period, "%Y-%m").replace(tzinfo=UTC)
    end = (
        start.replace(year=start.year + 1, month=1)
        if start.month == 12
        else start.replace(month=start.month + 1)
    )
    return start, end
