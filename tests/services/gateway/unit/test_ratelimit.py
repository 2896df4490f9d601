"""In-process token buckets: burst, refill, independent keys, Retry-After."""

from __future__ import annotations

import types

import pytest

from cypheredge.gateway.infra import ratelimit
from cypheredge.gateway.infra.ratelimit import Decision, LocalBuckets


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """A clock for the ratelimit module only (the event loop keeps the real one)."""
    fake = Clock()
    monkeypatch.setattr(ratelimit, "time", types.SimpleNamespace(monotonic=fake))
    return fake


async def takes(buckets: LocalBuckets, key: str, n: int) -> list[bool]:
    return [(await buckets.take(key)).allowed for _ in range(n)]


async def test_burst_then_denied_then_refilled(clock: Clock) -> None:
    buckets = LocalBuckets(per_minute=60, burst=3)
    assert await takes(buckets, "org", 4) == [True, True, True, False]
    clock.now += 1.0
    assert await takes(buckets, "org", 2) == [True, False]
    clock.now += 2.0
    assert await takes(buckets, "org", 3) == [True, True, False]


async def test_refill_is_capped_at_the_burst(clock: Clock) -> None:
    buckets = LocalBuckets(per_minute=60, burst=3)
    await takes(buckets, "org", 3)
    clock.now += 3600.0
    assert await takes(buckets, "org", 4) == [True, True, True, False]


async def test_denials_keep_partial_refill(clock: Clock) -> None:
    buckets = LocalBuckets(per_minute=60, burst=1)
    assert await takes(buckets, "org", 1) == [True]
    clock.now += 0.5
    assert await takes(buckets, "org", 1) == [False]
    clock.now += 0.5
    assert await takes(buckets, "org", 1) == [True]


async def test_keys_are_independent(clock: Clock) -> None:
    buckets = LocalBuckets(per_minute=60, burst=2)
    assert await takes(buckets, "org-a", 3) == [True, True, False]
    assert await takes(buckets, "org-b", 3) == [True, True, False]
    assert await takes(buckets, "org-a", 1) == [False]


async def test_allowed_has_no_retry_after(clock: Clock) -> None:
    assert await LocalBuckets(per_minute=60, burst=1).take("org") == Decision(True, 0)


async def test_retry_after_is_the_seconds_until_a_token(clock: Clock) -> None:
    buckets = LocalBuckets(per_minute=15, burst=1)  # one token every 4 s
    await buckets.take("org")
    assert await buckets.take("org") == Decision(False, 4)
    clock.now += 1.0
    assert await buckets.take("org") == Decision(False, 3)


@pytest.mark.parametrize("per_minute", [6000, 600_000])
async def test_retry_after_is_at_least_one_second(clock: Clock, per_minute: int) -> None:
    buckets = LocalBuckets(per_minute=per_minute, burst=1)
    await buckets.take("org")
    denied = await buckets.take("org")
    assert not denied.allowed
    assert denied.retry_after == 1
