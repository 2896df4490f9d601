"""Billing on real PostgreSQL (as its own role, under RLS) against the local fake Stripe."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from stripefake import FakeStripe

from cetest.billing_service import Billing, stripe_api_for
from cypheredge.billing.bootstrap import database, subscriptions
from cypheredge.billing.infra.models import inbox, outbox
from cypheredge.billing.infra.stripe_catalog import set_up
from cypheredge.billing.service.meter_sender import MeterSender
from cypheredge.billing.service.provisioning import StripeSync
from cypheredge.billing.service.usage import UsageLedger
from cypheredge.contracts.catalogue import BILLING
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.settings import InfraSettings


@pytest.fixture
def fake_stripe() -> Iterator[FakeStripe]:
    with FakeStripe() as fake:
        yield fake


@pytest.fixture
async def billing(infra: InfraSettings, fake_stripe: FakeStripe) -> AsyncIterator[Billing]:
    db = database(infra)
    api = stripe_api_for(fake_stripe)
    await set_up(api)
    out = Outbox(outbox, BILLING.source)
    yield Billing(
        db=db,
        api=api,
        fake=fake_stripe,
        ledger=UsageLedger(db, Inbox(inbox)),
        subscriptions=subscriptions(db),
        sync=StripeSync(db, api, out),
        sender=MeterSender(db, api),
    )
    await db.dispose()
