"""Wake-ups for requests that wait on a batch (``Prefer: wait``): Postgres LISTEN/NOTIFY.

Writers call :func:`announce` in the transaction that changes a batch or one of its
statements; Postgres delivers the NOTIFY at commit (never for a rolled-back change, once per
transaction however often it is sent). Each API process keeps ONE listening connection
(:class:`BatchChanges`) and fans notifications out to the requests waiting on that batch id.

A notification carries only the batch id and reaches every listener, whatever the tenant: it
is a hint to read again, and the waiter reads through its own tenant-scoped transaction, so
it learns nothing RLS would not show it.

While the listener is down (database restart, a killed backend), waiters fall back to reading
every ``fallback_interval`` seconds, and every waiter is woken when the connection is lost and
again when it is back, because notifications sent in between are gone.

Other channels ride on the same connection (:meth:`BatchChanges.on`, e.g. revocations): one
LISTEN connection per process, whatever it listens for.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Iterator
from uuid import UUID

import psycopg
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.kit.db import libpq_dsn

log = logging.getLogger(__name__)

CHANNEL = "gateway_batch_changed"


async def announce(session: AsyncSession, batch_id: UUID) -> None:
    """Wake the requests waiting on ``batch_id`` when this transaction commits."""
    await session.execute(select(func.pg_notify(CHANNEL, str(batch_id))))


class Waiter:
    """One request's registration: set by every notification for its batch until it reads.

    An event rather than a one-shot future: a notification that lands while the request is
    re-reading the batch stays set, so the next wait returns at once instead of losing it.
    """

    def __init__(self, changes: BatchChanges) -> None:
        self._changes = changes
        self._woken = asyncio.Event()

    def wake(self) -> None:
        self._woken.set()

    async def wait(self, seconds: float) -> None:
        """Until woken or ``seconds`` pass (at most the fallback interval while the listener
        is down); then clear, so the caller's next read covers what woke it."""
        if not self._changes.listening:
            seconds = min(seconds, self._changes.fallback_interval)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._woken.wait(), timeout=max(seconds, 0.0))
        self._woken.clear()


class BatchChanges:
    """The process's listener on :data:`CHANNEL`, started and stopped with the app."""

    def __init__(
        self,
        url: str,
        *,
        fallback_interval: float = 1.0,
        reconnect_delay: float = 1.0,
        heartbeat: float = 30.0,
    ) -> None:
        self._dsn = libpq_dsn(url)
        self.fallback_interval = fallback_interval
        self._reconnect_delay = reconnect_delay
        self._heartbeat = heartbeat
        self._waiters: dict[UUID, set[Waiter]] = {}
        self._arrivals: dict[UUID, asyncio.Event] = {}
        self._task: asyncio.Task[None] | None = None
        self._state = asyncio.Condition()
        self.listening = False
        self._failed_once = False
        self.connects = 0  # how many times LISTEN took effect: a test waits for a reconnect
        self.backend_pid: int | None = None
        # Other channels: handler(payload) per notification, handler(None) whenever the
        # connection is made or lost (what was sent meanwhile is gone).
        self._handlers: dict[str, list[Callable[[str | None], None]]] = {}

    def on(self, channel: str, handler: Callable[[str | None], None]) -> None:
        """Also LISTEN on ``channel`` (register before :meth:`start`)."""
        self._handlers.setdefault(channel, []).append(handler)

    @contextlib.contextmanager
    def subscribe(self, batch_id: UUID) -> Iterator[Waiter]:
        """Register a waiter on ``batch_id`` for the block; register before the last read."""
        waiter = Waiter(self)
        self._waiters.setdefault(batch_id, set()).add(waiter)
        if (arrival := self._arrivals.pop(batch_id, None)) is not None:
            arrival.set()
        try:
            yield waiter
        finally:
            waiting = self._waiters.get(batch_id)
            if waiting is not None:
                waiting.discard(waiter)
                if not waiting:
                    del self._waiters[batch_id]

    async def until_waiting(self, batch_id: UUID) -> None:
        """Return once a request waits on ``batch_id``: the hook tests order a change by."""
        if self._waiters.get(batch_id):
            return
        await self._arrivals.setdefault(batch_id, asyncio.Event()).wait()

    async def until(self, predicate: Callable[[], bool]) -> None:
        """Return once ``predicate`` holds (checked at every connect and loss)."""
        async with self._state:
            await self._state.wait_for(predicate)

    async def start(self) -> None:
        """Start listening in the background; returns once the first LISTEN is in effect
        (or failed: the listener keeps retrying and waiters poll meanwhile)."""
        if self._task is not None:
            return
        first = self.connects
        self._task = asyncio.create_task(self._run(), name="gateway-batch-changes")
        async with self._state:
            await self._state.wait_for(lambda: self.connects > first or self._failed_once)

    async def stop(self) -> None:
        if self._task is None:
            return
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._task = None
        self.listening, self.backend_pid = False, None

    async def _run(self) -> None:
        while True:
            try:
                await self._listen()
            except (psycopg.Error, OSError, TimeoutError) as exc:
                log.warning(
                    "batch changes: listener lost (%r); waiters poll every %.1fs until it is back",
                    exc,
                    self.fallback_interval,
                )
            await self._changed(listening=False, failed=True)
            await asyncio.sleep(self._reconnect_delay)

    async def _listen(self) -> None:
        # A bounded connect: the app's startup waits for the first attempt.
        connect = psycopg.AsyncConnection.connect(self._dsn, autocommit=True, connect_timeout=5)
        async with await connect as conn:
            for channel in (CHANNEL, *self._handlers):
                await conn.execute(f'LISTEN "{channel}"')
            self.backend_pid = conn.info.backend_pid
            self.connects += 1
            await self._changed(listening=True)
            while True:
                async for notify in conn.notifies(timeout=self._heartbeat):
                    if notify.channel == CHANNEL:
                        self._dispatch(notify.payload)
                    for handler in self._handlers.get(notify.channel, ()):
                        handler(notify.payload)
                # A silently dropped connection delivers nothing and raises nothing: a query
                # with a deadline finds out. Notifications it reads wait in psycopg's backlog.
                await asyncio.wait_for(conn.execute("SELECT 1"), timeout=self._heartbeat)

    def _dispatch(self, payload: str) -> None:
        try:
            batch_id = UUID(payload)
        except ValueError:
            return
        for waiter in self._waiters.get(batch_id, ()):
            waiter.wake()

    async def _changed(self, *, listening: bool, failed: bool = False) -> None:
        self.listening = listening
        if not listening:
            self.backend_pid = None
        # Whatever was announced while nobody listened is lost: everyone reads again.
        for waiting in self._waiters.values():
            for waiter in waiting:
                waiter.wake()
        for handlers in self._handlers.values():
            for handler in handlers:
                handler(None)
        async with self._state:
            self._failed_once = self._failed_once or failed
            self._state.notify_all()
