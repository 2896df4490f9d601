"""Use case: once every statement of a batch has an outcome, build the batch report once.

Building happens outside any transaction (reading artefacts, rendering, storing); the outcome
is then recorded with a guard (``finished_at IS NULL``) in the same transaction as the
``report.ready`` and ``batch.completed`` events, so concurrent or repeated triggers publish one
report. Artefact keys are deterministic, so a rebuild after a crash overwrites, never piles up.

Every extraction artefact is checked against the SHA-256 its ``statement.extracted`` carried and
validated against the contract. One that fails is never reported as if it were fine, and never
retried (it would fail the same way and hold the batch up forever): that statement fails with
the reason, which reaches the customer through ``batch.completed``, and the rest of the batch is
reported. The artefact stays in storage for whoever investigates.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any, Literal
from uuid import UUID, uuid5

from sqlalchemy.engine import Row

from cypheredge.contracts.events.batch import BatchCompleted, BatchFailed, StatementOutcome
from cypheredge.contracts.events.report import ReportReady, ReportSummary
from cypheredge.kit.db import Database
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.storage import ObjectStorage
from cypheredge.kit.telemetry import span
from cypheredge.reporter.domain.categories import parse_rules
from cypheredge.reporter.domain.model import BatchReport, ReportParams, StatementDoc
from cypheredge.reporter.domain.report import build_report
from cypheredge.reporter.infra import repository as repo
from cypheredge.reporter.service.artefacts import render
from cypheredge.reporter.service.extraction import InvalidArtefact, read_artefact, statement_doc
from cypheredge.reporter.service.metrics import REPORT_BUILD_SECONDS

log = logging.getLogger(__name__)
NOTHING_PROCESSED = "no statement of the batch could be processed"


class ReportBuilder:
    def __init__(self, *, db: Database, storage: ObjectStorage, outbox: Outbox) -> None:
        self._db = db
        self._storage = storage
        self._outbox = outbox

    async def maybe_build(self, org_id: UUID, batch_id: UUID) -> None:
        async with self._db.tenant(org_id) as session:
            batch = await repo.batch(session, batch_id)
            if batch is None or batch.finished_at is not None:
                return
            outcomes = await repo.outcomes(session, batch_id)
            if len(outcomes) < batch.statements or any(o.status == "pending" for o in outcomes):
                return
            rules = parse_rules(await repo.org_rules(session))
        started = time.perf_counter()
        docs = [await self._statement(o) for o in outcomes]
        reported = tuple(_outcome(d) for d in docs)
        if not any(d.status == "extracted" for d in docs):
            await self._fail(org_id, batch_id, reported)
            return
        params = ReportParams.from_json(batch.params or {})
        with span("build report", {"batch.id": str(batch_id), "batch.statements": len(docs)}):
            report = await asyncio.to_thread(build_report, str(batch_id), docs, params, rules)
            rendered = await asyncio.to_thread(render, org_id, batch_id, report)
            for artefact in rendered.all():
                await self._storage.put(artefact.key, artefact.data, artefact.media_type)
        status = "completed" if all(d.status == "extracted" for d in docs) else "partially_failed"
        REPORT_BUILD_SECONDS.labels(status=status).observe(time.perf_counter() - started)
        report_id = uuid5(batch_id, "report")
        ready = ReportReady(
            batch_id=batch_id,
            report_id=report_id,
            workbook_key=rendered.workbook.key,
            workbook_sha256=rendered.workbook.sha256,
            exports={name: artefact.key for name, artefact in rendered.exports.items()},
            summary=_summary(report),
        )
        async with self._db.tenant(org_id) as session:
            if await repo.finish(session, batch_id, status, report_id):
                await self._outbox.add(session, ready, org_id=org_id)
                completed = BatchCompleted(batch_id=batch_id, status=status, statements=reported)
                await self._outbox.add(session, completed, org_id=org_id)

    async def _statement(self, outcome: Row[Any]) -> StatementDoc:
        statement_id = str(outcome.statement_id)
        if outcome.status != "extracted":
            return StatementDoc(
                statement_id=statement_id,
                filename=outcome.filename,
                status=outcome.status,
                error=outcome.error,
                sha256=outcome.sha256,
            )
        data = await self._storage.get(outcome.artefact_key)
        try:
            document = read_artefact(data, outcome.artefact_sha256)
        except InvalidArtefact as exc:
            log.error("statement %s not reported: %s", statement_id, exc)
            return StatementDoc(
                statement_id=statement_id,
                filename=outcome.filename,
                status="failed",
                error=f"{exc}; the statement was not reported",
                sha256=outcome.sha256,
            )
        return statement_doc(statement_id, outcome.filename, document, outcome.sha256)

    async def _fail(
        self, org_id: UUID, batch_id: UUID, reported: tuple[StatementOutcome, ...]
    ) -> None:
        failed = BatchFailed(batch_id=batch_id, reason=NOTHING_PROCESSED, statements=reported)
        async with self._db.tenant(org_id) as session:
            if await repo.finish(session, batch_id, "failed", None):
                await self._outbox.add(session, failed, org_id=org_id)


def _outcome(doc: StatementDoc) -> StatementOutcome:
    status: Literal["reported", "rejected", "failed"] = "failed"
    if doc.status in ("extracted", "rejected"):
        status = "reported" if doc.status == "extracted" else "rejected"
    return StatementOutcome(statement_id=UUID(doc.statement_id), status=status, error=doc.error)


def _summary(report: BatchReport) -> ReportSummary:
    extracted = [s for s in report.statements if s.status == "extracted"]
    broken = {b.statement_id for b in report.breaks}
    return ReportSummary(
        statements=len(report.statements),
        statements_reported=len(extracted),
        transactions=len(report.transactions),
        reconciled_statements=sum(1 for s in extracted if s.statement_id not in broken),
        flagged_rows=sum(1 for t in report.transactions if t.flags),
    )
