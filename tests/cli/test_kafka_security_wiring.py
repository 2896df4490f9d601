"""Every Kafka-facing process, built by its own composition root, hands the configured TLS and
SASL to each Kafka client it makes: its FastStream broker and the worker's own clients (the
start-up wait, readiness and the lag samplers). A process that forgot one would silently
connect in plain text to a cluster that requires SASL."""

from __future__ import annotations

import ssl
from pathlib import Path

from pydantic import SecretStr

from cypheredge.cli.asyncapi import workers
from cypheredge.kit.kafka_security import KafkaSecurity

SECURITY = KafkaSecurity(
    security_protocol="SASL_SSL",
    sasl_mechanism="SCRAM-SHA-512",
    sasl_username="cypheredge",
    sasl_password=SecretStr("not-a-real-password"),
)


def test_every_process_gives_every_client_the_configured_security(tmp_path: Path) -> None:
    built = workers(tmp_path, security=SECURITY)
    assert len(built) == 8
    for worker in built:
        options = worker.broker.config.broker_config.builder.keywords  # type: ignore[attr-defined]
        assert options["security_protocol"] == "SASL_SSL", worker.name
        assert options["sasl_mechanism"] == "SCRAM-SHA-512", worker.name
        assert options["sasl_plain_username"] == "cypheredge", worker.name
        assert isinstance(options["ssl_context"], ssl.SSLContext), worker.name
        assert worker.security is SECURITY, worker.name
        _, offsets = worker.samplers()
        if offsets is not None:
            assert offsets._security is SECURITY, worker.name
