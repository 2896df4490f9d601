"""The soak's kills: which process, when (seeded), and what became of it.

Every kind of process is killed at least once and the broker exactly once; a kill is a
SIGKILL of the process-group leader ``up`` recorded (or of one extractor pool worker), the way
the OOM killer or a crashed node would end it. Nothing is signalled gently.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from random import Random
from typing import Any

from soak_stack import Stack

SERVICES = (
    "gateway",
    "relay",
    "projector",
    "gateway-webhooks",
    "ingest",
    "extractor",
    "extractor-gpu",
    "reporter",
    "billing",
)
WORKER = "extractor-worker"
BROKER = "broker"
KINDS = (*SERVICES, WORKER, BROKER)
# How long a kill waits for its target to exist (a worker being replaced, a service restarting).
FIND_WITHIN = 60.0
RECOVER_WITHIN = 180.0


@dataclass(frozen=True)
class PlannedKill:
    at: float  # seconds after the first upload
    target: str


@dataclass
class Kill:
    target: str
    planned_at: float
    at: float | None = None  # when the signal went (None: the target never appeared)
    wall: str | None = None  # the same moment in UTC, to find it in the services' logs
    pid: int | None = None
    recovered_after: float | None = None  # back (ready, or running for the relay/worker)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def plan(targets: tuple[str, ...], total: int, window: float, seed: int) -> list[PlannedKill]:
    """Each target once, then random services up to ``total``, one per slot of the window.

    The window's middle 80% is cut into equal slots and each kill lands at a random moment in
    its own slot, so kills are random yet spread out (two at once would test less, not more).
    """
    rng = Random(f"soak-kills:{seed}")
    kinds = list(targets)
    extras = [t for t in targets if t != BROKER] or kinds
    kinds += [rng.choice(extras) for _ in range(max(0, total - len(kinds)))]
    rng.shuffle(kinds)
    start, width = 0.1 * window, 0.8 * window / max(1, len(kinds))
    return [
        PlannedKill(round(start + i * width + rng.uniform(0, width), 1), kind)
        for i, kind in enumerate(kinds)
    ]


class Chaos:
    """Carries out a plan against a running stack; ``kills`` is the record, in order."""

    def __init__(
        self, stack: Stack, planned: list[PlannedKill], say: Callable[[str], None]
    ) -> None:
        self.stack = stack
        self.planned = planned
        self.kills: list[Kill] = []
        self._say = say
        self._killed: set[int] = set()
        self._watchers: list[asyncio.Task[None]] = []

    async def run(self, t0: float, before_broker: Callable[[], Awaitable[object]]) -> None:
        for item in self.planned:
            await asyncio.sleep(max(0.0, t0 + item.at - time.monotonic()))
            if item.target == BROKER:
                await before_broker()  # the broker's memory goes with it: read it first
            kill = Kill(item.target, item.at)
            self.kills.append(kill)
            pid = await self._find(item.target)
            if pid is None:
                self._say(f"[red]{item.target}: no process to kill within {FIND_WITHIN:.0f}s[/]")
                continue
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                self._say(f"[red]{item.target} pid {pid} was gone before the kill[/]")
                continue
            kill.at, kill.pid = round(time.monotonic() - t0, 1), pid
            kill.wall = datetime.now(UTC).isoformat(timespec="milliseconds")
            self._killed.add(pid)
            self._say(f"[yellow]t={kill.at:6.1f}s SIGKILL {item.target} (pid {pid})[/]")
            self._watchers.append(asyncio.create_task(self._watch(kill, time.monotonic())))

    async def settle(self) -> None:
        """Wait for every killed process's replacement (each watcher has its own limit)."""
        await asyncio.gather(*self._watchers)

    async def _find(self, target: str) -> int | None:
        """A pid to kill that is not one already killed (a restart must have happened)."""
        deadline = time.monotonic() + FIND_WITHIN
        while time.monotonic() < deadline:
            pid = self._candidate(target)
            if pid is not None and pid not in self._killed:
                return pid
            await asyncio.sleep(0.5)
        return None

    def _candidate(self, target: str) -> int | None:
        if target == WORKER:
            workers = self.stack.workers()
            return workers[0] if workers else None
        return self.stack.processes().get(target)

    async def _watch(self, kill: Kill, since: float) -> None:
        while time.monotonic() - since < RECOVER_WITHIN:
            if await asyncio.to_thread(self._back, kill):
                kill.recovered_after = round(time.monotonic() - since, 1)
                return
            await asyncio.sleep(0.5)

    def _back(self, kill: Kill) -> bool:
        if kill.target == WORKER:
            return any(pid not in self._killed for pid in self.stack.workers())
        pid = self.stack.processes().get(kill.target)
        if pid is None or pid == kill.pid:
            return False
        if kill.target == BROKER:  # up restarts every Kafka client with it: all must be back
            return self.stack.ready()
        return self.stack.ready(kill.target)
