"""The Helm chart's view of the platform, generated from the contracts and the process table.

    python -m cypheredge.cli.chart_catalogue            # rewrite the chart's files/catalogue.json
    python -m cypheredge.cli.chart_catalogue --check    # exit 1 when the committed file differs

The chart (``deploy/helm/cypheredge``) reads ``files/catalogue.json`` with ``.Files.Get``: one
Deployment per process, one KEDA ScaledObject per consumer with a Kafka trigger per topic it
consumes, its group id, and a replica ceiling no higher than its topics' largest partition
count. Topic names, partition counts, groups and modules are never retyped in the templates.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

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
    parser = argparse.ArgumentParser(prog="python -m cypheredge.cli.chart_catalogue")
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    parser.add_argument("--path", type=Path, default=default_path(), help="catalogue to write")
    args = parser.parse_args(argv)
    path: Path = args.path
    text = render()
    current = path.read_text("utf-8") if path.is_file() else None
    if args.check:
        if current != text:
            print(
                f"out of date: {path}\nrun: python -m cypheredge.cli.chart_catalogue",
                file=sys.stderr,
            )
            return 1
        return 0
    if current != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
