"""Use case: record metered usage and queue what Stripe must be told of it.

The usage row, its meter report and the inbox row are one transaction: a redelivered usage
event finds its inbox row (or its usage row) and queues nothing twice.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.billing.domain.subscription import new_subscription
from cypheredge.billing.infra import repository as repo
from cypheredge.contracts import Envelope
from cypheredge.contracts.catalogue import BILLING
from cypheredge.contracts.events.billing import UsageRecorded
from cypheredge.contracts.plans import plan
from cypheredge.kit.db import Database
from cypheredge.kit.inbox import Inbox

CONSUMER = BILLING.group_id
METERED = "pages_processed"


class UsageLedger:
    def __init__(self, db: Database, inbox: Inbox) -> None:
        self._db = db
        self._inbox = inbox

    async def handle(self, envelope: Envelope, event: UsageRecorded) -> None:
        await self._inbox.apply_once(
            self._db, CONSUMER, envelope, lambda s: _record(s, envelope, event)
        )


async def _record(session: AsyncSession, envelope: Envelope, event: UsageRecorded) -> None:
    org = envelope.orgid
    sub = await repo.subscription_for_update(session, org)
    if sub is None:
        # First usage of an org: it gets its row (and so, with Stripe on, its customer).
        sub = new_subscription(org, event.occurred_at)
        await repo.save_subscription(session, sub)
    terms = plan(sub.plan)
    billable = (
        terms.billable_pages(event.quantity, event.ocr_pages) if event.metric == METERED else None
    )
    usage = repo.Usage(
        usage_id=event.usage_id,
        org_id=org,
        metric=event.metric,
        quantity=event.quantity,
        ocr_pages=event.ocr_pages,
        batch_id=event.batch_id,
        statement_id=event.statement_id,
        occurred_at=event.occurred_at,
        plan=terms.tier,
        billable_pages=billable,
    )
    if await repo.insert_usage(session, usage) and billable and terms.paid:
        await repo.queue_meter_report(session, event.usage_id, org, billable, event.occurred_at)
