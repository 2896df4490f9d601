"""The ``gateway-webhooks`` consumer: each platform event a customer may hear of becomes one
queued delivery per subscribed endpoint of its org, in the event's inbox transaction.

Nothing is sent here: the sender (``service.webhook_sender``) does that, so a slow receiver
never holds up a partition. The inbox row drops a redelivered event, and the delivery's
derived message id drops a re-driven one (a new envelope id, the same subject).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.contracts import Envelope, Event
from cypheredge.contracts.catalogue import GATEWAY_WEBHOOKS
from cypheredge.gateway.domain.webhook_events import Notification, notification
from cypheredge.gateway.domain.webhooks import message_id
from cypheredge.gateway.infra import webhooks as sql
from cypheredge.kit.db import Database
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.tracing import child_traceparent

CONSUMER = GATEWAY_WEBHOOKS.group_id


class WebhookFanout:
    def __init__(self, db: Database, inbox: Inbox) -> None:
        self._db = db
        self._inbox = inbox

    async def handle(self, envelope: Envelope, event: Event) -> None:
        told = notification(event)
        if told is None:
            return  # customers are not told of it: no inbox row needed either

        async def effect(session: AsyncSession) -> None:
            await queue(session, envelope.orgid, told, event_id=envelope.id, at=envelope.time)

        await self._inbox.apply_once(self._db, CONSUMER, envelope, effect)


async def queue(
    session: AsyncSession,
    org_id: UUID,
    told: Notification,
    *,
    event_id: UUID | None,
    at: datetime,
    endpoints: Sequence[UUID] | None = None,
) -> int:
    """One delivery per enabled endpoint of the org subscribed to the notification's type
    (or each of ``endpoints``); how many were new."""
    targets = (
        endpoints if endpoints is not None else await sql.subscribed_endpoints(session, told.type)
    )
    added = 0
    for endpoint_id in targets:
        added += await sql.add_delivery(
            session,
            id=message_id(endpoint_id, told.type, told.subject),
            org_id=org_id,
            endpoint_id=endpoint_id,
            event_type=told.type,
            event_id=event_id,
            payload=told.body(at),
            traceparent=child_traceparent(),  # the consumer's span: attempts continue its trace
        )
    return added
