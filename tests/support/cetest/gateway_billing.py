"""Billing's events as the gateway's projector receives them, for tests that set an org's plan,
status and usage without billing or the extractor running."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID, uuid4

from cetest.tenants import Tenant
from cypheredge.contracts import Envelope, Event
from cypheredge.contracts.catalogue import BILLING, EXTRACTOR
from cypheredge.contracts.events.billing import (
    SubscriptionChanged,
    SubscriptionStatus,
    UsageRecorded,
)
from cypheredge.gateway.infra.models import inbox
from cypheredge.gateway.service.accounts import create_org
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.service.projection import Projector
from cypheredge.kit.inbox import Inbox


async def new_org(container: Container, name: str = "Billing org") -> Tenant:
    created = await create_org(container.db, name)
    return Tenant(str(created.org_id), created.api_key)


async def project(container: Container, org: Tenant, event: Event, source: str) -> Envelope:
    """Hands ``event`` to the projector as a delivery would; returns the envelope (redeliver
    it to test idempotency)."""
    envelope = Envelope.wrap(event, org_id=UUID(org.org_id), source=source)
    await redeliver(container, envelope, event)
    return envelope


async def redeliver(container: Container, envelope: Envelope, event: Event) -> None:
    await Projector(container.db, Inbox(inbox)).handle(envelope, event)


def subscription(
    plan: str | None = "starter",
    status: SubscriptionStatus = "active",
    *,
    revision: int = 1,
    since: datetime | None = None,
    customer: str = "",
    subscription_id: UUID | None = None,
) -> SubscriptionChanged:
    return SubscriptionChanged(
        subscription_id=subscription_id or uuid4(),
        external_customer_id=customer,
        external_subscription_id=f"sub_{customer}" if customer else "",
        status=status,
        plan=plan,
        status_since=since or datetime.now(UTC),
        revision=revision,
    )


def pages(
    quantity: int, ocr_pages: int = 0, *, at: datetime | None = None, batch: UUID | None = None
) -> UsageRecorded:
    return UsageRecorded(
        usage_id=uuid4(),
        metric="pages_processed",
        quantity=quantity,
        ocr_pages=ocr_pages,
        batch_id=batch or uuid4(),
        statement_id=uuid4(),
        occurred_at=at or datetime.now(UTC),
    )


def statements(count: int = 1, *, at: datetime | None = None) -> UsageRecorded:
    return UsageRecorded(
        usage_id=uuid4(),
        metric="statements_processed",
        quantity=count,
        batch_id=uuid4(),
        occurred_at=at or datetime.now(UTC),
    )


async def set_plan(container: Container, org: Tenant, event: SubscriptionChanged) -> None:
    await project(container, org, event, BILLING.source)


async def use(container: Container, org: Tenant, *events: UsageRecorded) -> None:
    for event in events:
        await project(container, org, event, EXTRACTOR.source)
