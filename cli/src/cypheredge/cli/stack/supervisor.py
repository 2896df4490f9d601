"""Starts the platform's processes, watches them, restarts the ones that die, stops them all.

The embedded infrastructure is watched like the services. A restarted embedded broker is
empty (memory storage): its topics are provisioned again, and the services that talk to it
are restarted too, because their consumers keep positions and group memberships the broker
no longer has (measured: a consumer that carries on after such a restart never sees the
messages written at the offsets it had already passed).
"""

from __future__ import annotations

import signal
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from cypheredge.cli.stack.process import ProcessGroup
from cypheredge.cli.stack.services import ProcessSpec

# A process is restarted at most this often, so a crash loop does not spin.
RESTART_PAUSE = 2.0


class Server(Protocol):
    """Embedded infrastructure: started and stopped by ``up``, restarted by the supervisor."""

    @property
    def pid(self) -> int | None: ...

    def start(self) -> str: ...
    def running(self) -> bool: ...
    def stop(self) -> None: ...


@dataclass
class Infrastructure:
    name: str
    server: Server
    log_path: Path
    after_restart: Callable[[], object] = lambda: None
    restarts_clients: bool = False  # restarting it restarts the Kafka clients (see module)
    restarts: int = 0
    started_at: float = field(default_factory=time.monotonic)


@dataclass
class Child:
    spec: ProcessSpec
    health_url: str
    env: dict[str, str]
    log_path: Path
    restarts: int = 0
    started_at: float = field(default=0.0)
    process: ProcessGroup = field(init=False)

    def __post_init__(self) -> None:
        self.process = ProcessGroup(
            [sys.executable, "-m", self.spec.module], env=self.env, log_path=self.log_path
        )

    @property
    def name(self) -> str:
        return self.spec.name

    def start(self) -> None:
        self.process.start()
        self.started_at = time.monotonic()

    def alive(self) -> bool:
        return self.process.running()

    def ready(self) -> bool:
        if not self.health_url:  # no endpoint (the relay): running is all it can say
            return self.alive()
        try:
            with urllib.request.urlopen(self.health_url, timeout=1) as response:  # noqa: S310
                return bool(response.status == 200)
        except OSError:
            return False

    def stop(self, grace: float = 10.0) -> None:
        self.process.end(grace)


@dataclass(frozen=True)
class Revived:
    name: str
    restarts: int
    log_path: Path
    error: str | None = None


class Supervisor:
    def __init__(self, record: Callable[[dict[str, int]], None] = lambda _: None) -> None:
        self.infrastructure: list[Infrastructure] = []
        self.children: list[Child] = []
        self._record = record

    def watch(self, item: Infrastructure) -> None:
        """Supervise infrastructure that ``up`` has already started."""
        self.infrastructure.append(item)
        self.record()

    def start_all(self, children: list[Child]) -> None:
        self.children.extend(children)
        for child in children:
            child.start()
        self.record()

    def pids(self) -> dict[str, int]:
        units = [(i.name, i.server.pid) for i in self.infrastructure]
        units += [(c.name, c.process.pid) for c in self.children]
        return {name: pid for name, pid in units if pid is not None}

    def record(self) -> None:
        self._record(self.pids())

    def not_ready(self) -> list[str]:
        return [c.name for c in self.children if not c.ready()]

    def revive(self) -> list[Revived]:
        """Restart what died: infrastructure first, then services, each group ended first."""
        revived = [self._restart_infrastructure(i) for i in self.infrastructure if _due(i)]
        for child in self.children:
            if not child.alive() and time.monotonic() - child.started_at > RESTART_PAUSE:
                child.stop()
                child.restarts += 1
                child.start()
                revived.append(Revived(child.name, child.restarts, child.log_path))
        if revived:
            self.record()
        return revived

    def _restart_infrastructure(self, item: Infrastructure) -> Revived:
        clients = [c for c in self.children if c.spec.kafka_client] if item.restarts_clients else []
        _stop_together(clients, grace=5.0)
        item.restarts += 1
        item.started_at = time.monotonic()
        error = None
        try:
            item.server.stop()
            item.server.start()
            item.after_restart()
        except Exception as exc:  # reported; the next round tries again
            error = f"{type(exc).__name__}: {exc}"
        for child in clients:
            child.start()
        return Revived(item.name, item.restarts, item.log_path, error)

    def stop_all(self) -> None:
        """Every service at once; ``up`` stops the infrastructure after, the database last."""
        _stop_together(list(reversed(self.children)), grace=10.0)


def _stop_together(children: list[Child], grace: float) -> None:
    for child in children:
        child.process.send(signal.SIGTERM)
    for child in children:
        child.stop(grace)


def _due(item: Infrastructure) -> bool:
    return not item.server.running() and time.monotonic() - item.started_at > RESTART_PAUSE
