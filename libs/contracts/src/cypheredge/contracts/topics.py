"""Every Kafka topic of the platform, with its partition count, in one registry.

Topics are provisioned explicitly (never auto-created); each has a dead-letter twin
``<name>.dlq`` with the same partition count.
"""

from __future__ import annotations

from dataclasses import dataclass

DLQ_SUFFIX = ".dlq"


@dataclass(frozen=True)
class Topic:
    name: str
    partitions: int
    description: str

    @property
    def dlq(self) -> str:
        return self.name + DLQ_SUFFIX


BATCH_SUBMITTED = Topic("cypheredge.batches.submitted", 6, "Batches accepted by the gateway")
STATEMENT_INGESTION = Topic(
    "cypheredge.statements.ingestion", 6, "Outcome of ingesting each statement"
)
STATEMENT_EXTRACTION = Topic(
    "cypheredge.statements.extraction", 6, "Outcome of extracting each statement"
)
# Statements with pages only OCR can read: a topic of their own, so text statements never
# wait behind scans and the OCR extractor (GPU nodes) scales on its own lag.
STATEMENT_OCR = Topic(
    "cypheredge.statements.ocr", 6, "Statements with pages that only OCR can read, queued for it"
)
BATCH_OUTCOME = Topic("cypheredge.batches.outcome", 3, "Reports ready and final batch outcomes")
USAGE = Topic("cypheredge.usage", 3, "Billable usage recorded by the pipeline")
SUBSCRIPTIONS = Topic("cypheredge.billing.subscriptions", 3, "Subscription lifecycle changes")
STRIPE_EVENTS = Topic(
    "cypheredge.billing.stripe-events", 3, "Stripe webhook events the gateway verified"
)
BATCH_REDRIVE = Topic(
    "cypheredge.batches.redrive",
    3,
    "Requests that every service re-publish the events it already sent for a stalled batch",
)

ALL_TOPICS: tuple[Topic, ...] = (
    BATCH_SUBMITTED,
    STATEMENT_INGESTION,
    STATEMENT_OCR,
    STATEMENT_EXTRACTION,
    BATCH_OUTCOME,
    USAGE,
    SUBSCRIPTIONS,
    STRIPE_EVENTS,
    BATCH_REDRIVE,
)


def topic_partitions() -> dict[str, int]:
    """Every topic and DLQ name with its partition count (what provisioning creates)."""
    out: dict[str, int] = {}
    for topic in ALL_TOPICS:
        out[topic.name] = topic.partitions
        out[topic.dlq] = topic.partitions
    return out
