"""Keeps the batch projection current from downstream events (the gateway's consumer).

Each event is applied at most once (inbox row in the same transaction) and statuses only move
forward, so redelivery, re-drives and cross-topic reordering are harmless.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.contracts import Envelope, Event
from cypheredge.contracts.catalogue import GATEWAY
from cypheredge.contracts.events.batch import BatchCompleted, BatchFailed
from cypheredge.contracts.events.billing import SubscriptionChanged, UsageRecorded
from cypheredge.contracts.events.report import ReportReady
from cypheredge.contracts.events.statement import (
    StatementExtracted,
    StatementExtractionFailed,
    StatementIngested,
    StatementQueuedForOcr,
    StatementRejected,
)
from cypheredge.contracts.notices import Notice
from cypheredge.gateway.domain.ocr_notice import ocr_notice
from cypheredge.gateway.domain.statuses import (
    BatchStatus,
    StatementStatus,
    advances,
    derive_batch_status,
    settle,
)
from cypheredge.gateway.infra import batches as sql
from cypheredge.gateway.service.billing_projection import project_billing
from cypheredge.kit.db import Database
from cypheredge.kit.inbox import Inbox

CONSUMER = GATEWAY.group_id


class Projector:
    def __init__(self, db: Database, inbox: Inbox) -> None:
        self._db = db
        self._inbox = inbox

    async def handle(self, envelope: Envelope, event: Event) -> None:
        async def effect(session: AsyncSession) -> None:
            if isinstance(event, UsageRecorded | SubscriptionChanged):
                await project_billing(session, envelope.orgid, event)
            else:
                await self._apply(session, event)

        await self._inbox.apply_once(self._db, CONSUMER, envelope, effect)

    async def _apply(self, session: AsyncSession, event: Event) -> None:
        match event:
            # Before StatementIngested, which it extends: the hand-over carries the ingested
            # event whole, so its facts land too when it overtakes ingestion's own event.
            case StatementQueuedForOcr():
                await self._statement(
                    session,
                    event.batch_id,
                    event.statement_id,
                    StatementStatus.QUEUED_FOR_OCR,
                    warnings=(*event.warnings, ocr_notice(event.ocr_pages, event.reason)),
                    **_ingest_facts(event),
                )
            case StatementIngested():
                await self._statement(
                    session,
                    event.batch_id,
                    event.statement_id,
                    StatementStatus.INGESTED,
                    warnings=event.warnings,
                    **_ingest_facts(event),
                )
            case StatementRejected():
                await self._statement(
                    session,
                    event.batch_id,
                    event.statement_id,
                    StatementStatus.REJECTED,
                    error=event.reason,
                )
            case StatementExtracted():
                await self._statement(
                    session,
                    event.batch_id,
                    event.statement_id,
                    StatementStatus.EXTRACTED,
                    transactions=event.transactions,
                    reconciled=event.reconciled,
                    warnings=event.warnings,
                )
            case StatementExtractionFailed():
                await self._statement(
                    session,
                    event.batch_id,
                    event.statement_id,
                    StatementStatus.FAILED,
                    error=event.reason,
                )
            case ReportReady():
                await sql.update_batch(
                    session,
                    event.batch_id,
                    summary=event.summary.model_dump(mode="json"),
                    report_key=event.workbook_key,
                    exports=event.exports,
                )
            case BatchCompleted() | BatchFailed():
                await self._finish(session, event)

    async def _statement(
        self,
        session: AsyncSession,
        batch_id: UUID,
        statement_id: UUID,
        status: StatementStatus,
        warnings: Sequence[Notice] = (),
        **values: Any,
    ) -> None:
        row = await sql.statement_for_update(session, statement_id)
        if row is None:
            return
        # Facts (pages, counts, reasons) always land; only the status is guarded, because an
        # event from an earlier stage may arrive after a later stage's on another topic.
        facts = {k: v for k, v in values.items() if v is not None}
        if warnings:
            facts["warnings"] = _merged(row.warnings, warnings)
        if not advances(StatementStatus(row.status), status):
            if facts:
                await sql.update_statement(session, statement_id, **facts)
            return
        await sql.update_statement(session, statement_id, status=status.value, **facts)
        batch = await sql.batch_for_update(session, batch_id)
        if batch is None:
            return
        statuses = [StatementStatus(s) for s in await sql.statement_statuses(session, batch_id)]
        new = derive_batch_status(BatchStatus(batch.status), statuses)
        if new.value != batch.status:
            await sql.update_batch(session, batch_id, status=new.value)

    async def _finish(self, session: AsyncSession, event: BatchCompleted | BatchFailed) -> None:
        for outcome in event.statements:
            await self._statement(
                session,
                event.batch_id,
                outcome.statement_id,
                StatementStatus(outcome.status),
                error=outcome.error,
            )
        batch = await sql.batch_for_update(session, event.batch_id)
        if batch is None:
            return
        said = (
            BatchStatus(event.status) if isinstance(event, BatchCompleted) else BatchStatus.FAILED
        )
        # A batch already final (failed at its deadline, or every statement failed) keeps its
        # status; the first reason recorded stays, the reporter's fills one only where none is.
        status = settle(BatchStatus(batch.status), said)
        error = batch.error or (event.reason if isinstance(event, BatchFailed) else None)
        await sql.update_batch(session, event.batch_id, status=status.value, error=error)


def _ingest_facts(event: StatementIngested) -> dict[str, Any]:
    return {
        "pages": event.pages,
        "text_layer_pages": len(event.text_layer_pages),
        "duplicate_of": event.duplicate_of,
    }


def _merged(stored: list[dict[str, Any]], new: Sequence[Notice]) -> list[dict[str, Any]]:
    """``stored`` plus the notices of ``new`` it lacks: ingestion and extraction both report a
    repaired file, in either order, and it is shown once."""
    merged = list(stored)
    for notice in new:
        item = notice.model_dump(mode="json")
        if item not in merged:
            merged.append(item)
    return merged
