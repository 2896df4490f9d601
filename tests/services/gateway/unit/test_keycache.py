"""The API key cache: hits, misses remembered, expiry by an injected clock, bounded size."""

from __future__ import annotations

from cypheredge.gateway.service.keycache import KeyCache


class Clock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


def test_a_hit_is_served_until_its_ttl_then_forgotten() -> None:
    clock = Clock()
    cache: KeyCache[str] = KeyCache(ttl=5, negative_ttl=2, clock=clock)
    assert cache.get("h") == (False, None)
    cache.put("h", "principal")
    clock.now += 4.9
    assert cache.get("h") == (True, "principal")
    clock.now += 0.1
    assert cache.get("h") == (False, None)


def test_a_miss_is_remembered_for_the_negative_ttl() -> None:
    clock = Clock()
    cache: KeyCache[str] = KeyCache(ttl=5, negative_ttl=2, clock=clock)
    cache.put("wrong", None)
    assert cache.get("wrong") == (True, None)
    clock.now += 2
    assert cache.get("wrong") == (False, None)


def test_the_oldest_entries_go_first_past_the_bound() -> None:
    cache: KeyCache[str] = KeyCache(ttl=5, negative_ttl=5, max_entries=2, clock=Clock())
    for key in ("a", "b", "c"):
        cache.put(key, key)
    assert cache.get("a") == (False, None)
    assert cache.get("b") == (True, "b")
    assert cache.get("c") == (True, "c")
