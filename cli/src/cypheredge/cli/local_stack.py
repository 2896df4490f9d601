"""What ``cypheredge up`` runs: the whole platform on one machine, on embedded defaults.

Infrastructure (embedded PostgreSQL and broker unless configured), migrations, topics and
storage, then every service under a supervisor that restarts what exits. The command imports
this module when it runs (``up_cmd.py``).
"""

from __future__ import annotations

import json
import os
import signal
import time
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path

import typer
from rich.console import Console

from cypheredge.cli.exits import ExitCode, unavailable
from cypheredge.cli.localdata import database_url, secret_key, stack_file
from cypheredge.cli.stack.embedded import (
    EMBEDDED_BROKER_SECURITY,
    EmbeddedBroker,
    EmbeddedPostgres,
    free_port,
    port_open,
)
from cypheredge.cli.stack.lock import StackBusy, StackLock
from cypheredge.cli.stack.lost import resend_since
from cypheredge.cli.stack.provision import migrate_all, provision, provision_storage
from cypheredge.cli.stack.services import PROCESSES
from cypheredge.cli.stack.stale import end_stale_stack, stack_env
from cypheredge.cli.stack.supervisor import Child, Infrastructure, Revived, Supervisor
from cypheredge.kit.settings import InfraSettings

console = Console(stderr=True)


def run_up(port: int, data_dir: Path, ready_timeout: float, demo: bool) -> None:
    """Hold the data dir's lock, end what an earlier ``up`` left running, run until Ctrl-C."""
    data_dir = data_dir.resolve()
    try:
        lock = StackLock(data_dir).acquire()
    except StackBusy as busy:
        raise unavailable(str(busy)) from None
    # SIGTERM (from a service manager or `timeout`) must clean up like Ctrl-C does.
    signal.signal(signal.SIGTERM, _interrupt)
    with ExitStack() as stack:
        stack.callback(lock.release)
        ended = end_stale_stack(data_dir, lock.previous, data_dir / "postgres")
        if ended:
            console.print(f"stopped {len(ended)} process(es) left running by an earlier up")
        if port_open("127.0.0.1", port):
            raise unavailable(f"port {port} is already in use; pick another with --port")
        # Every process started from here on carries the marker: how a later `up` knows them.
        os.environ.update(stack_env(data_dir))
        (data_dir / "logs").mkdir(parents=True, exist_ok=True)
        _run(stack, Supervisor(lock.record), port, data_dir, ready_timeout, demo)


def _run(
    stack: ExitStack,
    supervisor: Supervisor,
    port: int,
    data_dir: Path,
    ready_timeout: float,
    demo: bool,
) -> None:
    with console.status("starting CypherEdge") as status:
        env = _infrastructure(stack, supervisor, data_dir, status.update)
        status.update("running database migrations")
        os.environ.update(env)
        migrate_all(InfraSettings(), progress=lambda step: status.update(step))
        status.update("provisioning Kafka topics and storage")
        infra = InfraSettings()
        provision(infra.kafka_bootstrap_servers, infra.kafka_security)
        provision_storage(InfraSettings())
        stack.callback(supervisor.stop_all)
        stack_file(data_dir).write_text(
            json.dumps(
                {
                    "api": f"http://127.0.0.1:{port}",
                    **{
                        k: v
                        for k, v in env.items()
                        if k in ("DATABASE_URL", "KAFKA_BOOTSTRAP_SERVERS")
                    },
                }
            )
        )
        stack.callback(lambda: stack_file(data_dir).unlink(missing_ok=True))
        supervisor.start_all(_children(env, port, data_dir))
        _wait_ready(supervisor, ready_timeout, status.update)
    _announce(port, data_dir)
    if demo:
        _demo(port, data_dir)
    while True:
        time.sleep(1)
        for revived in supervisor.revive():
            _report(revived)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _report(revived: Revived) -> None:
    if revived.error:
        console.print(f"[red]{revived.name} could not be restarted: {revived.error}[/]")
        return
    console.print(
        f"[yellow]{revived.name} exited; restarted "
        f"({revived.restarts} so far, see {revived.log_path})[/]"
    )


