"""Per-org token buckets: in Redis (shared by all gateway replicas) or in process."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Protocol

from redis.asyncio import Redis


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after: int


class RateLimiter(Protocol):
    async def take(self, key: str) -> Decision: ...


class LocalBuckets:
    """One process's buckets; good for a single gateway and for tests."""

    def __init__(self, per_minute: int, burst: int) -> None:
        self._rate = per_minute / 60.0
        self._burst = float(burst)
        self._state: dict[str, tuple[float, float]] = {}

    async def take(self, key: str) -> Decision:
        now = time.monotonic()
        tokens, stamp = self._state.get(key, (self._burst, now))
        tokens = min(self._burst, tokens + (now - stamp) * self._rate)
        if tokens >= 1.0:
            self._state[key] = (tokens - 1.0, now)
            return Decision(True, 0)
        self._state[key] = (tokens, now)
        return Decision(False, max(1, math.ceil((1.0 - tokens) / self._rate)))


# Refill and take atomically inside Redis so concurrent replicas cannot overspend a bucket.
_LUA = """
local rate = tonumber(ARGV[1]); local burst = tonumber(ARGV[2])
local t = redis.call('TIME'); local now = tonumber(t[1]) + tonumber(t[2]) / 1e6
local b = redis.call('HMGET', KEYS[1], 'tokens', 'stamp')
local tokens = tonumber(b[1]) or burst; local stamp = tonumber(b[2]) or now
tokens = math.min(burst, tokens + (now - stamp) * rate)
local allowed = 0
if tokens >= 1 then tokens = tokens - 1; allowed = 1 end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'stamp', now)
redis.call('EXPIRE', KEYS[1], math.ceil(burst / rate) + 1)
if allowed == 1 then return {1, 0} end
return {0, math.ceil((1 - tokens) / rate)}
"""


class RedisBuckets:
    def __init__(self, redis: Redis, per_minute: int, burst: int) -> None:
        self._redis = redis
        self._rate = per_minute / 60.0
        self._burst = burst
        self._script = redis.register_script(_LUA)

    async def take(self, key: str) -> Decision:
        allowed, retry = await self._script(
            keys=[f"cypheredge:ratelimit:{key}"], args=[self._rate, self._burst]
        )
        return Decision(bool(allowed), max(1, int(retry)) if not allowed else 0)
