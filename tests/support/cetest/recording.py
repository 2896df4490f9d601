"""A recording outbox: what a use case would publish, kept for the test to read.

The use cases under test run on the real database (their rows, their inbox) and real storage;
only the outbox is a fake, so that a session's running relays never publish the test's events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from cypheredge.contracts import Envelope, Event


@dataclass
class RecordingOutbox:
    events: list[Event] = field(default_factory=list)

    async def add(self, session: Any, event: Event, *, org_id: UUID) -> Envelope:
        self.events.append(event)
        return Envelope.wrap(event, org_id=org_id, source="/tests")
