"""Billing's subscriber hands each usage event, typed, to the ledger (in memory and on the
broker)."""

from __future__ import annotations

from typing import cast
from uuid import uuid4

from faststream.kafka import KafkaRouter

from cetest.streams import Recorder, eventually, started
from cypheredge.billing.consumers import router
from cypheredge.billing.service.usage import UsageLedger
from cypheredge.contracts import Envelope
from cypheredge.contracts.catalogue import BILLING
from cypheredge.contracts.events.billing import UsageRecorded
from cypheredge.contracts.examples import examples_of
from cypheredge.contracts.topics import USAGE


async def test_a_usage_event_reaches_the_ledger_as_its_model(stream_bootstrap: str) -> None:
    ledger = Recorder()

    def build(group_id: str) -> KafkaRouter:
        return router(cast(UsageLedger, ledger), group_id)

    usage = examples_of(UsageRecorded)[0]
    envelope = Envelope.wrap(usage, org_id=uuid4(), source="/tests")
    async with started(BILLING, build, stream_bootstrap) as running:
        await running.deliver(envelope, USAGE.name)
        await eventually(lambda: bool(ledger.calls))
    assert ledger.calls == [(envelope, usage)]
