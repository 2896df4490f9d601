"""The chart's one Kafka security switch (config.kafka): every process and job gets the same
protocol, mechanism, SASL credentials (by reference) and CA bundle, and KEDA's lag reader
connects the same way. The rendered objects are validated by test_helm_chart's checks; here,
what they say."""

from __future__ import annotations

from typing import Any

import helm_python
import pytest

from cetest.helm import (
    FULLNAME,
    KUBE_VERSIONS,
    Manifest,
    of_kind,
    parse_keda,
    render,
    validate_builtin,
)
from cypheredge.cli.stack.services import PROCESSES

CA_DIR = "/etc/cypheredge/kafka-ca"


def kafka(protocol: str, mechanism: str = "SCRAM-SHA-512", **ca: str) -> dict[str, Any]:
    bundle = {"secretName": "", "configMapName": "", "key": "ca.crt", **ca}
    return {
        "config": {
            "kafka": {"securityProtocol": protocol, "saslMechanism": mechanism, "caBundle": bundle}
        }
    }


def pods(manifests: list[Manifest]) -> dict[str, dict[str, Any]]:
    """The pod spec of every Deployment and hook Job, by object name."""
    found = {}
    for kind in ("Deployment", "Job"):
        for name, body in of_kind(manifests, kind).items():
            found[name] = body["spec"]["template"]["spec"]
    return found


def env_of(pod: dict[str, Any]) -> dict[str, dict[str, Any]]:
    (spec,) = pod["containers"]
    return {entry["name"]: entry for entry in spec.get("env", [])}


def config_of(manifests: list[Manifest]) -> dict[str, str]:
    data: dict[str, str] = of_kind(manifests, "ConfigMap")[f"{FULLNAME}-config"]["data"]
    return data


def test_by_default_nothing_changes_but_the_explicit_plaintext() -> None:
    manifests = render()
    config = config_of(manifests)
    assert config["KAFKA_SECURITY_PROTOCOL"] == "PLAINTEXT"
    assert not {"KAFKA_SASL_MECHANISM", "KAFKA_SSL_CA_FILE"} & config.keys()
    for name, pod in pods(manifests).items():
        assert not {"KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD"} & env_of(pod).keys(), name
        assert all(v["name"] != "kafka-ca" for v in pod["volumes"]), name
    assert of_kind(manifests, "TriggerAuthentication") == {}
    for scaled in of_kind(manifests, "ScaledObject").values():
        for trigger in scaled["spec"]["triggers"]:
            assert not {"sasl", "tls"} & trigger["metadata"].keys()
            assert "authenticationRef" not in trigger


def test_sasl_ssl_reaches_every_process_job_and_keda() -> None:
    manifests = render(kafka("SASL_SSL", "SCRAM-SHA-256", secretName="kafka-ca"))
    for manifest in manifests:
        if manifest.kind in ("ScaledObject", "TriggerAuthentication"):
            parse_keda(manifest.body)
        elif manifest.kind in ("ConfigMap", "Deployment", "Job"):
            for version in KUBE_VERSIONS:
                validate_builtin(manifest.body, version)
    config = config_of(manifests)
    assert config["KAFKA_SECURITY_PROTOCOL"] == "SASL_SSL"
    assert config["KAFKA_SASL_MECHANISM"] == "SCRAM-SHA-256"
    assert config["KAFKA_SSL_CA_FILE"] == f"{CA_DIR}/ca.crt"
    assert not {"KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD"} & config.keys()
    every = pods(manifests)
    expected = {f"{FULLNAME}-{p.name}" for p in PROCESSES} | {
        f"{FULLNAME}-migrate",
        f"{FULLNAME}-provision-topics",
    }
    assert expected <= every.keys()
    for name, pod in every.items():
        env = env_of(pod)
        for key in ("KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD"):
            assert env[key]["valueFrom"]["secretKeyRef"] == {"name": "cypheredge", "key": key}
        (container,) = pod["containers"]
        mounts = {m["name"]: m for m in container["volumeMounts"]}
        assert mounts["kafka-ca"] == {"name": "kafka-ca", "mountPath": CA_DIR, "readOnly": True}
        volumes = {v["name"]: v for v in pod["volumes"]}
        assert volumes["kafka-ca"]["secret"]["secretName"] == "kafka-ca", name
        if name.endswith(("-migrate", "-provision-topics")):  # inline, no ConfigMap yet
            assert env["KAFKA_SECURITY_PROTOCOL"]["value"] == "SASL_SSL"
            assert env["KAFKA_SSL_CA_FILE"]["value"] == f"{CA_DIR}/ca.crt"
    auth = of_kind(manifests, "TriggerAuthentication")[f"{FULLNAME}-kafka"]["spec"]
    refs = {r["parameter"]: (r["name"], r["key"]) for r in auth["secretTargetRef"]}
    assert refs == {
        "username": ("cypheredge", "KAFKA_SASL_USERNAME"),
        "password": ("cypheredge", "KAFKA_SASL_PASSWORD"),
        "ca": ("kafka-ca", "ca.crt"),
    }
    for scaled in of_kind(manifests, "ScaledObject").values():
        for trigger in scaled["spec"]["triggers"]:
            assert trigger["metadata"]["sasl"] == "scram_sha256"
            assert trigger["metadata"]["tls"] == "enable"
            assert trigger["authenticationRef"] == {"name": f"{FULLNAME}-kafka"}


