"""Response models of the API: what the OpenAPI document promises and FastAPI checks we send."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from cypheredge.gateway.domain.statuses import BatchStatus, StatementStatus


class ProblemDetails(BaseModel):
    """RFC 9457 problem details, as every error is answered."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(description="A URI for the problem type; about:blank for plain HTTP ones")
    title: str
    status: int
    instance: str = Field(description="The request path")
    code: str = Field(description="Stable, machine-readable reason, e.g. file_too_large")
    request_id: str = Field(description="Also sent as X-Request-ID; quote it in a report")
    detail: str | None = None
    field: str | None = Field(None, description="The request field at fault, when one is")
    policy: str | None = Field(None, description="For 429: the rate-limit policy reached")
    errors: list[dict[str, Any]] | None = Field(None, description="Every validation error")


class StatementWarning(BaseModel):
    code: str
    message: str
    page: int | None = None


class StatementCreated(BaseModel):
    id: UUID
    filename: str
    status: StatementStatus


class BatchCreated(BaseModel):
    id: UUID
    status: BatchStatus
    statements: list[StatementCreated]


class Statement(BaseModel):
    id: UUID
    filename: str
    status: StatementStatus
    pages: int | None
    text_layer_pages: int | None
    transactions: int | None
    reconciled: bool | None
    duplicate_of: UUID | None
    error: str | None
    warnings: list[StatementWarning]


class ReportLinks(BaseModel):
    workbook: str
    exports: dict[str, str]


class BatchSummary(BaseModel):
    id: UUID
    status: BatchStatus
    created_at: datetime
    updated_at: datetime
    params: dict[str, Any]
    summary: dict[str, Any] | None
    error: str | None
    report: ReportLinks | None


class Batch(BatchSummary):
    statements: list[Statement]


class BatchPage(BaseModel):
    data: list[BatchSummary]
    has_more: bool


class TransactionPage(BaseModel):
    data: list[dict[str, Any]]
    has_more: bool


class PlanTerms(BaseModel):
    """How a plan counts and prices pages."""

    tier: str
    included_pages: int
    overage_cents_per_page: Decimal | None = Field(description="None: no overage (hard cap)")
    scanned_page_units: int = Field(description="Billable pages per page read by OCR")
    hard_cap: bool = Field(description="Uploads stop once the included pages are used")


class UsageFigures(BaseModel):
    pages: int = Field(description="Pages extracted")
    ocr_pages: int = Field(description="Of those, pages only OCR could read")
    billable_pages: int = Field(description="Pages in the plan's terms (OCR pages weigh more)")
    statements: int
    by_metric: dict[str, int] = Field(description="Recorded quantity per usage metric")


class UsageReport(BaseModel):
    period: str = Field(description="YYYY-MM (calendar month, UTC)")
    starts_at: datetime
    ends_at: datetime = Field(description="Exclusive: the next period's start")
    plan: PlanTerms
    usage: UsageFigures
    included_remaining: int
    overage_pages: int


class PlanLimits(PlanTerms):
    """Every term of a plan."""

    title: str
    monthly_fee_cents: int
    rate_limit_per_minute: int
    rate_limit_burst: int
    max_file_bytes: int
    max_files_per_batch: int
    retention_days: int
    past_due_grace_days: int


class Subscription(BaseModel):
    plan: str
    status: str
    status_since: datetime | None
    current_period_end: datetime | None
    uploads_allowed: bool
    reason: str | None = Field(
        description="Why uploads are refused: quota_exceeded, payment_past_due, "
        "subscription_inactive; None when allowed"
    )
    limits: PlanLimits


class WebhookReceived(BaseModel):
    received: bool
    duplicate: bool = Field(description="The event id was taken before: nothing was done again")
