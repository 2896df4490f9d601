"""Pages extracted become metered pages at Stripe exactly once: through redeliveries, Stripe's
errors, lost answers and a sender that dies between sending and recording."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest

from cetest.billing_service import Billing
from cypheredge.billing.service.meter_sender import LEASE, MeterSender
from cypheredge.billing.service.ports import StripeBilling
from cypheredge.billing.service.reconcile import reconcile
from cypheredge.contracts.events.billing import UsageRecorded
from cypheredge.contracts.plans import period_of

pytestmark = pytest.mark.integration

METER_EVENTS = "/v1/billing/meter_events"


async def test_a_batch_of_n_pages_is_n_metered_pages_and_a_redelivery_bills_nothing(
    billing: Billing,
) -> None:
    org, customer = await billing.paying_org()
    first = await billing.usage(org, 3)
    await billing.usage(org, 4)
    # The same delivery again, and the same usage in a new envelope (a re-drive publishes the
    # event again with a new id): neither is billed twice.
    usage = UsageRecorded.model_validate(first.data)
    await billing.ledger.handle(first, usage)
    await billing.ledger.handle(first.model_copy(update={"id": uuid4()}), usage)
    assert await billing.sender.send_due() == 2
    assert billing.fake.metered_total(customer) == 7
    assert await billing.sender.send_due() == 0, "nothing is sent twice"
    (line,) = [
        x
        for x in await reconcile(billing.db, billing.api, period_of(datetime.now(UTC)))
        if x.org_id == org
    ]
    assert (line.billable, line.sent, line.stripe, line.difference) == (7, 7, 7, 0)


async def test_stripe_answering_500_then_200_meters_the_pages_once(billing: Billing) -> None:
    org, customer = await billing.paying_org()
    await billing.usage(org, 5)
    billing.fake.fail_next("POST", METER_EVENTS, 500)
    now = datetime.now(UTC)
    assert await billing.sender.send_due(now) == 0
    (row,) = await billing.rows(org, "SELECT * FROM billing.meter_reports")
    assert (row["state"], row["attempts"]) == ("pending", 1)
    assert "500" in row["last_error"]
    assert row["next_attempt_at"] == now + timedelta(seconds=2), "backed off"
    assert await billing.sender.send_due(now + timedelta(seconds=1)) == 0, "not before its time"
    assert await billing.sender.send_due(now + timedelta(seconds=3)) == 1
    assert billing.fake.metered_total(customer) == 5
    posts = [r for r in billing.fake.requests if r.path == METER_EVENTS]
    assert [r.status for r in posts] == [500, 200]
    assert len({r.idempotency_key for r in posts}) == 1, "the retry is the same request"


async def test_a_429_is_retried_like_a_500(billing: Billing) -> None:
    org, customer = await billing.paying_org()
    await billing.usage(org, 2)
    billing.fake.fail_next("POST", METER_EVENTS, 429)
    now = datetime.now(UTC)
    assert await billing.sender.send_due(now) == 0
    assert await billing.sender.send_due(now + timedelta(seconds=3)) == 1
    assert billing.fake.metered_total(customer) == 2


async def test_an_answer_lost_after_stripe_recorded_the_event_bills_once(billing: Billing) -> None:
    org, customer = await billing.paying_org()
    await billing.usage(org, 6)
    billing.fake.lose_response_next("POST", METER_EVENTS)
    now = datetime.now(UTC)
    assert await billing.sender.send_due(now) == 0
    assert billing.fake.metered_total(customer) == 6, "Stripe has it; we do not know"
    assert await billing.sender.send_due(now + timedelta(seconds=3)) == 1
    assert billing.fake.metered_total(customer) == 6


class _DiesAfterSending:
    """The sender's process killed the moment Stripe has the event, before it is recorded."""

    def __init__(self, stripe: StripeBilling) -> None:
        self._stripe = stripe

    async def send_meter_event(
        self, identifier: UUID, customer_id: str, value: int, timestamp: datetime
    ) -> None:
        await self._stripe.send_meter_event(identifier, customer_id, value, timestamp)
        raise KeyboardInterrupt("killed")


async def test_a_sender_killed_between_sending_and_recording_bills_once(billing: Billing) -> None:
    org, customer = await billing.paying_org()
    await billing.usage(org, 9)
    dying = MeterSender(billing.db, _DiesAfterSending(billing.api))  # type: ignore[arg-type]
    now = datetime.now(UTC)
    with pytest.raises(KeyboardInterrupt):
        await dying.send_due(now)
    (row,) = await billing.rows(org, "SELECT state, attempts FROM billing.meter_reports")
    assert (row["state"], row["attempts"]) == ("pending", 1), "sent, never recorded"
    # The restarted process finds it once the dead one's lease is over, and Stripe knows it.
    restarted = MeterSender(billing.db, billing.api)
    assert await restarted.send_due(now + timedelta(seconds=5)) == 0, "still leased"
    assert await restarted.send_due(now + LEASE + timedelta(seconds=1)) == 1
    assert billing.fake.metered_total(customer) == 9
    assert len(billing.fake.meter_events) == 1


async def test_usage_older_than_stripes_window_is_a_problem_that_reconcile_shows(
    billing: Billing,
) -> None:
    org, customer = await billing.paying_org()
    old = datetime.now(UTC) - timedelta(days=36)
    await billing.usage(org, 4, at=old)
    assert await billing.sender.send_due() == 0
    (row,) = await billing.rows(org, "SELECT state, last_error FROM billing.meter_reports")
    assert row["state"] == "problem"
    assert "35-day window" in row["last_error"]
    assert billing.fake.metered_total(customer) == 0
    lines = await reconcile(billing.db, billing.api, period_of(old))
    (line,) = [x for x in lines if x.org_id == org]
    assert (line.billable, line.sent, line.stripe) == (4, 0, 0)
    assert len(line.problems) == 1


async def test_scanned_pages_count_by_the_plan_and_free_usage_goes_to_no_meter(
    billing: Billing,
) -> None:
    org, customer = await billing.paying_org("pro")
    await billing.usage(org, 5, ocr_pages=2)  # pro: a scanned page counts twice
    free = uuid4()
    await billing.usage(free, 3, ocr_pages=3)
    assert await billing.sender.send_due() == 1
    assert billing.fake.metered_total(customer) == 7
    (usage,) = await billing.rows(free, "SELECT plan, billable_pages FROM billing.usage_events")
    assert (usage["plan"], usage["billable_pages"]) == ("free", 6)
    assert await billing.rows(free, "SELECT * FROM billing.meter_reports") == []
