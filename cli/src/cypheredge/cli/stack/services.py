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
    # Settings this process gets on one machine unless the operator set them.
    env: tuple[tuple[str, str], ...] = ()


SCHEMAS: tuple[ServiceSchema, ...] = tuple(
    ServiceSchema(name, f"cypheredge.{name}.infra", name)
    for name in ("gateway", "ingest", "extractor", "reporter", "billing")
)

# Webhooks to a receiver on this machine (http://127.0.0.1:...) are allowed locally: the
# API checks a URL at creation, the webhook process again at every attempt. Private ranges
# and link-local stay refused.
LOCAL_WEBHOOKS = (
    ("GATEWAY_WEBHOOKS_ALLOW_HTTP", "true"),
    ("GATEWAY_WEBHOOKS_ALLOW_LOOPBACK", "true"),
)

PROCESSES: tuple[ProcessSpec, ...] = (
    ProcessSpec("gateway", "cypheredge.gateway", None, kafka_client=False, env=LOCAL_WEBHOOKS),
    ProcessSpec("relay", "cypheredge.gateway.relay", "GATEWAY_RELAY_HEALTH_PORT"),
    ProcessSpec("projector", "cypheredge.gateway.projector", "GATEWAY_PROJECTOR_HEALTH_PORT"),
    # Customers' webhooks: consumes the outcomes, sends over HTTP.
    ProcessSpec(
        "gateway-webhooks",
        "cypheredge.gateway.webhooks",
        "GATEWAY_WEBHOOKS_HEALTH_PORT",
        env=LOCAL_WEBHOOKS,
    ),
    ProcessSpec("ingest", "cypheredge.ingest", "INGEST_HEALTH_PORT"),
    ProcessSpec("extractor", "cypheredge.extractor", "EXTRACTOR_HEALTH_PORT"),
    # The OCR extractor, on CPU here (on the GPU where there is one).
    ProcessSpec("extractor-gpu", "cypheredge.extractor.gpu", "EXTRACTOR_GPU_HEALTH_PORT"),
    ProcessSpec("reporter", "cypheredge.reporter", "REPORTER_HEALTH_PORT"),
    ProcessSpec("billing", "cypheredge.billing", "BILLING_HEALTH_PORT"),
)
