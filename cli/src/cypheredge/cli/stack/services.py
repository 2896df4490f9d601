"""The platform's services as the operator tooling sees them: schemas and processes.

Only module names appear here: the CLI starts services as processes and runs their migrations
by package name; it never calls into a service's internals.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ServiceSchema:
    service: str
    migrations_package: str
    schema: str


@dataclass(frozen=True)
class ProcessSpec:
    name: str
    module: str
    health_env: str | None  # env var naming its health port; None: no separate endpoint
    # A Kafka client keeps positions and group state that an embedded broker's restart loses.
    kafka_client: bool = True


SCHEMAS: tuple[ServiceSchema, ...] = tuple(
    ServiceSchema(name, f"cypheredge.{name}.infra", name)
    for name in ("gateway", "ingest", "extractor", "reporter", "billing")
)

PROCESSES: tuple[ProcessSpec, ...] = (
    ProcessSpec("gateway", "cypheredge.gateway", None, kafka_client=False),
    ProcessSpec("relay", "cypheredge.gateway.relay", None),
    ProcessSpec("projector", "cypheredge.gateway.projector", "GATEWAY_PROJECTOR_HEALTH_PORT"),
    ProcessSpec("ingest", "cypheredge.ingest", "INGEST_HEALTH_PORT"),
    ProcessSpec("extractor", "cypheredge.extractor", "EXTRACTOR_HEALTH_PORT"),
    # The OCR extractor, on CPU here (on the GPU where there is one).
    ProcessSpec("extractor-gpu", "cypheredge.extractor.gpu", "EXTRACTOR_GPU_HEALTH_PORT"),
    ProcessSpec("reporter", "cypheredge.reporter", "REPORTER_HEALTH_PORT"),
    ProcessSpec("billing", "cypheredge.billing", "BILLING_HEALTH_PORT"),
)
