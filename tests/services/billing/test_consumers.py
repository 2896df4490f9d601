"""Billing's subscriber hands each usage event to the ledger and each Stripe event to the
subscriptions, typed (in memory and on the broker)."""

from __future__ import annotations

from typing import cast
from uuid import uuid4

from faststream.kafka import KafkaRouter

from cetest.streams import Recorder, eventually, started
from cypheredge.billing.consumers import router
from cypheredge.billing.service.subscriptions import Subscriptions
from cypheredge.billing.service.usage import UsageLedger
from cypheredge.contracts import Envelope
from cypheredge.contracts.catalogue import BILLING
from cypheredge.contracts.events.billing import UsageRecorded
from cypheredge.contracts.events.stripe import StripeEventReceived
from cypheredge.contracts.examples import examples_of
from cypheredge.contracts.topics import STRIPE_EVENTS, USAGE


class _Subscriptions(Recorder):
    async def stripe_event(self, envelope: Envelope, event: StripeEventReceived) -> None:
        await self.handle(envelope, event)


async def test_usage_and_stripe_events_reach_their_use_cases_as_models(
    stream_bootstrap: str,
) -> None:
    ledger, subscriptions = Recorder(), _Subscriptions()

    def build(group_id: str) -> KafkaRouter:
        return router(cast(UsageLedger, ledger), cast(Subscriptions, subscriptions), group_id)

    usage = examples_of(UsageRecorded)[0]
    stripe_event = examples_of(StripeEventReceived)[0]
    org = uuid4()
    usage_envelope = Envelope.wrap(usage, org_id=org, source="/tests")
    stripe_envelope = Envelope.wrap(stripe_event, org_id=org, source="/tests")
    async with started(BILLING, build, stream_bootstrap) as running:
        await running.deliver(usage_envelope, USAGE.name)
        await running.deliver(stripe_envelope, STRIPE_EVENTS.name)
        await eventually(lambda: bool(ledger.calls) and bool(subscriptions.calls))
    assert ledger.calls == [(usage_envelope, usage)]
    assert subscriptions.calls == [(stripe_envelope, stripe_event)]
