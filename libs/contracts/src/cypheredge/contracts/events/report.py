"""Events of the reporter: the batch report is ready."""

from __future__ import annotations

from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from cypheredge.contracts.base import Event
from cypheredge.contracts.topics import BATCH_OUTCOME


class ReportSummary(BaseModel):
    model_config = ConfigDict(frozen=True)

    statements: int
    statements_reported: int
    transactions: int
    reconciled_statements: int
    flagged_rows: int = 0


class ReportReady(Event):
    name = "report.ready"
    version = 1
    topic = BATCH_OUTCOME.name

    batch_id: UUID
    report_id: UUID
    workbook_key: str
    workbook_sha256: str
    exports: dict[str, str] = Field(default_factory=dict, description="format -> storage key")
    summary: ReportSummary

    def aggregate_id(self) -> UUID:
        return self.batch_id
