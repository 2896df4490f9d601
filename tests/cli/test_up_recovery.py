"""`cypheredge up` under crashes: a SIGKILLed supervisor, leftovers on its data dir, a broker crash.

Real processes throughout. Each test decides the interleaving it checks: the supervisor is
stopped (SIGSTOP) while the test looks at a crash it must not have repaired yet, and every
wait is for a condition, with a deadline. A start of the stack costs half a minute, so a test
that passes hands its running, ready stack to the next (`Stacks`): what each test checks
happens to that stack after it takes it, and a stack a failed test leaves is never reused.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import psutil
import pytest
from aiokafka.admin import AIOKafkaAdminClient

from cetest.pdfs import DIGITAL, sample
from cypheredge.cli.stack.embedded import EmbeddedPostgres, free_port
from cypheredge.cli.stack.process import wait_exited
from cypheredge.cli.stack.services import PROCESSES
from cypheredge.contracts import topic_partitions

pytestmark = [pytest.mark.integration, pytest.mark.slow]
CLI = str(Path(sys.executable).with_name("cypheredge"))


def _embedded_env() -> dict[str, str]:
    hidden = ("DATABASE_URL", "KAFKA_BOOTSTRAP_SERVERS", "S3_ENDPOINT", "REDIS_URL")
    return {k: v for k, v in os.environ.items() if k not in hidden}


class Stack:
    """One `cypheredge up` process and what it records in its data dir."""

    def __init__(self, data_dir: Path, port: int, log: Path) -> None:
        self.data_dir, self.port, self.log = data_dir, port, log
        with log.open("ab") as out:
            self.up = subprocess.Popen(
                [CLI, "up", "--port", str(port), "--data-dir", str(data_dir)],
                env=_embedded_env(),
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def processes(self) -> dict[str, int]:
        try:
            record = json.loads((self.data_dir / "stack.lock").read_text())
        except (FileNotFoundError, json.JSONDecodeError):
            return {}
        return {str(k): int(v) for k, v in record.get("processes", {}).items()}

    def readiness_urls(self) -> dict[str, str]:
        urls = {"gateway": f"http://127.0.0.1:{self.port}/readyz"}
        for name, pid in self.processes().items():
            for entry in _environ(pid):
                key, _, value = entry.partition("=")
                if key.endswith("_HEALTH_PORT"):
                    urls[name] = f"http://127.0.0.1:{value}/readyz"
        return urls

    def readiness(self) -> dict[str, int]:
        """The /readyz status of the gateway and of every worker (0: no answer)."""
        return {name: _status(url) for name, url in self.readiness_urls().items()}

    def all_ready(self) -> bool:
        statuses = self.readiness()
        # The gateway and every worker with a health port.
        expected = 1 + sum(1 for p in PROCESSES if p.health_env)
        return len(statuses) == expected and set(statuses.values()) == {200}

    def wait(self, condition: Callable[[], bool], what: str, within: float = 150.0) -> None:
        deadline = time.monotonic() + within
        while not condition():
            assert self.up.poll() is None, f"up exited; log:\n{self.log.read_text()}"
            assert time.monotonic() < deadline, f"{what}; log:\n{self.log.read_text()}"
            time.sleep(0.25)

    def stop(self) -> None:
        if self.up.poll() is None:
            self.up.send_signal(signal.SIGCONT)
            self.up.send_signal(signal.SIGINT)
            self.up.wait(60)


class Stacks:
    """The module's stacks: each test takes a ready one and hands it back once it passed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.started: list[Stack] = []
        self._handed_back: Stack | None = None

    def start(self, data_dir: Path, port: int, log: str) -> Stack:
        stack = Stack(data_dir, port, data_dir.parent / log)
        self.started.append(stack)
        return stack

    def take(self) -> Stack:
        """A ready stack: the one the last passing test handed back, else a new one."""
        stack, self._handed_back = self._handed_back, None
        if stack is None or stack.up.poll() is not None:
            run = self.root / f"run{len(self.started)}"
            run.mkdir()
            stack = self.start(run / "data", free_port(), "up.log")
        stack.wait(stack.all_ready, "the stack never became ready")
        return stack

    def hand_back(self, stack: Stack) -> None:
        self._handed_back = stack

    def stop_all(self) -> None:
        for stack in self.started:
            stack.stop()


@pytest.fixture(scope="module")
def stacks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stacks]:
    running = Stacks(tmp_path_factory.mktemp("up"))
    yield running
    running.stop_all()


