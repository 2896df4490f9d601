"""Billing's use cases wired on real PostgreSQL (billing's role) and a fake Stripe, for tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

from pydantic import SecretStr
from sqlalchemy import text
from stripefake import FakeStripe

from cypheredge.billing.infra.stripe_api import StripeApi, client_from
from cypheredge.billing.service.meter_sender import MeterSender
from cypheredge.billing.service.provisioning import StripeSync
from cypheredge.billing.service.subscriptions import Subscriptions
from cypheredge.billing.service.usage import UsageLedger
from cypheredge.billing.settings import StripeSettings
from cypheredge.contracts import Envelope
from cypheredge.contracts.events.billing import UsageRecorded
from cypheredge.kit.db import Database


def stripe_api_for(fake: FakeStripe) -> StripeApi:
    settings = StripeSettings(api_key=SecretStr(fake.api_key), api_base=fake.url)
    return StripeApi(client_from(settings))


@dataclass
class Billing:
    db: Database
    api: StripeApi
    fake: FakeStripe
    ledger: UsageLedger
    subscriptions: Subscriptions
    sync: StripeSync
    sender: MeterSender

    async def usage(
        self, org: UUID, pages: int, *, ocr_pages: int = 0, at: datetime | None = None
    ) -> Envelope:
        """Deliver one statement's page usage, as the extractor publishes it."""
        event = UsageRecorded(
            usage_id=uuid4(),
            metric="pages_processed",
            quantity=pages,
            ocr_pages=ocr_pages,
            batch_id=uuid4(),
            statement_id=uuid4(),
            occurred_at=at or datetime.now(UTC),
        )
        envelope = Envelope.wrap(event, org_id=org, source="/cypheredge/extractor")
        await self.ledger.handle(envelope, event)
        return envelope

    async def paying_org(self, tier: str = "pro") -> tuple[UUID, str]:
        """A new org on ``tier`` whose customer and subscription Stripe has; its customer."""
        org = uuid4()
        await self.subscriptions.change_plan(org, tier)
        assert await self.sync.sync(org)
        customer = self.customer_of(org)
        return org, customer

    def customer_of(self, org: UUID) -> str:
        found = [
            c["id"] for c in self.fake.customers.values() if c["metadata"]["org_id"] == str(org)
        ]
        assert len(found) == 1, found
        return str(found[0])

    async def rows(self, org: UUID, sql: str) -> list[Any]:
        async with self.db.tenant(org) as session:
            return list((await session.execute(text(sql))).mappings())

    async def published(self, org: UUID) -> list[dict[str, Any]]:
        """The org's subscription.changed events in billing's outbox, oldest first."""
        rows = await self.rows(
            org, f"SELECT payload FROM billing.outbox WHERE org_id = '{org}' ORDER BY seq"
        )
        return [row["payload"]["data"] for row in rows]
