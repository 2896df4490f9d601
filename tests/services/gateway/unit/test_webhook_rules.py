"""Webhook rules without I/O: which addresses may be called, the retry schedule, message ids,
and what a payload carries (ids and counts, never transactions)."""

from __future__ import annotations

import ipaddress
import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from uuid import uuid4

import pytest

from cypheredge.contracts.catalogue import GATEWAY_WEBHOOKS
from cypheredge.contracts.events.statement import (
    PageMethod,
    StatementExtracted,
    StatementQueuedForOcr,
)
from cypheredge.contracts.examples import examples_of
from cypheredge.contracts.topics import STATEMENT_OCR
from cypheredge.gateway.domain.ssrf import UnsafeUrl, UrlPolicy, parse_target, refusal
from cypheredge.gateway.domain.webhook_events import notification
from cypheredge.gateway.domain.webhooks import (
    RetryPolicy,
    message_id,
    new_secret,
    should_disable,
)

STRICT = UrlPolicy()


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.1", "private"),
        ("172.16.5.4", "private"),
        ("fd00::1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.251", "multicast"),
        ("0.0.0.0", "unspecified"),  # noqa: S104 (an address to refuse, not to bind)
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-public"),
        ("::ffff:127.0.0.1", "loopback"),
    ],
)
def test_non_public_addresses_are_refused_by_default(address: str, kind: str) -> None:
    why = refusal(ipaddress.ip_address(address), STRICT)
    assert why is not None
    assert f"a {kind} address" in why


def test_public_addresses_pass_and_settings_open_what_they_name() -> None:
    assert refusal(ipaddress.ip_address("93.184.216.34"), STRICT) is None
    loopback = UrlPolicy(allow_loopback=True)
    assert refusal(ipaddress.ip_address("127.0.0.1"), loopback) is None
    assert refusal(ipaddress.ip_address("10.0.0.1"), loopback) is not None
    assert refusal(ipaddress.ip_address("169.254.169.254"), loopback) is not None
    assert refusal(ipaddress.ip_address("10.0.0.1"), UrlPolicy(allow_private=True)) is None


def test_url_shapes() -> None:
    assert parse_target("https://hooks.example.com/x", STRICT).port == 443
    assert parse_target("http://h:8080/", UrlPolicy(allow_http=True)).port == 8080
    for bad in ("http://example.com/", "https://u:p@example.com/", "https:///x", "https://h/#f"):
        with pytest.raises(UnsafeUrl):
            parse_target(bad, STRICT)


def test_backoff_follows_the_schedule_and_stops_at_the_window() -> None:
    created = datetime(2026, 1, 1, tzinfo=UTC)
    policy = RetryPolicy(
        schedule=(timedelta(seconds=5), timedelta(minutes=5), timedelta(hours=10)),
        window=timedelta(hours=24),
    )
    assert policy.next_attempt(1, created, created) == created + timedelta(seconds=5)
    assert policy.next_attempt(2, created, created) == created + timedelta(minutes=5)
    late = created + timedelta(hours=13)
    assert policy.next_attempt(7, created, late) == late + timedelta(hours=10)  # the last repeats
    assert policy.next_attempt(8, created, created + timedelta(hours=15)) is None
    fast = RetryPolicy(policy.schedule, policy.window, scale=0.001)
    assert fast.next_attempt(1, created, created) == created + timedelta(milliseconds=5)


def test_disabling_and_ids() -> None:
    now = datetime.now(UTC)
    assert not should_disable(None, now, timedelta(days=5))
    assert not should_disable(now - timedelta(days=4), now, timedelta(days=5))
    assert should_disable(now - timedelta(days=5), now, timedelta(days=5))
    endpoint, subject = uuid4(), uuid4()
    assert message_id(endpoint, "batch.completed", subject) == message_id(
        endpoint, "batch.completed", subject
    )
    assert message_id(uuid4(), "batch.completed", subject) != message_id(
        endpoint, "batch.completed", subject
    )
    assert new_secret().startswith("whsec_")
    assert new_secret() != new_secret()


def test_an_extracted_statement_says_counts_not_transactions_or_balances() -> None:
    event = StatementExtracted(
        batch_id=uuid4(),
        statement_id=uuid4(),
        artefact_key="org/batch/secret-key.json",
        artefact_sha256="0" * 64,
        transactions=42,
        reconciled=True,
        pages=(PageMethod(number=1, method="geometry", rows=42, confidence=0.99),),
        currency="GBP",
        opening_balance=Decimal("1234.56"),
        closing_balance=Decimal("999.01"),
    )
    told = notification(event)
    assert told is not None
    assert told.type == "statement.extracted"
    assert told.subject == event.statement_id
    assert told.data["counts"] == {"transactions": 42, "accounts": 1, "pages": 1}
    text = json.dumps(told.data)
    for secret in ("1234.56", "999.01", "secret-key", "artefact"):
        assert secret not in text


def test_a_hand_over_to_ocr_tells_no_webhook() -> None:
    # The projection shows queued_for_ocr; customers' webhooks stay the outcomes they were.
    assert STATEMENT_OCR not in GATEWAY_WEBHOOKS.consumes
    assert notification(examples_of(StatementQueuedForOcr)[0]) is None
