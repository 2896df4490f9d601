"""Response models of the API: what the OpenAPI document promises and FastAPI checks we send."""

from __future__ import annotations

from datetime import datetime
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
