"""Gateway batches as the long-poll tests make and finish them, without the pipeline.

A batch recorded here has no outbox row, so no relay or consumer running in the same test
session can move it: only the test does, through the projector.
"""

from __future__ import annotations

from uuid import UUID, uuid4

from cetest.tenants import Tenant
from cypheredge.contracts import Envelope
from cypheredge.contracts.catalogue import REPORTER
from cypheredge.contracts.events.batch import BatchCompleted, StatementOutcome
from cypheredge.gateway.infra import batches as batch_sql
from cypheredge.gateway.infra.models import inbox
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.service.projection import Projector
from cypheredge.kit.inbox import Inbox

# A wait (and fallback poll) no test may sit out: a missed wake-up hangs instead of passing.
HOUR = 3600


async def new_batch(container: Container, org: Tenant) -> tuple[UUID, UUID]:
    """A queued batch of one uploaded statement: (batch id, statement id)."""
    batch_id, statement_id = uuid4(), uuid4()
    statement = batch_sql.NewStatement(
        id=statement_id,
        position=0,
        filename="a.pdf",
        size_bytes=1,
        sha256="0" * 64,
        storage_key=f"{org.org_id}/{batch_id}/a.pdf",
        password_protected=False,
    )
    async with container.db.tenant(UUID(org.org_id)) as session:
        await batch_sql.insert_batch(
            session, batch_id=batch_id, org_id=UUID(org.org_id), params={}, items=[statement]
        )
    return batch_id, statement_id


async def complete(container: Container, org: Tenant, batch_id: UUID, statement: UUID) -> None:
    """What the projector does with the reporter's batch.completed."""
    event = BatchCompleted(
        batch_id=batch_id,
        status="completed",
        statements=(StatementOutcome(statement_id=statement, status="reported"),),
    )
    envelope = Envelope.wrap(event, org_id=UUID(org.org_id), source=REPORTER.source)
    await Projector(container.db, Inbox(inbox)).handle(envelope, event)
