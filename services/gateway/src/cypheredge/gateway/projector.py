"""``python -m cypheredge.gateway.projector``: consume status events into the batch projection."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from cypheredge.contracts.catalogue import GATEWAY
from cypheredge.gateway.bootstrap import SERVICE, database
from cypheredge.gateway.infra.models import inbox
from cypheredge.gateway.service.projection import Projector
from cypheredge.kit.host import Subscription, WorkerHost, consumed, run_worker
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.workers import WorkerSettings


class ProjectorSettings(WorkerSettings):
    model_config = SettingsConfigDict(env_prefix="GATEWAY_PROJECTOR_", extra="ignore")


def build(infra: InfraSettings, settings: ProjectorSettings | None = None) -> WorkerHost:
    settings = settings or ProjectorSettings()
    db = database(infra)
    projector = Projector(db, Inbox(inbox))
    return WorkerHost(
        name=f"{SERVICE}-projector",
        bootstrap=infra.kafka_bootstrap_servers,
        db=db,
        outbox=None,
        subscriptions=[Subscription(GATEWAY.group_id, consumed(GATEWAY), projector.handle)],
        health_host=settings.health_host,
        health_port=settings.health_port,
    )


if __name__ == "__main__":
    run_worker(f"{SERVICE}-projector", build)
