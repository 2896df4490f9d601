"""Use case: record metered usage (reporting it to Stripe's meters is the billing issue)."""

from __future__ import annotations

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.billing.infra.models import usage_events
from cypheredge.contracts import Envelope
from cypheredge.contracts.catalogue import BILLING
from cypheredge.contracts.events.billing import UsageRecorded
from cypheredge.kit.db import Database
from cypheredge.kit.inbox import Inbox

CONSUMER = BILLING.group_id


class UsageLedger:
    def __init__(self, db: Database, inbox: Inbox) -> None:
        self._db = db
        self._inbox = inbox

    async def handle(self, envelope: Envelope, event: UsageRecorded) -> None:
        await self._inbox.apply_once(
            self._db, CONSUMER, envelope, lambda s: _record(s, envelope, event)
        )


async def _record(session: AsyncSession, envelope: Envelope, event: UsageRecorded) -> None:
    await session.execute(
        insert(usage_events)
        .values(
            id=event.usage_id,
            org_id=envelope.orgid,
            metric=event.metric,
            quantity=event.quantity,
            batch_id=event.batch_id,
            occurred_at=event.occurred_at,
        )
        .on_conflict_do_nothing()
    )
