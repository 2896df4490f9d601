"""A rate limiter that outlives Redis: when Redis is unreachable it decides in process.

Rate limiting protects the service; it must not become the reason the service fails. While
Redis is down each replica enforces the same quota on its own (a client spread over N
replicas can then get up to N times its quota), logs a warning once per outage, counts every
decision it made alone, and tries Redis again after ``retry_after`` seconds rather than on
every request (a black-holed Redis would otherwise cost each request a timeout).
"""

from __future__ import annotations

import logging
import time

from prometheus_client import Counter, Gauge
from redis.exceptions import RedisError

from cypheredge.gateway.infra.ratelimit import Clock, Decision, LocalBuckets, Quota, RedisBuckets

log = logging.getLogger(__name__)

DEGRADED_DECISIONS = Counter(
    "cypheredge_ratelimit_degraded_total",
    "Rate-limit decisions made in process because Redis was unreachable",
)
DEGRADED = Gauge(
    "cypheredge_ratelimit_redis_unreachable", "1 while the rate limiter runs without Redis"
)


class ResilientBuckets:
    def __init__(
        self,
        primary: RedisBuckets,
        *,
        retry_after: float = 5.0,
        clock: Clock = time.monotonic,
    ) -> None:
        self.quota: Quota = primary.quota
        self.primary = primary
        self._fallback = LocalBuckets(primary.quota.per_minute, primary.quota.burst, clock=clock)
        self._retry_after = retry_after
        self._clock = clock
        self._down_until: float | None = None

    @property
    def degraded(self) -> bool:
        return self._down_until is not None

    async def take(self, key: str, quota: Quota | None = None) -> Decision:
        if self._down_until is None or self._clock() >= self._down_until:
            try:
                decision = await self.primary.take(key, quota)
            except (RedisError, OSError) as exc:
                self._went_down(exc)
            else:
                self._came_back()
                return decision
        DEGRADED_DECISIONS.inc()
        return await self._fallback.take(key, quota)

    def _went_down(self, exc: Exception) -> None:
        if self._down_until is None:
            log.warning(
                "Redis unreachable (%s); rate limiting in process until it answers again",
                type(exc).__name__,
            )
            DEGRADED.set(1)
        self._down_until = self._clock() + self._retry_after

    def _came_back(self) -> None:
        if self._down_until is not None:
            log.warning("Redis answers again; rate limiting is shared across replicas again")
            DEGRADED.set(0)
            self._down_until = None
