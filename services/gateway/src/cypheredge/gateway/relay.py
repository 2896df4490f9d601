"""``python -m cypheredge.gateway.relay``: publish the gateway's outbox and sweep batches.

The sweeper runs here because this is the gateway's one long-running background process, and
what it does ends in the outbox this process publishes. Several replicas may run: claims and
sweeps are both safe to race. The process is a FastStream app with the gateway's publishers
and no subscribers; it serves /healthz, /readyz and /metrics (the outbox backlog it samples)
on ``GATEWAY_RELAY_HEALTH_HOST``/``_PORT`` when the port is set.
"""

from __future__ import annotations

import asyncio

from pydantic_settings import SettingsConfigDict

from cypheredge.contracts.catalogue import GATEWAY
from cypheredge.gateway.bootstrap import SERVICE, database
from cypheredge.gateway.infra.models import outbox
from cypheredge.gateway.recovery_settings import RecoverySettings
from cypheredge.gateway.service.recovery import Recovery, SweepPolicy
from cypheredge.kit.db import Database
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.stream import Worker, run_worker, service_app
from cypheredge.kit.workers import WorkerSettings

NAME = f"{SERVICE}-relay"


class RelaySettings(WorkerSettings):
    """Where the relay serves health and metrics; none unless ``GATEWAY_RELAY_HEALTH_PORT``
    is set (compose sets it; on one machine the relay needs no port of its own)."""

    model_config = SettingsConfigDict(env_prefix="GATEWAY_RELAY_", extra="ignore")

    health_port: int | None = None  # type: ignore[assignment]


def recovery(db: Database, settings: RecoverySettings) -> Recovery:
    policy = SweepPolicy(redrive_after=settings.redrive_after, deadline=settings.deadline)
    return Recovery(db, Outbox(outbox, GATEWAY.source), policy)


def build(
    infra: InfraSettings,
    settings: RecoverySettings | None = None,
    process: RelaySettings | None = None,
) -> Worker:
    settings = settings or RecoverySettings()
    process = process or RelaySettings()
    db = database(infra)
    sweeper = recovery(db, settings)

    async def sweep(stop: asyncio.Event) -> None:
        await sweeper.run(stop, settings.sweep_interval_seconds)

    return Worker(
        name=NAME,
        app=service_app(
            GATEWAY, infra.kafka_bootstrap_servers, name=NAME, security=infra.kafka_security
        ),
        bootstrap=infra.kafka_bootstrap_servers,
        security=infra.kafka_security,
        db=db,
        outbox=outbox,
        health_host=process.health_host,
        health_port=process.health_port,
        tasks=[sweep],
    )


if __name__ == "__main__":
    run_worker(NAME, build)
