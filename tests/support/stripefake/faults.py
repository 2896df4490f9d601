"""Faults a test asks for: the next N matching requests fail, lose their answer, or wait."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from stripefake.errors import StripeError


@dataclass
class Fault:
    """What happens to the next ``remaining`` requests whose method and path match.

    ``error`` set: answered with it before the endpoint runs (so never saved for an
    idempotency key, and the client's retry with the same key runs the endpoint). ``error``
    unset: the endpoint runs and its answer is lost (the connection closes unanswered).
    """

    method: str
    path_prefix: str
    remaining: int
    error: StripeError | None = None

    def matches(self, method: str, path: str) -> bool:
        return self.method == method.upper() and path.startswith(self.path_prefix)


@dataclass
class Hold:
    """Keeps the next matching request inside the fake, its idempotency key taken and its
    endpoint not yet run, until ``release()``: a test's handle on "a request in flight"."""

    method: str
    path_prefix: str
    arrived: threading.Event = field(default_factory=threading.Event)
    released: threading.Event = field(default_factory=threading.Event)

    def release(self) -> None:
        self.released.set()


class Faults:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self._holds: list[Hold] = []

    def add(self, fault: Fault) -> None:
        with self._lock:
            self._faults.append(fault)

    def hold(self, hold: Hold) -> None:
        with self._lock:
            self._holds.append(hold)

    def take(self, method: str, path: str, *, failing: bool) -> Fault | None:
        """The first matching fault of the kind asked for, counted down by one use."""
        with self._lock:
            for fault in self._faults:
                if (fault.error is not None) == failing and fault.matches(method, path):
                    fault.remaining -= 1
                    if fault.remaining <= 0:
                        self._faults.remove(fault)
                    return fault
            return None

    def take_hold(self, method: str, path: str) -> Hold | None:
        with self._lock:
            for hold in self._holds:
                if hold.method == method.upper() and path.startswith(hold.path_prefix):
                    self._holds.remove(hold)
                    return hold
            return None

    def reset(self) -> None:
        with self._lock:
            for hold in self._holds:
                hold.release()
            self._faults.clear()
            self._holds.clear()
