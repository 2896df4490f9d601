"""Events about batches: submission by the gateway, the final outcome, and re-drive requests."""

from __future__ import annotations

from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from cypheredge.contracts.base import Event
from cypheredge.contracts.topics import BATCH_OUTCOME, BATCH_REDRIVE, BATCH_SUBMITTED


class SubmittedStatement(BaseModel):
    model_config = ConfigDict(frozen=True)

    statement_id: UUID
    filename: str
    storage_key: str = Field(description="Object-storage key of the raw upload")
    size_bytes: int
    sha256: str
    sealed_password: str | None = Field(
        default=None, description="Password sealed with the platform secret key; never plaintext"
    )


class BatchSubmitted(Event):
    name = "batch.submitted"
    version = 1
    topic = BATCH_SUBMITTED.name

    batch_id: UUID
    statements: tuple[SubmittedStatement, ...]
    params: dict[str, Any] = Field(default_factory=dict)

    def aggregate_id(self) -> UUID:
        return self.batch_id


class StatementOutcome(BaseModel):
    model_config = ConfigDict(frozen=True)

    statement_id: UUID
    status: Literal["reported", "rejected", "failed"]
    error: str | None = None


class BatchCompleted(Event):
    name = "batch.completed"
    version = 1
    topic = BATCH_OUTCOME.name

    batch_id: UUID
    status: Literal["completed", "partially_failed"]
    statements: tuple[StatementOutcome, ...]

    def aggregate_id(self) -> UUID:
        return self.batch_id


class BatchFailed(Event):
    name = "batch.failed"
    version = 1
    topic = BATCH_OUTCOME.name

    batch_id: UUID
    reason: str
    statements: tuple[StatementOutcome, ...] = ()

    def aggregate_id(self) -> UUID:
        return self.batch_id


RedriveReason = Literal["stalled", "operator"]


class BatchRedriveRequested(Event):
    """The gateway saw no progress on a batch: every service re-publishes what it already sent.

    Events of a batch that the broker acknowledged and then lost (a crash of an in-memory
    broker) are still in the producers' outboxes; on this request each service puts its sent
    rows for the batch back in line, with their original event ids, so consumers' inboxes drop
    whatever they had already applied and only the lost work happens.
    """

    name = "batch.redrive_requested"
    version = 1
    topic = BATCH_REDRIVE.name

    batch_id: UUID
    reason: RedriveReason = Field(
        description="stalled: the gateway's sweeper saw no progress; operator: asked by hand"
    )

    def aggregate_id(self) -> UUID:
        return self.batch_id