def _environ(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/environ").read_bytes().decode(errors="replace").split("\0")
    except (FileNotFoundError, PermissionError, ProcessLookupError):
        return []


def _status(url: str) -> int:
    try:
        return httpx.get(url, timeout=2).status_code
    except httpx.TransportError:
        return 0


def _descendants(pid: int) -> list[int]:
    return [child.pid for child in psutil.Process(pid).children(recursive=True)]


def _wait_reaped(pids: list[int], within: float) -> None:
    deadline = time.monotonic() + within
    while any(psutil.pid_exists(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)


def _survivors(pids: list[int]) -> list[str]:
    alive = []
    for pid in pids:
        try:
            process = psutil.Process(pid)
            if process.status() != psutil.STATUS_ZOMBIE:
                alive.append(f"{pid} {process.name()}")
        except psutil.NoSuchProcess:
            pass
    return alive


def test_sigkill_of_up_takes_every_child_and_the_next_up_ends_leftovers_and_starts(
    stacks: Stacks,
) -> None:
    first = stacks.take()
    data_dir, port = first.data_dir, first.port
    children = _descendants(first.up.pid)
    names = {psutil.Process(pid).name() for pid in children}
    assert {"postgres", "python"} <= names, names
    assert any(name.startswith("tansu") for name in names), names
    first.up.kill()
    first.up.wait()
    assert wait_exited(children, 30), f"still running: {_survivors(children)}"
    # An exited postmaster's pid still answers kill(pid, 0) until it is reaped (here by pid 1,
    # not at once), and a postmaster finding it in the lock file refuses to start.
    _wait_reaped(children, 30)
    # What an older `up` (or a crashed admin command) could leave: a postmaster on the data dir.
    leftover = EmbeddedPostgres(data_dir / "postgres")
    leftover.start()
    postmaster = leftover.pid
    assert postmaster is not None
    try:
        second = stacks.start(data_dir, port, f"second{len(stacks.started)}.log")
        second.wait(second.all_ready, "the second stack never became ready")
        assert wait_exited([postmaster], 0), "the leftover postmaster still runs"
        assert "left running by an earlier up" in second.log.read_text()
    finally:
        leftover.stop()
    stacks.hand_back(second)


def test_a_broker_crash_under_up_is_seen_by_readiness_then_repaired(stacks: Stacks) -> None:
    stack = stacks.take()
    broker = stack.processes()["broker"]
    bootstrap = next(
        e.split("=", 1)[1] for e in _environ(stack.processes()["gateway"]) if "KAFKA_BOOT" in e
    )
    seen = len(stack.log.read_text())  # the log of a stack handed on holds an earlier test's
    stack.up.send_signal(signal.SIGSTOP)  # the supervisor must not repair it before we look
    os.kill(broker, signal.SIGKILL)
    stack.wait(
        lambda: set(stack.readiness().values()) == {503},
        "readiness did not report the broker down everywhere",
        within=30,
    )
    stack.up.send_signal(signal.SIGCONT)
    stack.wait(stack.all_ready, "the stack did not recover from the broker crash")
    assert stack.processes()["broker"] != broker
    assert asyncio.run(_partitions(bootstrap)) == topic_partitions()
    assert "broker exited; restarted" in stack.log.read_text()[seen:]
    _extracts_a_statement(stack)
    stacks.hand_back(stack)


async def _partitions(bootstrap: str) -> dict[str, int]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        described = await admin.describe_topics(list(topic_partitions()))
        return {t["topic"]: len(t["partitions"]) for t in described}
    finally:
        await admin.close()


def _extracts_a_statement(stack: Stack) -> None:
    """The pipeline works again end to end: consumers joined the new broker's groups."""
    created = subprocess.run(
        [CLI, "admin", "create-org", "After the crash", "--data-dir", str(stack.data_dir)],
        env=_embedded_env(),
        capture_output=True,
        check=True,
        text=True,
    )
    headers = {"Authorization": f"Bearer {json.loads(created.stdout)['api_key']}"}
    with httpx.Client(base_url=f"http://127.0.0.1:{stack.port}", timeout=10) as client:
        files = [("files", (DIGITAL, sample(DIGITAL), "application/pdf"))]
        batch_id = client.post("/v1/batches", headers=headers, files=files).json()["id"]

        def extracted() -> bool:
            batch = client.get(f"/v1/batches/{batch_id}", headers=headers).json()
            return bool(batch["statements"][0]["status"] in ("extracted", "reported"))

        stack.wait(extracted, "the statement was not extracted after the broker restart", 90)
