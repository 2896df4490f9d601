"""Long-poll on a batch: answer when it changes or when the client's wait runs out."""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import UUID

from cypheredge.gateway.domain.statuses import FINAL_BATCH, BatchStatus
from cypheredge.gateway.infra.batch_changes import BatchChanges
from cypheredge.gateway.service.queries import get_batch
from cypheredge.kit.db import Database


async def watch_batch(
    db: Database, changes: BatchChanges, org_id: UUID, batch_id: UUID, wait: float
) -> dict[str, Any] | None:
    """The batch as ``get_batch`` shows it, once it differs from the first read or after
    ``wait`` seconds; at once when it is final (a final batch's status never moves). None:
    no such batch for this org, exactly as the plain read says."""
    view = await get_batch(db, org_id, batch_id)
    if view is None or wait <= 0 or BatchStatus(view["status"]) in FINAL_BATCH:
        return view
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait
    with changes.subscribe(batch_id) as waiter:
        # Read again now that a notification would reach us: a change committed between the
        # first read and the registration sent its NOTIFY to nobody.
        current = await get_batch(db, org_id, batch_id)
        while current == view and (remaining := deadline - loop.time()) > 0:
            await waiter.wait(remaining)
            current = await get_batch(db, org_id, batch_id)
    return current
