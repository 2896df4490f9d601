"""Use cases that keep batches from staying ``processing`` forever: re-drive and deadline.

The gateway owns batch status, so it is the one that notices a batch making no progress. A
re-drive re-queues the gateway's own sent outbox rows of the batch (``batch.submitted``) and
asks every other service, through ``batch.redrive_requested``, to do the same with theirs; all
in one transaction, so a re-drive is either recorded with its request or not at all. A batch
still open at its deadline fails with ``deadline_exceeded`` (see ``domain.statuses``).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.contracts.events.batch import BatchRedriveRequested, RedriveReason
from cypheredge.gateway.domain.statuses import (
    DEADLINE_EXCEEDED,
    FINAL_BATCH,
    BatchStatus,
    StatementStatus,
    unfinished,
)
from cypheredge.gateway.infra import batches as sql
from cypheredge.kit.db import Database
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.redrive import requeue

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SweepPolicy:
    redrive_after: timedelta
    deadline: timedelta


@dataclass
class SweepReport:
    redriven: list[UUID] = field(default_factory=list)
    expired: list[UUID] = field(default_factory=list)


class Recovery:
    def __init__(self, db: Database, outbox: Outbox, policy: SweepPolicy) -> None:
        self._db = db
        self._outbox = outbox
        self._policy = policy

    async def sweep(
        self, now: datetime | None = None, *, expire: bool = True, limit: int = 100
    ) -> SweepReport:
        """Re-drive idle open batches and, with ``expire``, fail those past their deadline.

        ``now`` (default: the database's clock) decides who is idle or late. Several sweepers
        may run at once: each batch is decided under its row lock, and a batch another sweeper
        re-drove meanwhile (``redriven_at`` moved) is left alone.
        """
        async with self._db.system() as session:
            candidates = await sql.batches_to_sweep(
                session,
                now=now,
                idle=self._policy.redrive_after,
                deadline=self._policy.deadline,
                limit=limit,
            )
        report = SweepReport()
        for found in candidates:
            if found.expired and not expire:
                continue
            async with self._db.tenant(found.org_id) as session:
                batch = await sql.batch_for_update(session, found.batch_id)
                if batch is None or BatchStatus(batch.status) in FINAL_BATCH:
                    continue
                if found.expired:
                    await _expire(session, found.batch_id)
                    report.expired.append(found.batch_id)
                elif batch.redriven_at == found.redriven_at:
                    await self._redrive(session, found.org_id, found.batch_id, "stalled")
                    report.redriven.append(found.batch_id)
        return report

    async def redrive(self, batch_id: UUID, reason: RedriveReason = "operator") -> bool:
        """Re-drive one batch whatever its state (a finished one too: consumers are
        idempotent, so nothing happens twice). False when there is no such batch."""
        async with self._db.system() as session:
            org_id = await sql.batch_org(session, batch_id)
        if org_id is None:
            return False
        async with self._db.tenant(org_id) as session:
            if await sql.batch_for_update(session, batch_id) is None:
                return False
            await self._redrive(session, org_id, batch_id, reason)
        return True

    async def run(self, stop: asyncio.Event, interval: float) -> None:
        """Sweep every ``interval`` seconds until ``stop``; a failed sweep is retried next time."""
        while not stop.is_set():
            try:
                report = await self.sweep()
                if report.redriven or report.expired:
                    log.warning(
                        "sweeper: re-drove %d stalled batch(es), failed %d past their deadline",
                        len(report.redriven),
                        len(report.expired),
                    )
            except Exception:
                log.exception("sweeper: sweep failed; retrying in %.0fs", interval)
            try:
                await asyncio.wait_for(stop.wait(), timeout=interval)
            except TimeoutError:
                continue

    async def _redrive(
        self, session: AsyncSession, org_id: UUID, batch_id: UUID, reason: RedriveReason
    ) -> None:
        await sql.mark_redriven(session, batch_id)
        requeued = await requeue(session, self._outbox.table, batch_id)
        await self._outbox.add(
            session, BatchRedriveRequested(batch_id=batch_id, reason=reason), org_id=org_id
        )
        log.info("re-drive of batch %s (%s): %d gateway event(s)", batch_id, reason, requeued)


async def _expire(session: AsyncSession, batch_id: UUID) -> None:
    for statement in await sql.batch_statements(session, batch_id):
        if unfinished(StatementStatus(statement.status)):
            await sql.update_statement(
                session,
                statement.id,
                status=StatementStatus.FAILED.value,
                error=statement.error or DEADLINE_EXCEEDED,
            )
    await sql.update_batch(
        session, batch_id, status=BatchStatus.FAILED.value, error=DEADLINE_EXCEEDED
    )
