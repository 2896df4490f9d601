"""The soak's own ``cypheredge up``: started on a fresh data dir, read through what it records.

Everything is found the way an operator would find it: the API address and the database in
``stack.json``, the process-group leaders in ``stack.lock``, each worker's health port in its
environment, the extractor's pool workers among its children. Nothing is imported from ``up``.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import psutil

from cypheredge.cli.stack.services import PROCESSES
from cypheredge.kit.lifetime import dying_with_us

CLI = str(Path(sys.executable).with_name("cypheredge"))
# Configured infrastructure would make `up` use it; the soak wants the embedded stack it can kill.
_HIDDEN = ("DATABASE_URL", "KAFKA_BOOTSTRAP_SERVERS", "S3_ENDPOINT", "REDIS_URL")
# A worker of the extractor's PDF sandbox runs `python -m cypheredge.pdf.worker`.
_WORKER_MARK = "cypheredge.pdf.worker"


class StackFailed(RuntimeError):
    """``up`` exited or never became ready; the message says where its log is."""


# The gateway's /readyz and one per worker with a health port: what `ready` waits for.
HEALTH_ENDPOINTS = ("gateway", *(p.name for p in PROCESSES if p.health_env))


@dataclass(frozen=True)
class Org:
    org_id: str
    api_key: str


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Stack:
    """One ``cypheredge up`` (no demo) on a temporary data dir, torn down by :meth:`stop`."""

    def __init__(self, settings: dict[str, str], keep: bool = False) -> None:
        self.data_dir = Path(tempfile.mkdtemp(prefix="cypheredge-soak-"))
        self.port = free_port()
        self.keep = keep
        self.log = self.data_dir / "up.log"
        self.env = {k: v for k, v in os.environ.items() if k not in _HIDDEN} | settings
        self.up: subprocess.Popen[bytes] | None = None

    @property
    def api(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        with self.log.open("ab") as out:
            self.up = subprocess.Popen(
                [CLI, "up", "--port", str(self.port), "--data-dir", str(self.data_dir / "data")],
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                # A soak killed from outside (a test's timeout) must not leave a whole stack
                # running under whatever runs next: ``up`` stops everything on SIGTERM.
                preexec_fn=dying_with_us(signal.SIGTERM),
            )

    def alive(self) -> bool:
        return self.up is not None and self.up.poll() is None

    def check(self) -> None:
        if not self.alive():
            raise StackFailed(f"cypheredge up exited; see {self.log}")

    def processes(self) -> dict[str, int]:
        """Name -> pid of each process-group leader ``up`` runs now (its ``stack.lock``)."""
        try:
            record = json.loads((self.data_dir / "data" / "stack.lock").read_text())
        except (FileNotFoundError, json.JSONDecodeError):
            return {}  # between a truncate and a write, or before the first
        return {str(k): int(v) for k, v in record.get("processes", {}).items()}

    def stack_info(self) -> dict[str, str]:
        try:
            value = json.loads((self.data_dir / "data" / "stack.json").read_text())
        except (FileNotFoundError, json.JSONDecodeError):
            return {}
        return {str(k): str(v) for k, v in value.items()}

    def readiness_urls(self) -> dict[str, str]:
        """The gateway's /readyz and each worker's (its health port is in its environment)."""
        urls = {"gateway": f"{self.api}/readyz"}
        for name, pid in self.processes().items():
            for entry in _environ(pid):
                key, _, value = entry.partition("=")
                if key.endswith("_HEALTH_PORT"):
                    urls[name] = f"http://127.0.0.1:{value}/readyz"
        return urls

    def ready(self, name: str | None = None) -> bool:
        """Whether ``name`` (or every process) answers 200 on /readyz; the relay: runs."""
        urls = self.readiness_urls()
        wanted = [name] if name else [*urls, "relay"]
        for item in wanted:
            if item == "relay" or item not in urls:
                if not _running(self.processes().get(item)):
                    return False
            elif _status(urls[item]) != 200:
                return False
        return len(urls) == len(HEALTH_ENDPOINTS) if name is None else True

    def wait_ready(self, within: float) -> float:
        """Seconds until every process is ready; raises :class:`StackFailed` past ``within``."""
        started = time.monotonic()
        while not self.ready():
            self.check()
            if time.monotonic() - started > within:
                raise StackFailed(f"the stack was not ready within {within:.0f}s; see {self.log}")
            time.sleep(0.5)
        return time.monotonic() - started

    def workers(self) -> list[int]:
        """Pids of the extractor's sandbox workers (children of the extractor)."""
        pid = self.processes().get("extractor")
        if pid is None:
            return []
        with contextlib.suppress(psutil.Error):
            children = psutil.Process(pid).children()
            return [c.pid for c in children if _WORKER_MARK in " ".join(_cmdline(c))]
        return []

    def create_org(self, name: str) -> Org:
        """The documented way: ``cypheredge admin create-org`` against the running database."""
        done = subprocess.run(
            [CLI, "admin", "create-org", name, "--data-dir", str(self.data_dir / "data")],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if done.returncode != 0:
            raise StackFailed(f"create-org failed ({done.returncode}): {done.stderr.strip()}")
        created = json.loads(done.stdout)
        return Org(str(created["org_id"]), str(created["api_key"]))

    def create_org_once_migrated(self, name: str, within: float) -> Org:
        """:meth:`create_org` once ``up`` has migrated the database and written ``stack.json``
        (before it starts the services); raises :class:`StackFailed` past ``within``."""
        started = time.monotonic()
        while not self.stack_info():
            self.check()
            if time.monotonic() - started > within:
                raise StackFailed(f"no stack.json within {within:.0f}s; see {self.log}")
            time.sleep(0.2)
        return self.create_org(name)

    def stop(self) -> None:
        """SIGTERM to ``up`` (it stops every child), SIGKILL if it hangs; the dir goes too."""
        if self.up is not None and self.up.poll() is None:
            self.up.send_signal(signal.SIGTERM)
            try:
                self.up.wait(90)
            except subprocess.TimeoutExpired:
                self.up.kill()  # its children die with it (parent-death signal)
                self.up.wait()
        if not self.keep:
            shutil.rmtree(self.data_dir, ignore_errors=True)


def _environ(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/environ").read_bytes().decode(errors="replace").split("\0")
    except (FileNotFoundError, PermissionError, ProcessLookupError):
        return []


def _cmdline(process: psutil.Process) -> list[str]:
    try:
        return process.cmdline()
    except psutil.Error:
        return []


def _running(pid: int | None) -> bool:
    if pid is None:
        return False
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _status(url: str) -> int:
    try:
        return httpx.get(url, timeout=2).status_code
    except httpx.HTTPError:
        return 0
