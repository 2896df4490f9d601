"""Rules of outbound webhooks: event types, signing secrets, message ids, the retry schedule.

Deliveries follow the Standard Webhooks specification: each message has an id (the
``webhook-id`` header) that stays the same across retries, so receivers can drop duplicates;
the id is derived from the endpoint and the event's subject, so an event the consumer sees
twice (a Kafka redelivery, a re-drive) maps onto the same row and is sent once.
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal, get_args
from uuid import UUID, uuid5

EventType = Literal[
    "batch.completed",
    "batch.partially_failed",
    "batch.failed",
    "statement.rejected",
    "statement.extracted",
    "report.ready",
]
EVENT_TYPES: tuple[EventType, ...] = get_args(EventType)
# Sent only by POST /v1/webhook_endpoints/{id}/test, whatever the endpoint subscribes to.
TEST_EVENT = "webhook.test"

SECRET_PREFIX = "whsec_"  # noqa: S105 (the format's prefix, not a secret)
SECRET_BYTES = 24  # the specification asks for 24 to 64 random bytes
_NAMESPACE = UUID("6c1e0a52-4d8e-4c55-9f0c-2f7f1c9d4a11")

DeliveryState = Literal["pending", "delivered", "failed"]


def new_secret() -> str:
    """A signing secret in the form Standard Webhooks libraries read (``whsec_<base64>``)."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def message_id(endpoint_id: UUID, event_type: str, subject: UUID) -> UUID:
    """The delivery's id: one per endpoint, event type and aggregate, whatever redelivers it."""
    return uuid5(_NAMESPACE, f"{endpoint_id}:{event_type}:{subject}")


@dataclass(frozen=True)
class RetryPolicy:
    """When to try again after a failed attempt, and when to stop.

    ``schedule`` holds the waits after the 1st, 2nd, ... failed attempt (the last repeats),
    multiplied by ``scale`` (tests shrink it); a delivery whose next attempt would fall after
    ``window`` from its creation has failed for good.
    """

    schedule: tuple[timedelta, ...]
    window: timedelta
    scale: float = 1.0

    def next_attempt(self, attempts: int, created_at: datetime, now: datetime) -> datetime | None:
        """After ``attempts`` failed attempts: when to try again, or None (give up)."""
        if not self.schedule:
            return None
        wait = self.schedule[min(attempts, len(self.schedule)) - 1] * self.scale
        at = now + wait
        return at if at <= created_at + self.window * self.scale else None


def should_disable(failing_since: datetime | None, now: datetime, after: timedelta) -> bool:
    """An endpoint that has failed every attempt for ``after`` is disabled."""
    return failing_since is not None and now - failing_since >= after


def success(status_code: int) -> bool:
    """Only a 2xx is a delivery; a redirect is not followed and counts as a failure."""
    return 200 <= status_code < 300
