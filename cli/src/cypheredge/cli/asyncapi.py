"""The platform's AsyncAPI document, generated from the services' FastStream apps.

    python -m cypheredge.cli.asyncapi            # rewrite libs/contracts/asyncapi.json
    python -m cypheredge.cli.asyncapi --check    # exit 1 when the committed file differs

Every process that talks to Kafka is built by its own composition root (``build``), exactly as
it runs, and FastStream describes its brokers: the subscribers (channels, groups, one message
per handled event type) and the publishers its relay sends through. The document can only list
what the code has. It lives in the CLI because only the CLI may import every service.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any

from faststream.specification import AsyncAPI

from cypheredge.billing.bootstrap import build as billing
from cypheredge.cli.generated_file import write_or_check
from cypheredge.extractor.bootstrap import build as extractor
from cypheredge.extractor.bootstrap import build_ocr as ocr_extractor
from cypheredge.gateway.projector import build as projector
from cypheredge.gateway.relay import build as gateway_relay
from cypheredge.gateway.webhooks import build as gateway_webhooks
from cypheredge.ingest.bootstrap import build as ingest
from cypheredge.kit.kafka_security import PLAINTEXT, KafkaSecurity
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.stream import Worker
from cypheredge.reporter.bootstrap import build as reporter

DOCUMENTED_BOOTSTRAP = "redpanda:9092"
DESCRIPTION = (
    "Kafka traffic between CypherEdge services, generated from their FastStream apps. Every "
    "record value is a CloudEvents 1.0 envelope in structured JSON mode "
    "(schemas/envelope.json); a message's payload below is the envelope's `data`, chosen by "
    "the envelope's `type`. The record key is the envelope subject (the batch or statement "
    "id). Records a consumer gives up on go to `<topic>.dlq` with the x-error, x-attempts and "
    "x-original-* headers. Changes within an event version are additive."
)


def default_path() -> Path:
    """``libs/contracts/asyncapi.json`` of the source checkout."""
    return Path(__file__).resolve().parents[4] / "libs" / "contracts" / "asyncapi.json"


def workers(storage: Path, security: KafkaSecurity = PLAINTEXT) -> list[Worker]:
    """Every Kafka-facing process of the platform, built by its composition root (with
    ``security``: the document is written with none, whatever this shell holds)."""
    infra = InfraSettings(
        kafka_bootstrap_servers=DOCUMENTED_BOOTSTRAP,
        kafka_security=security,
        database_url="postgresql+psycopg://cypheredge@postgres/cypheredge",
        storage_dir=storage,
    )
    return [
        gateway_relay(infra),
        projector(infra),
        gateway_webhooks(infra),
        ingest(infra),
        extractor(infra),
        ocr_extractor(infra),
        reporter(infra),
        billing(infra),
    ]


def build_document() -> dict[str, Any]:
    """The AsyncAPI 3.0 document of every app, as JSON-compatible data."""
    with tempfile.TemporaryDirectory() as storage:
        spec = AsyncAPI(
            *(worker.broker for worker in workers(Path(storage))),
            title="CypherEdge events",
            version=version("cypheredge-contracts"),
            description=DESCRIPTION,
            license={"name": "Apache-2.0"},
            identifier="urn:cypheredge:events",
            schema_version="3.0.0",
        )
        document: dict[str, Any] = spec.to_specification().to_jsonable()
    return document


def render() -> str:
    return json.dumps(build_document(), indent=2, sort_keys=True) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the process exit status."""
    return write_or_check("cypheredge.cli.asyncapi", render, default_path(), argv, what="document")


if __name__ == "__main__":
    sys.exit(main())
