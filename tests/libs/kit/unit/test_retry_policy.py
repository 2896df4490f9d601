"""The consumer's retry backoff: exponential from the first delay, capped."""

from __future__ import annotations

import pytest

from cypheredge.kit.stream import RetryPolicy


def test_default_delays_double_then_cap() -> None:
    delays = [RetryPolicy().delay(attempt) for attempt in range(1, 8)]
    assert delays == pytest.approx([0.2, 0.4, 0.8, 1.6, 3.2, 5.0, 5.0])


def test_custom_policy() -> None:
    policy = RetryPolicy(max_attempts=10, first_backoff=1.0, max_backoff=3.0)
    assert [policy.delay(a) for a in (1, 2, 3, 4, 10)] == [1.0, 2.0, 3.0, 3.0, 3.0]


def test_delay_is_a_float_never_above_the_cap_and_never_decreasing() -> None:
    policy = RetryPolicy(first_backoff=0.5, max_backoff=7.0)
    delays = [policy.delay(a) for a in range(1, 200)]
    assert all(isinstance(d, float) for d in delays)
    assert max(delays) == 7.0
    assert delays == sorted(delays)
