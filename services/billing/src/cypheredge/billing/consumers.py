"""The billing service's subscribers: each takes one event type and hands it to its use case."""

from __future__ import annotations

from faststream.kafka import KafkaRouter

from cypheredge.billing.service.subscriptions import Subscriptions
from cypheredge.billing.service.usage import UsageLedger
from cypheredge.contracts.catalogue import BILLING
from cypheredge.contracts.events.billing import UsageRecorded
from cypheredge.contracts.events.stripe import StripeEventReceived
from cypheredge.kit.stream import CurrentEnvelope, ignore_others, of_type, subscriber


def router(
    ledger: UsageLedger, subscriptions: Subscriptions, group_id: str = BILLING.group_id
) -> KafkaRouter:
    """One subscriber over every topic billing consumes, in its one group (``group_id``)."""
    router = KafkaRouter()
    sub = subscriber(router, *BILLING.consumes, group_id=group_id)

    @sub(filter=of_type(UsageRecorded))
    async def usage_recorded(event: UsageRecorded, envelope: CurrentEnvelope) -> None:
        await ledger.handle(envelope, event)

    @sub(filter=of_type(StripeEventReceived))
    async def stripe_event(event: StripeEventReceived, envelope: CurrentEnvelope) -> None:
        await subscriptions.stripe_event(envelope, event)

    ignore_others(sub)
    return router
