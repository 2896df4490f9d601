"""Readiness checks: can this process reach the broker and query its database right now?

Each check is a small coroutine with a short timeout that answers True or False and never
raises, so any app (the worker host, the gateway, a FastStream app) can combine them.
``Readiness`` runs its checks together and caches the verdict briefly: a probe every second
from several sources then costs one round trip per dependency, not one per probe. Liveness
is a separate question and must not use these (a process whose broker is down is alive).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Collection, Mapping

from aiokafka.client import AIOKafkaClient
from aiokafka.errors import KafkaError
from sqlalchemy import text

from cypheredge.kit.db import Database
from cypheredge.kit.kafka_security import PLAINTEXT, KafkaSecurity, client_kwargs
from cypheredge.kit.settings import InfraSettings

log = logging.getLogger(__name__)

Check = Callable[[], Awaitable[bool]]

DEFAULT_WITHIN = 2.0
DEFAULT_TTL = 1.5


async def database_answers(db: Database, within: float = DEFAULT_WITHIN) -> bool:
    """Whether ``SELECT 1`` succeeds within ``within`` seconds."""
    try:
        async with asyncio.timeout(within), db.system() as session:
            await session.execute(text("SELECT 1"))
    except Exception as exc:  # any failure means "not ready", never an error of the probe
        log.debug("database not ready: %r", exc)
        return False
    return True


async def broker_answers(
    bootstrap: str,
    topics: Collection[str] = (),
    within: float = DEFAULT_WITHIN,
    *,
    security: KafkaSecurity = PLAINTEXT,
) -> bool:
    """Whether the broker answers a metadata request and knows every one of ``topics``.

    An embedded broker restarted with memory storage answers but has no topics until they
    are provisioned again: naming the topics a process uses covers that case.
    """
    client = AIOKafkaClient(
        bootstrap_servers=bootstrap,
        client_id="cypheredge-readiness",
        request_timeout_ms=int(within * 1000),
        **client_kwargs(security),
    )
    try:
        async with asyncio.timeout(within):
            await client.bootstrap()
        known: set[str] = client.cluster.topics()
        return set(topics) <= known
    except (KafkaError, OSError, TimeoutError) as exc:
        log.debug("broker not ready: %r", exc)
        return False
    finally:
        await client.close()


class Readiness:
    """Named checks; ``failing()`` lists the ones that fail, cached for ``ttl`` seconds."""

    def __init__(
        self,
        checks: Mapping[str, Check],
        *,
        ttl: float = DEFAULT_TTL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._checks = dict(checks)
        self._ttl = ttl
        self._clock = clock
        self._verdict: list[str] = []
        self._checked_at: float | None = None
        self._lock = asyncio.Lock()

    async def failing(self) -> list[str]:
        """The names of the checks that fail now (or did less than ``ttl`` seconds ago)."""
        async with self._lock:  # concurrent probes share one round of checks
            now = self._clock()
            if self._checked_at is None or now - self._checked_at >= self._ttl:
                names = list(self._checks)
                results = await asyncio.gather(*(self._checks[n]() for n in names))
                self._verdict = [n for n, ok in zip(names, results, strict=True) if not ok]
                self._checked_at = self._clock()
            return list(self._verdict)

    async def ready(self) -> bool:
        return not await self.failing()


def dependencies(
    db: Database,
    bootstrap: str | None,
    topics: Collection[str] = (),
    *,
    security: KafkaSecurity = PLAINTEXT,
) -> Readiness:
    """The usual pair: the database, and the broker (with ``topics``) when there is one."""
    checks: dict[str, Check] = {"database": lambda: database_answers(db)}
    if bootstrap is not None:
        checks["broker"] = lambda: broker_answers(bootstrap, topics, security=security)
    return Readiness(checks)


def configured_broker(infra: InfraSettings | None = None) -> str | None:
    """``KAFKA_BOOTSTRAP_SERVERS`` when this process was given one, else None.

    For a process that does not talk to the broker itself (the gateway hands its events to
    the outbox) but whose work is stuck without it: it checks the broker it was configured
    with, and none when it runs on the default.
    """
    infra = infra or InfraSettings()
    if "kafka_bootstrap_servers" in infra.model_fields_set:
        return infra.kafka_bootstrap_servers
    return None
