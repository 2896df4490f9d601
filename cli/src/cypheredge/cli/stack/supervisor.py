"""Starts the platform's processes, watches them, restarts the ones that die, stops them all."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from cypheredge.cli.stack.services import ProcessSpec


@dataclass
class Child:
    spec: ProcessSpec
    health_url: str
    env: dict[str, str]
    log_path: Path
    process: subprocess.Popen[bytes] | None = None
    restarts: int = 0
    started_at: float = field(default=0.0)

    def start(self) -> None:
        log = open(self.log_path, "ab")  # noqa: SIM115 - owned by the child process
        self.process = subprocess.Popen(
            [sys.executable, "-m", self.spec.module],
            env=self.env,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        log.close()
        self.started_at = time.monotonic()

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def ready(self) -> bool:
        if not self.health_url:  # no endpoint (the relay): running is all it can say
            return self.alive()
        try:
            with urllib.request.urlopen(self.health_url, timeout=1) as response:  # noqa: S310
                return bool(response.status == 200)
        except OSError:
            return False

    def stop(self, grace: float = 10.0) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(grace)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


class Supervisor:
    def __init__(self, children: list[Child]) -> None:
        self.children = children

    def start_all(self) -> None:
        for child in self.children:
            child.start()

    def not_ready(self) -> list[str]:
        return [c.spec.name for c in self.children if not c.ready()]

    def revive(self) -> list[Child]:
        """Restart children that died (with a pause so a crash loop does not spin)."""
        revived = []
        for child in self.children:
            if not child.alive() and time.monotonic() - child.started_at > 2.0:
                child.restarts += 1
                child.start()
                revived.append(child)
        return revived

    def stop_all(self) -> None:
        for child in reversed(self.children):
            if child.process is not None and child.process.poll() is None:
                child.process.send_signal(signal.SIGTERM)
        for child in reversed(self.children):
            child.stop()
