"""Who produces and who consumes what: the one map of the event flow between services.

The AsyncAPI document, topic provisioning checks and the services' own wiring read this map;
nothing else restates it. A consumer reads a whole topic and ignores the event types it does
not handle (e.g. the extractor skips ``statement.rejected``).
"""

from __future__ import annotations

from dataclasses import dataclass

from cypheredge.contracts.base import Event
from cypheredge.contracts.events.batch import (
    BatchCompleted,
    BatchFailed,
    BatchRedriveRequested,
    BatchSubmitted,
)
from cypheredge.contracts.events.billing import SubscriptionChanged, UsageRecorded
from cypheredge.contracts.events.report import ReportReady
from cypheredge.contracts.events.statement import (
    StatementExtracted,
    StatementExtractionFailed,
    StatementIngested,
    StatementQueuedForOcr,
    StatementRejected,
)
from cypheredge.contracts.events.stripe import StripeEventReceived
from cypheredge.contracts.registry import ALL_EVENTS
from cypheredge.contracts.topics import (
    ALL_TOPICS,
    BATCH_OUTCOME,
    BATCH_REDRIVE,
    BATCH_SUBMITTED,
    STATEMENT_EXTRACTION,
    STATEMENT_INGESTION,
    STATEMENT_OCR,
    STRIPE_EVENTS,
    SUBSCRIPTIONS,
    USAGE,
    Topic,
)


@dataclass(frozen=True)
class Service:
    """A deployable service: the events it produces and the topics it consumes.

    ``package`` names the service package a deployment runs when that is not its own name
    (the OCR extractor is the extractor's code, deployed apart): it owns that package's
    schema and writes that package's outbox.
    """

    name: str
    produces: tuple[type[Event], ...] = ()
    consumes: tuple[Topic, ...] = ()
    package: str | None = None

    @property
    def schema(self) -> str:
        """The Postgres schema (and service package) whose tables this service writes."""
        return self.package or self.name

    @property
    def source(self) -> str:
        """The CloudEvents ``source`` of the envelopes this service produces."""
        return f"/cypheredge/{self.name}"

    @property
    def group_id(self) -> str:
        """The Kafka consumer group of this service (one group per service, all topics)."""
        return f"cypheredge-{self.name}"

    def produces_to(self) -> tuple[Topic, ...]:
        """The topics this service publishes to, in ``ALL_TOPICS`` order."""
        names = {event.topic for event in self.produces}
        return tuple(topic for topic in ALL_TOPICS if topic.name in names)


# Every service whose outbox holds a batch's events consumes the re-drive requests and
# re-publishes its own sent rows; the gateway re-queues its own rows as it asks.
# The gateway also projects usage and subscriptions (its quotas) and forwards the Stripe
# webhooks it verified to billing. It reads the OCR topic only for the hand-over itself, so a
# statement shows that it waits for OCR (the OCR extractor's outcome comes on extraction).
GATEWAY = Service(
    "gateway",
    produces=(BatchSubmitted, BatchRedriveRequested, StripeEventReceived),
    consumes=(
        STATEMENT_INGESTION,
        STATEMENT_OCR,
        STATEMENT_EXTRACTION,
        BATCH_OUTCOME,
        USAGE,
        SUBSCRIPTIONS,
    ),
)
# Customers' outbound webhooks: the gateway's code, deployed apart so that slow receivers
# never hold up the projection. It reads the outcome events in a group of its own, queues
# deliveries in the gateway's schema and sends them over HTTP; it publishes nothing.
GATEWAY_WEBHOOKS = Service(
    "gateway-webhooks",
    consumes=(STATEMENT_INGESTION, STATEMENT_EXTRACTION, BATCH_OUTCOME),
    package="gateway",
)
INGEST = Service(
    "ingest",
    produces=(StatementIngested, StatementRejected),
    consumes=(BATCH_SUBMITTED, BATCH_REDRIVE),
)
EXTRACTOR = Service(
    "extractor",
    produces=(StatementExtracted, StatementExtractionFailed, UsageRecorded, StatementQueuedForOcr),
    consumes=(STATEMENT_INGESTION, BATCH_REDRIVE),
)
# Reads the statements that need OCR, on GPU nodes where there are some (on CPU otherwise).
# Its events go through the extractor's outbox, so the extractor's re-drive covers them.
EXTRACTOR_GPU = Service(
    "extractor-gpu",
    produces=(StatementExtracted, StatementExtractionFailed, UsageRecorded),
    consumes=(STATEMENT_OCR,),
    package="extractor",
)
REPORTER = Service(
    "reporter",
    produces=(ReportReady, BatchCompleted, BatchFailed),
    consumes=(BATCH_SUBMITTED, STATEMENT_INGESTION, STATEMENT_EXTRACTION, BATCH_REDRIVE),
)
# Billing meters usage to Stripe and keeps each org's plan and subscription, which it
# publishes (from operators' plan changes and from Stripe's webhooks).
BILLING = Service("billing", produces=(SubscriptionChanged,), consumes=(USAGE, STRIPE_EVENTS))

SERVICES: tuple[Service, ...] = (
    GATEWAY,
    GATEWAY_WEBHOOKS,
    INGEST,
    EXTRACTOR,
    EXTRACTOR_GPU,
    REPORTER,
    BILLING,
)


def topic_of(event: type[Event]) -> Topic:
    """The registered topic an event type is published on."""
    for topic in ALL_TOPICS:
        if topic.name == event.topic:
            return topic
    raise LookupError(f"{event.type_name()} names unregistered topic {event.topic!r}")


def events_on(topic: Topic) -> tuple[type[Event], ...]:
    """The event types carried by a topic, in ``ALL_EVENTS`` order."""
    return tuple(event for event in ALL_EVENTS if event.topic == topic.name)


def producers_of(event: type[Event]) -> tuple[Service, ...]:
    """The services that may publish an event type."""
    return tuple(service for service in SERVICES if event in service.produces)


def consumers_of(topic: Topic) -> tuple[Service, ...]:
    """The services whose consumer group reads a topic."""
    return tuple(service for service in SERVICES if topic in service.consumes)


def service(name: str) -> Service:
    """The service called ``name``; raises LookupError for an unknown name."""
    for candidate in SERVICES:
        if candidate.name == name:
            return candidate
    raise LookupError(f"unknown service {name!r}")
