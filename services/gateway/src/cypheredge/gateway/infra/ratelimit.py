"""Token buckets: in Redis (shared by all gateway replicas) or in process.

A bucket holds up to ``burst`` tokens and refills at ``per_minute``; a request takes one.
Each decision also says what the RateLimit header reports: the tokens left and the seconds
until the bucket is full again.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from redis.asyncio import Redis

Clock = Callable[[], float]


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after: int  # seconds until a token (0 when allowed)
    remaining: int = 0
    reset: int = 0  # seconds until the bucket is full


@dataclass(frozen=True)
class Quota:
    """The bucket as a quota policy: ``burst`` requests per ``window`` seconds of refill."""

    per_minute: int
    burst: int

    @property
    def window(self) -> int:
        return max(1, math.ceil(self.burst * 60 / self.per_minute))


class RateLimiter(Protocol):
    @property
    def quota(self) -> Quota: ...

    async def take(self, key: str, quota: Quota | None = None) -> Decision:
        """Take a token from ``key``'s bucket, sized by ``quota`` (an org's plan) or, by
        default, the limiter's own."""
        ...


def _decision(quota: Quota, allowed: bool, left: float) -> Decision:
    """What the caller learns once a token was taken (or not), ``left`` tokens remaining."""
    rate = quota.per_minute / 60.0
    retry = 0 if allowed else max(1, math.ceil((1.0 - left) / rate))
    reset = math.ceil((quota.burst - left) / rate)
    return Decision(allowed, retry, int(left), reset)


class LocalBuckets:
    """One process's buckets; good for a single gateway, for tests, and as Redis's stand-in.

    Keys can be client-chosen (an address), so the table is bounded: past ``max_keys`` the
    least recently used bucket goes, which at worst hands that key a fresh burst.
    """

    def __init__(
        self,
        per_minute: int,
        burst: int,
        *,
        clock: Clock = time.monotonic,
        max_keys: int = 100_000,
    ) -> None:
        self.quota = Quota(per_minute, burst)
        self._clock = clock
        self._max_keys = max_keys
        self._state: OrderedDict[str, tuple[float, float]] = OrderedDict()

    async def take(self, key: str, quota: Quota | None = None) -> Decision:
        quota = quota or self.quota
        now = self._clock()
        tokens, stamp = self._state.pop(key, (float(quota.burst), now))
        tokens = min(float(quota.burst), tokens + (now - stamp) * quota.per_minute / 60.0)
        allowed = tokens >= 1.0
        left = tokens - 1.0 if allowed else tokens
        self._state[key] = (left, now)
        if len(self._state) > self._max_keys:
            self._state.popitem(last=False)
        return _decision(quota, allowed, left)


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
return {allowed, tostring(tokens)}
"""


class RedisBuckets:
    def __init__(self, redis: Redis, per_minute: int, burst: int) -> None:
        self.quota = Quota(per_minute, burst)
        self._redis = redis
        self._script = redis.register_script(_LUA)

    async def take(self, key: str, quota: Quota | None = None) -> Decision:
        quota = quota or self.quota
        allowed, left = await self._script(
            keys=[f"cypheredge:ratelimit:{key}"], args=[quota.per_minute / 60.0, quota.burst]
        )
        # Lua numbers become integers on the way out: the tokens left come back as text.
        return _decision(quota, bool(allowed), float(left))
