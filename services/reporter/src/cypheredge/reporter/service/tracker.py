"""Use case: follow every statement of a batch to its outcome.

The reporter learns a batch's size from ``batch.submitted`` and each statement's outcome from
ingestion and extraction events; building the report once all outcomes are in is the next
step, triggered from here.
"""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import func
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.contracts import Envelope, Event
from cypheredge.contracts.catalogue import REPORTER
from cypheredge.contracts.events.batch import BatchSubmitted
from cypheredge.contracts.events.statement import (
    StatementExtracted,
    StatementExtractionFailed,
    StatementRejected,
)
from cypheredge.kit.db import Database
from cypheredge.kit.inbox import Inbox
from cypheredge.reporter.infra.models import report_batches, statement_outcomes
from cypheredge.reporter.service.builder import ReportBuilder

CONSUMER = REPORTER.group_id
# The events that carry a statement's outcome or a batch's size; the rest of the consumed
# topics (e.g. statement.ingested) change nothing here.
Tracked = BatchSubmitted | StatementRejected | StatementExtractionFailed | StatementExtracted


class OutcomeTracker:
    def __init__(self, db: Database, inbox: Inbox, builder: ReportBuilder) -> None:
        self._db = db
        self._inbox = inbox
        self._builder = builder

    async def handle(self, envelope: Envelope, event: Tracked) -> None:
        await self._inbox.apply_once(
            self._db, CONSUMER, envelope, lambda session: self._apply(session, envelope, event)
        )
        # Also on redelivery: a crash between recording the last outcome and finishing the
        # report must not leave the batch unreported.
        await self._builder.maybe_build(envelope.orgid, event.batch_id)

    async def _apply(self, session: AsyncSession, envelope: Envelope, event: Event) -> None:
        match event:
            case BatchSubmitted():
                await _batch(session, envelope.orgid, event)
            case StatementRejected():
                await _outcome(session, envelope.orgid, event, "rejected", error=event.reason)
            case StatementExtractionFailed():
                await _outcome(session, envelope.orgid, event, "failed", error=event.reason)
            case StatementExtracted():
                await _outcome(
                    session,
                    envelope.orgid,
                    event,
                    "extracted",
                    artefact_key=event.artefact_key,
                    artefact_sha256=event.artefact_sha256,
                )


async def _batch(session: AsyncSession, org_id: UUID, event: BatchSubmitted) -> None:
    await session.execute(
        insert(report_batches)
        .values(
            batch_id=event.batch_id,
            org_id=org_id,
            statements=len(event.statements),
            params=event.params,
        )
        .on_conflict_do_nothing()
    )
    rows = [
        {
            "statement_id": s.statement_id,
            "org_id": org_id,
            "batch_id": event.batch_id,
            "filename": s.filename,
            "position": position,
            "sha256": s.sha256,
            "status": "pending",
        }
        for position, s in enumerate(event.statements)
    ]
    stmt = insert(statement_outcomes).values(rows)
    # An outcome may have arrived first (another topic): keep its status, add what it lacked.
    await session.execute(
        stmt.on_conflict_do_update(
            index_elements=[statement_outcomes.c.statement_id],
            set_={
                "filename": stmt.excluded.filename,
                "position": stmt.excluded.position,
                "sha256": stmt.excluded.sha256,
            },
        )
    )


async def _outcome(
    session: AsyncSession,
    org_id: UUID,
    event: StatementRejected | StatementExtractionFailed | StatementExtracted,
    status: str,
    **values: str,
) -> None:
    """Record a statement's outcome, whether or not its batch event has arrived yet."""
    stmt = insert(statement_outcomes).values(
        statement_id=event.statement_id,
        org_id=org_id,
        batch_id=event.batch_id,
        status=status,
        **values,
    )
    await session.execute(
        stmt.on_conflict_do_update(
            index_elements=[statement_outcomes.c.statement_id],
            set_={"status": status, "updated_at": func.now(), **values},
        )
    )
