"""The long-poll's listener and waiting rules against real PostgreSQL: the race between the
first read and the registration, a listener that cannot connect, and one whose connection is
killed. Ordering comes from the listener's own hooks (``until_waiting``, ``until``); the
fallback poll is an hour wherever a missed wake-up must hang the test instead of passing.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any
from uuid import UUID

import psycopg
import pytest

from cetest.batches import HOUR, complete, new_batch
from cetest.tenants import Tenant
from cypheredge.cli.stack.embedded import free_port
from cypheredge.gateway.infra.batch_changes import BatchChanges
from cypheredge.gateway.service import queries, waiting
from cypheredge.gateway.service.container import Container
from cypheredge.kit.db import libpq_dsn
from cypheredge.kit.settings import InfraSettings

pytestmark = pytest.mark.integration


@pytest.fixture
async def listener(gateway: Container) -> AsyncIterator[BatchChanges]:
    changes = BatchChanges(gateway.db.url, fallback_interval=HOUR, reconnect_delay=0.01)
    await changes.start()
    yield changes
    await changes.stop()


async def test_a_change_between_the_first_read_and_the_registration_is_seen(
    gateway: Container, org_a: Tenant, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its NOTIFY reached nobody (nothing listens here); the read after registering sees it."""
    batch_id, statement_id = await new_batch(gateway, org_a)
    read = queries.get_batch
    reads = 0

    async def then_complete(*args: Any) -> dict[str, Any] | None:
        nonlocal reads
        view = await read(*args)
        reads += 1
        if reads == 1:
            await complete(gateway, org_a, batch_id, statement_id)
        return view

    monkeypatch.setattr("cypheredge.gateway.service.waiting.get_batch", then_complete)
    silent = BatchChanges(gateway.db.url, fallback_interval=HOUR)
    view = await waiting.watch_batch(gateway.db, silent, UUID(org_a.org_id), batch_id, HOUR)
    assert view is not None
    assert view["status"] == "completed"
    assert reads == 2


async def test_without_a_listener_waiters_fall_back_to_reading_and_still_end_on_time(
    gateway: Container, org_a: Tenant
) -> None:
    unreachable = f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/none"
    changes = BatchChanges(unreachable, fallback_interval=0.05, reconnect_delay=HOUR)
    await changes.start()  # returns after the first failed attempt
    org = UUID(org_a.org_id)
    try:
        assert not changes.listening
        batch_id, statement_id = await new_batch(gateway, org_a)
        task = asyncio.create_task(waiting.watch_batch(gateway.db, changes, org, batch_id, HOUR))
        await changes.until_waiting(batch_id)
        await complete(gateway, org_a, batch_id, statement_id)
        view = await task
        assert view is not None
        assert view["status"] == "completed"

        quiet, _ = await new_batch(gateway, org_a)
        ran_out = await waiting.watch_batch(gateway.db, changes, org, quiet, 0.2)
        assert ran_out is not None
        assert ran_out["status"] == "queued"
    finally:
        await changes.stop()


async def test_a_killed_listener_reconnects_and_wakes_whoever_waited_across_the_gap(
    gateway: Container, org_a: Tenant, listener: BatchChanges, infra: InfraSettings
) -> None:
    batch_id, statement_id = await new_batch(gateway, org_a)
    assert listener.listening
    with listener.subscribe(batch_id) as waiter:
        killed = listener.backend_pid
        async with await psycopg.AsyncConnection.connect(
            libpq_dsn(infra.database_url), autocommit=True
        ) as admin:
            await admin.execute("SELECT pg_terminate_backend(%s)", (killed,))
        await listener.until(lambda: listener.connects > 1 and listener.listening)
        assert listener.backend_pid not in (None, killed)
        # Whatever was announced in the gap is lost, so the reconnect woke the waiter: this
        # returns at once rather than after the hour.
        await waiter.wait(HOUR)

    # And the new connection delivers: a fresh wait ends on the projector's NOTIFY.
    org = UUID(org_a.org_id)
    task = asyncio.create_task(waiting.watch_batch(gateway.db, listener, org, batch_id, HOUR))
    await listener.until_waiting(batch_id)
    await complete(gateway, org_a, batch_id, statement_id)
    view = await task
    assert view is not None
    assert view["status"] == "completed"