@pytest.mark.parametrize(
    ("mechanism", "keda"),
    [("PLAIN", "plaintext"), ("SCRAM-SHA-256", "scram_sha256"), ("SCRAM-SHA-512", "scram_sha512")],
)
def test_sasl_plaintext_names_keda_the_same_mechanism_without_tls(
    mechanism: str, keda: str
) -> None:
    manifests = render(kafka("SASL_PLAINTEXT", mechanism))
    assert config_of(manifests)["KAFKA_SASL_MECHANISM"] == mechanism
    auth = of_kind(manifests, "TriggerAuthentication")[f"{FULLNAME}-kafka"]["spec"]
    assert {r["parameter"] for r in auth["secretTargetRef"]} == {"username", "password"}
    for scaled in of_kind(manifests, "ScaledObject").values():
        for trigger in scaled["spec"]["triggers"]:
            assert trigger["metadata"]["sasl"] == keda
            assert "tls" not in trigger["metadata"]


def test_tls_only_with_a_configmap_ca_bundle() -> None:
    manifests = render(kafka("SSL", configMapName="kafka-ca-bundle", key="bundle.pem"))
    config = config_of(manifests)
    assert config["KAFKA_SSL_CA_FILE"] == f"{CA_DIR}/bundle.pem"
    assert "KAFKA_SASL_MECHANISM" not in config
    for name, pod in pods(manifests).items():
        assert "KAFKA_SASL_USERNAME" not in env_of(pod), name
        volumes = {v["name"]: v for v in pod["volumes"]}
        assert volumes["kafka-ca"]["configMap"] == {
            "name": "kafka-ca-bundle",
            "items": [{"key": "bundle.pem", "path": "bundle.pem"}],
        }
    auth = of_kind(manifests, "TriggerAuthentication")[f"{FULLNAME}-kafka"]
    parse_keda(auth)
    assert "secretTargetRef" not in auth["spec"]
    assert auth["spec"]["configMapTargetRef"] == [
        {"parameter": "ca", "name": "kafka-ca-bundle", "key": "bundle.pem"}
    ]
    for scaled in of_kind(manifests, "ScaledObject").values():
        for trigger in scaled["spec"]["triggers"]:
            assert trigger["metadata"]["tls"] == "enable"
            assert "sasl" not in trigger["metadata"]


def test_without_keda_there_is_no_trigger_authentication() -> None:
    values = kafka("SASL_SSL")
    values["keda"] = {"enabled": False}
    assert of_kind(render(values), "TriggerAuthentication") == {}


@pytest.mark.parametrize(
    "values",
    [
        kafka("SASL_PLAINTEXT", secretName="kafka-ca"),  # a CA without TLS
        kafka("SSL", secretName="a", configMapName="b"),  # two sources
    ],
    ids=["ca without tls", "two ca sources"],
)
def test_inconsistent_kafka_values_fail_to_render(values: dict[str, Any]) -> None:
    with pytest.raises(helm_python.HelmError):
        render(values)
