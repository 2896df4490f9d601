"""In-process token buckets: burst, refill, independent keys, Retry-After, RateLimit figures."""

from __future__ import annotations

import pytest

from cypheredge.gateway.infra.ratelimit import Decision, LocalBuckets, Quota


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def buckets(clock: Clock, per_minute: int, burst: int, **kw: int) -> LocalBuckets:
    return LocalBuckets(per_minute=per_minute, burst=burst, clock=clock, **kw)


async def takes(limiter: LocalBuckets, key: str, n: int) -> list[bool]:
    return [(await limiter.take(key)).allowed for _ in range(n)]


async def test_burst_then_denied_then_refilled(clock: Clock) -> None:
    limiter = buckets(clock, 60, 3)
    assert await takes(limiter, "org", 4) == [True, True, True, False]
    clock.now += 1.0
    assert await takes(limiter, "org", 2) == [True, False]
    clock.now += 2.0
    assert await takes(limiter, "org", 3) == [True, True, False]


async def test_refill_is_capped_at_the_burst(clock: Clock) -> None:
    limiter = buckets(clock, 60, 3)
    await takes(limiter, "org", 3)
    clock.now += 3600.0
    assert await takes(limiter, "org", 4) == [True, True, True, False]


async def test_denials_keep_partial_refill(clock: Clock) -> None:
    limiter = buckets(clock, 60, 1)
    assert await takes(limiter, "org", 1) == [True]
    clock.now += 0.5
    assert await takes(limiter, "org", 1) == [False]
    clock.now += 0.5
    assert await takes(limiter, "org", 1) == [True]


async def test_keys_are_independent(clock: Clock) -> None:
    limiter = buckets(clock, 60, 2)
    assert await takes(limiter, "org-a", 3) == [True, True, False]
    assert await takes(limiter, "org-b", 3) == [True, True, False]
    assert await takes(limiter, "org-a", 1) == [False]


async def test_a_decision_reports_what_is_left_and_when_the_bucket_is_full(clock: Clock) -> None:
    limiter = buckets(clock, 60, 3)  # one token a second
    assert await limiter.take("org") == Decision(True, 0, remaining=2, reset=1)
    assert await limiter.take("org") == Decision(True, 0, remaining=1, reset=2)
    assert await limiter.take("org") == Decision(True, 0, remaining=0, reset=3)
    assert await limiter.take("org") == Decision(False, 1, remaining=0, reset=3)


def test_the_quota_window_is_the_time_to_refill_a_whole_burst() -> None:
    assert Quota(per_minute=600, burst=60).window == 6
    assert Quota(per_minute=1, burst=3).window == 180
    assert Quota(per_minute=600_000, burst=1).window == 1


async def test_retry_after_is_the_seconds_until_a_token(clock: Clock) -> None:
    limiter = buckets(clock, 15, 1)  # one token every 4 s
    await limiter.take("org")
    assert (await limiter.take("org")).retry_after == 4
    clock.now += 1.0
    assert (await limiter.take("org")).retry_after == 3


@pytest.mark.parametrize("per_minute", [6000, 600_000])
async def test_retry_after_is_at_least_one_second(clock: Clock, per_minute: int) -> None:
    limiter = buckets(clock, per_minute, 1)
    await limiter.take("org")
    denied = await limiter.take("org")
    assert not denied.allowed
    assert denied.retry_after == 1


async def test_the_table_of_buckets_is_bounded(clock: Clock) -> None:
    """Client addresses are chosen by clients: past max_keys the least recent bucket goes."""
    limiter = buckets(clock, 60, 1, max_keys=2)
    assert await takes(limiter, "a", 2) == [True, False]
    await takes(limiter, "b", 1)
    await takes(limiter, "c", 1)  # evicts "a", the least recently used
    assert await takes(limiter, "b", 1) == [False]
    assert await takes(limiter, "a", 1) == [True]


async def test_a_call_may_size_the_bucket_with_its_own_quota(clock: Clock) -> None:
    limiter = buckets(clock, per_minute=60, burst=5)
    small = Quota(per_minute=60, burst=2)
    assert [(await limiter.take("org", small)).allowed for _ in range(3)] == [True, True, False]
    refused = await limiter.take("org", small)
    assert (refused.retry_after, refused.reset) == (1, 2)
    assert await takes(limiter, "other", 6) == [True] * 5 + [False]  # the limiter's own
