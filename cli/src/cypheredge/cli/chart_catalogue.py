"""The Helm chart's view of the platform, generated from the contracts and the process table.

    python -m cypheredge.cli.chart_catalogue            # rewrite the chart's files/catalogue.json
    python -m cypheredge.cli.chart_catalogue --check    # exit 1 when the committed file differs

The chart (``deploy/helm/cypheredge``) reads ``files/catalogue.json`` with ``.Files.Get``: one
Deployment per process, one KEDA ScaledObject per consumer with a Kafka trigger per topic it
consumes, its group id, and a replica ceiling no higher than its topics' largest partition
count. Topic names, partition counts, groups and modules are never retyped in the templates.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cypheredge.cli.generated_file import write_or_check
from cypheredge.cli.stack.services import PROCESSES, ProcessSpec
from cypheredge.contracts.catalogue import SERVICES, Service
from cypheredge.contracts.topics import ALL_TOPICS

# A consumer service runs in the process of its own name, except the gateway, whose consumer
# group is read by its projector (the API process consumes nothing).
DEPLOYMENT_OF = {"gateway": "projector"}
GATEWAY_API_PORT = 8000


def default_path() -> Path:
    """``deploy/helm/cypheredge/files/catalogue.json`` of the source checkout."""
    root = Path(__file__).resolve().parents[4]
    return root / "deploy" / "helm" / "cypheredge" / "files" / "catalogue.json"


def health_prefix(process: ProcessSpec) -> str | None:
    """``INGEST_HEALTH_`` for ``INGEST_HEALTH_PORT``: the prefix of its HOST and PORT vars."""
    if process.health_env is None:
        return None
    if not process.health_env.endswith("_HEALTH_PORT"):
        raise ValueError(f"{process.name}: health env {process.health_env!r} is not *_HEALTH_PORT")
    return process.health_env.removesuffix("PORT")


def process_entry(process: ProcessSpec) -> dict[str, Any]:
    """How one process runs: its module, image (the package it belongs to) and health vars."""
    package = process.module.split(".")[1]
    api = process.name == "gateway"
    return {
        "name": process.name,
        "module": process.module,
        "image": package,
        "command": ["python", "-m", process.module],
        "kafkaClient": process.kafka_client,
        "healthEnvPrefix": health_prefix(process),
        # The API serves /healthz, /readyz and /metrics on its own HTTP port.
        "httpPort": GATEWAY_API_PORT if api else None,
    }


def consumer_entry(service: Service, process_names: set[str]) -> dict[str, Any]:
    deployment = DEPLOYMENT_OF.get(service.name, service.name)
    if deployment not in process_names:
        raise LookupError(f"consumer {service.name!r}: no process {deployment!r} runs it")
    return {
        "service": service.name,
        "deployment": deployment,
        "groupId": service.group_id,
        "topics": [{"name": t.name, "partitions": t.partitions} for t in service.consumes],
    }


def build_catalogue() -> dict[str, Any]:
    """The chart's catalogue as JSON-compatible data."""
    names = {process.name for process in PROCESSES}
    return {
        "generatedBy": "python -m cypheredge.cli.chart_catalogue",
        "processes": [process_entry(process) for process in PROCESSES],
        "consumers": [consumer_entry(s, names) for s in SERVICES if s.consumes],
        "topics": [{"name": t.name, "partitions": t.partitions, "dlq": t.dlq} for t in ALL_TOPICS],
    }


def render() -> str:
    return json.dumps(build_catalogue(), indent=2, sort_keys=True) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the process exit status."""
    return write_or_check(
        "cypheredge.cli.chart_catalogue", render, default_path(), argv, what="catalogue"
    )


if __name__ == "__main__":
    sys.exit(main())
