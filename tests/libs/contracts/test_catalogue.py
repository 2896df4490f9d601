"""The producer/consumer map is complete and consistent with topics and events."""

from __future__ import annotations

from pathlib import Path

import pytest

from cypheredge.contracts.catalogue import (
    SERVICES,
    consumers_of,
    events_on,
    producers_of,
    service,
    topic_of,
)
from cypheredge.contracts.events.billing import SubscriptionChanged
from cypheredge.contracts.events.stripe import StripeEventReceived
from cypheredge.contracts.registry import ALL_EVENTS
from cypheredge.contracts.topics import ALL_TOPICS, STRIPE_EVENTS, SUBSCRIPTIONS, USAGE

REPO = Path(__file__).resolve().parents[3]


def test_every_event_has_a_producer_and_a_registered_topic() -> None:
    for event in ALL_EVENTS:
        assert producers_of(event), event.type_name()
        assert topic_of(event).name == event.topic


def test_services_only_produce_known_events_and_consume_known_topics() -> None:
    for svc in SERVICES:
        assert set(svc.produces) <= set(ALL_EVENTS), svc.name
        assert set(svc.consumes) <= set(ALL_TOPICS), svc.name
        assert set(svc.produces_to()) == {topic_of(e) for e in svc.produces}


def test_every_topic_carries_events_and_every_consumed_topic_has_a_producer() -> None:
    for topic in ALL_TOPICS:
        assert events_on(topic), topic.name
        if consumers_of(topic):
            assert any(producers_of(e) for e in events_on(topic)), topic.name


def test_the_extractor_meters_usage_billing_bills_it_and_the_gateway_counts_it() -> None:
    usage_producers = {s.name for e in events_on(USAGE) for s in producers_of(e)}
    # Pages processed, by whichever extractor read them; the others meter nothing.
    assert usage_producers == {"extractor", "extractor-gpu"}
    assert {s.name for s in consumers_of(USAGE)} == {"billing", "gateway"}


def test_stripe_webhooks_go_from_the_gateway_to_billing_and_plans_back() -> None:
    assert [s.name for s in producers_of(StripeEventReceived)] == ["gateway"]
    assert [s.name for s in consumers_of(STRIPE_EVENTS)] == ["billing"]
    assert [s.name for s in producers_of(SubscriptionChanged)] == ["billing"]
    assert [s.name for s in consumers_of(SUBSCRIPTIONS)] == ["gateway"]


def test_catalogue_names_the_service_packages() -> None:
    packages = {p.name for p in (REPO / "services").iterdir() if (p / "pyproject.toml").is_file()}
    assert {s.schema for s in SERVICES} == packages
    # A deployment of another package's code says whose: the OCR extractor is the extractor,
    # the webhook sender the gateway.
    assert {s.name: s.package for s in SERVICES if s.package} == {
        "extractor-gpu": "extractor",
        "gateway-webhooks": "gateway",
    }


def test_service_identity() -> None:
    gateway = service("gateway")
    assert gateway.source == "/cypheredge/gateway"
    assert gateway.group_id == "cypheredge-gateway"
    with pytest.raises(LookupError):
        service("nope")


def test_the_webhook_sender_reads_the_outcomes_in_its_own_group_and_publishes_nothing() -> None:
    webhooks = service("gateway-webhooks")
    assert webhooks.group_id == "cypheredge-gateway-webhooks" != service("gateway").group_id
    assert webhooks.produces == ()
    assert {t.name for t in webhooks.consumes} == {
        "cypheredge.statements.ingestion",
        "cypheredge.statements.extraction",
        "cypheredge.batches.outcome",
    }
