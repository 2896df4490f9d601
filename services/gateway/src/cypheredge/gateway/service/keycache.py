"""A short-lived, bounded, in-process cache of API key lookups (hits and misses).

Authentication is on every request; with the cache a flood of requests with one key costs
one database lookup per ``ttl`` instead of one per request, and a flood of one wrong key one
per ``negative_ttl``. Entries are keyed by the SHA-256 of the presented key (the plaintext
is never kept) and expire on time alone, so a revoked key stops working within ``ttl``
seconds on every replica even without an invalidation message; :meth:`KeyCache.evict` is
how a revocation (``infra/revocations.py``) takes effect sooner.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

V = TypeVar("V")


class KeyCache(Generic[V]):
    def __init__(
        self,
        *,
        ttl: float,
        negative_ttl: float,
        max_entries: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ttl = ttl
        self._negative_ttl = negative_ttl
        self._max = max_entries
        self._clock = clock
        self._entries: OrderedDict[str, tuple[float, V | None]] = OrderedDict()

    def get(self, key_hash: str) -> tuple[bool, V | None]:
        """(found, value): a found None is a cached "no such key"."""
        entry = self._entries.get(key_hash)
        if entry is None:
            return False, None
        expires, value = entry
        if self._clock() >= expires:
            del self._entries[key_hash]
            return False, None
        return True, value

    def put(self, key_hash: str, value: V | None) -> None:
        ttl = self._ttl if value is not None else self._negative_ttl
        self._entries.pop(key_hash, None)
        self._entries[key_hash] = (self._clock() + ttl, value)
        # Oldest first: wrong keys cannot grow the table without bound.
        while len(self._entries) > self._max:
            self._entries.popitem(last=False)

    def evict(self, stale: Callable[[V], bool]) -> int:
        """Forgets every cached value ``stale`` picks (a revoked key's, a removed user's).

        A scan, not an index: revocations are rare and the table is bounded."""
        doomed = [h for h, (_, v) in self._entries.items() if v is not None and stale(v)]
        for key_hash in doomed:
            del self._entries[key_hash]
        return len(doomed)

    def clear(self) -> None:
        """Forgets everything: revocations may have been missed (the listener was down)."""
        self._entries.clear()
