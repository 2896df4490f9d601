"""``python -m cypheredge.gateway.projector``: consume status events into the batch projection."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from cypheredge.contracts.catalogue import GATEWAY
from cypheredge.gateway.bootstrap import SERVICE, database
from cypheredge.gateway.consumers import router
from cypheredge.gateway.infra.models import inbox
from cypheredge.gateway.service.projection import Projector
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.stream import Worker, run_worker, service_app
from cypheredge.kit.workers import WorkerSettings

NAME = f"{SERVICE}-projector"


class ProjectorSettings(WorkerSettings):
    model_config = SettingsConfigDict(env_prefix="GATEWAY_PROJECTOR_", extra="ignore")


def build(infra: InfraSettings, settings: ProjectorSettings | None = None) -> Worker:
    settings = settings or ProjectorSettings()
    db = database(infra)
    projector = Projector(db, Inbox(inbox))
    # The gateway's events are published by its relay process; the projector only consumes.
    app = service_app(
        GATEWAY,
        infra.kafka_bootstrap_servers,
        [router(projector)],
        name=NAME,
        publishes=False,
        security=infra.kafka_security,
    )
    return Worker(
        name=NAME,
        app=app,
        bootstrap=infra.kafka_bootstrap_servers,
        security=infra.kafka_security,
        db=db,
        outbox=None,
        health_host=settings.health_host,
        health_port=settings.health_port,
    )


if __name__ == "__main__":
    run_worker(NAME, build)