def _infrastructure(
    stack: ExitStack, supervisor: Supervisor, data_dir: Path, say: object
) -> dict[str, str]:
    env = dict(os.environ)
    update = say if callable(say) else (lambda _: None)
    logs = data_dir / "logs"
    if "DATABASE_URL" not in env:
        update("starting embedded PostgreSQL")
        postgres = stack.enter_context(
            EmbeddedPostgres(data_dir / "postgres", log_path=logs / "postgres.log")
        )
        env["DATABASE_URL"] = database_url(data_dir, postgres)
        supervisor.watch(Infrastructure("postgres", postgres, logs / "postgres.log"))
    if "KAFKA_BOOTSTRAP_SERVERS" not in env:
        update("starting embedded Kafka broker (Tansu)")
        broker = stack.enter_context(EmbeddedBroker(log_path=logs / "broker.log"))
        env["KAFKA_BOOTSTRAP_SERVERS"] = bootstrap = broker.start()
        env.update(EMBEDDED_BROKER_SECURITY)
        started = [datetime.now(UTC)]
        database = env["DATABASE_URL"]

        def after_broker_restart() -> None:
            provision(bootstrap)
            # What the lost broker held died with it, finished batches' events included.
            resend_since(database, started[0])
            started[0] = datetime.now(UTC)

        supervisor.watch(
            Infrastructure(
                "broker",
                broker,
                logs / "broker.log",
                after_restart=after_broker_restart,
                restarts_clients=True,
            )
        )
    if "S3_ENDPOINT" not in env:
        env.setdefault("STORAGE_DIR", str(data_dir / "storage"))
    env.setdefault("CYPHEREDGE_SECRET_KEY", secret_key(data_dir))
    env.setdefault("LOG_JSON", "true")
    return env


def _children(env: dict[str, str], port: int, data_dir: Path) -> list[Child]:
    children = []
    for spec in PROCESSES:
        # The process's local defaults first: what the operator set wins.
        child_env = {**dict(spec.env), **env, "GATEWAY_PORT": str(port)}
        health = f"http://127.0.0.1:{port}/readyz" if spec.name == "gateway" else ""
        if spec.health_env is not None:
            health_port = free_port()
            child_env[spec.health_env] = str(health_port)
            health = f"http://127.0.0.1:{health_port}/readyz"
        children.append(Child(spec, health, child_env, data_dir / "logs" / f"{spec.name}.log"))
    return children


def _wait_ready(supervisor: Supervisor, timeout: float, say: object) -> None:
    update = say if callable(say) else (lambda _: None)
    deadline = time.monotonic() + timeout
    while waiting := supervisor.not_ready():
        if time.monotonic() > deadline:
            raise typer.Exit(_fail(f"not ready after {timeout:.0f}s: {', '.join(waiting)}"))
        for revived in supervisor.revive():
            _report(revived)
        update(f"waiting for {', '.join(waiting)} (consumer groups take a few seconds)")
        time.sleep(0.5)


def _demo(port: int, data_dir: Path) -> None:
    from cypheredge.cli.demo import run_demo

    try:
        out = run_demo(f"http://127.0.0.1:{port}", InfraSettings(), data_dir, console)
    except Exception as exc:  # the platform keeps running; the operator sees why
        console.print(f"[red]sample run failed: {exc}[/]")
        return
    console.print(f"[green]workbook and exports of the sample batch:[/] {out}")
    console.print("the platform keeps running; Ctrl-C stops everything.")


def _fail(message: str) -> int:
    console.print(f"[red]{message}[/] (logs in the data dir's logs/)")
    return int(ExitCode.UNAVAILABLE)


def _announce(port: int, data_dir: Path) -> None:
    console.print(f"[green]CypherEdge is up[/]: API http://127.0.0.1:{port}  docs /docs")
    console.print(f"data dir {data_dir}; logs in {data_dir / 'logs'}")
    console.print(
        f"create an org: cypheredge admin create-org 'Acme' --data-dir {data_dir}\n"
        "Ctrl-C stops everything."
    )
