"""Send the queued meter reports to Stripe: each usage event once, in Stripe's time window.

A report is leased (its next attempt pushed out) and its attempt counted in one committed
transaction before Stripe is called, then marked sent in another. A process that dies between
the two leaves it pending with an attempt on record: the next attempt repeats the same
``identifier`` and ``Idempotency-Key``, which Stripe recognises for a day, and after that the
report becomes a problem (``domain.metering``) rather than a second charge.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from uuid import UUID

from prometheus_client import Counter
from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.billing.domain.metering import refusal, retry_delay
from cypheredge.billing.infra import repository as repo
from cypheredge.billing.service.ports import StripeBilling, StripeRefused, StripeUnavailable
from cypheredge.kit.db import Database

log = logging.getLogger(__name__)

# Long enough for one Stripe call, so that another replica does not pick the report up while
# it is in flight; a report whose sender died is picked up again after it.
LEASE = timedelta(seconds=60)
WAIT_FOR_CUSTOMER = timedelta(seconds=30)

METER_REPORTS = Counter(
    "cypheredge_billing_meter_reports_total",
    "Meter reports by outcome: sent, retried (Stripe unavailable), problem (needs an operator)",
    ["outcome"],
)


class MeterSender:
    def __init__(self, db: Database, stripe: StripeBilling, batch: int = 100) -> None:
        self._db = db
        self._stripe = stripe
        self._batch = batch

    async def send_due(self, now: datetime | None = None) -> int:
        """Send every report due by ``now``; the number Stripe accepted."""
        now = now or datetime.now(UTC)
        async with self._db.system() as session:
            due = await repo.due_reports(session, now, self._batch)
        sent = 0
        for usage_id, org_id in due:
            sent += await self._send(usage_id, org_id, now)
        return sent

    async def _send(self, usage_id: UUID, org_id: UUID, now: datetime) -> bool:
        async with self._db.tenant(org_id) as session:
            report = await repo.pending_report(session, usage_id)
            if report is None:
                return False
            sub = await repo.subscription_for_update(session, org_id)
            customer = sub.customer_id if sub else None
            if customer is None:
                # The org's customer is being made (or was deleted): report once it exists.
                await repo.update_report(session, usage_id, next_attempt_at=now + WAIT_FOR_CUSTOMER)
                return False
            if reason := refusal(report.occurred_at, report.first_attempt_at, now):
                await self._problem(session, usage_id, reason)
                return False
            await repo.update_report(
                session,
                usage_id,
                attempts=report.attempts + 1,
                first_attempt_at=report.first_attempt_at or now,
                stripe_customer_id=customer,
                next_attempt_at=now + LEASE,
            )
        try:
            await self._stripe.send_meter_event(
                usage_id, customer, report.value, report.occurred_at
            )
        except StripeUnavailable as exc:
            METER_REPORTS.labels("retried").inc()
            delay = retry_delay(report.attempts + 1)
            log.warning(
                "meter report %s: Stripe unavailable (%s), again in %s", usage_id, exc, delay
            )
            async with self._db.tenant(org_id) as session:
                await repo.update_report(
                    session, usage_id, next_attempt_at=now + delay, last_error=str(exc)[:2000]
                )
            return False
        except StripeRefused as exc:
            async with self._db.tenant(org_id) as session:
                await self._problem(session, usage_id, f"Stripe refused it: {exc}")
            return False
        async with self._db.tenant(org_id) as session:
            await repo.update_report(
                session, usage_id, state="sent", sent_at=datetime.now(UTC), last_error=None
            )
        METER_REPORTS.labels("sent").inc()
        return True

    async def _problem(self, session: AsyncSession, usage_id: UUID, reason: str) -> None:
        METER_REPORTS.labels("problem").inc()
        log.error("meter report %s not sent: %s", usage_id, reason)
        await repo.update_report(session, usage_id, state="problem", last_error=reason[:2000])
