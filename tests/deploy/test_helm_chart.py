"""The Helm chart (deploy/helm/cypheredge), linted and rendered offline.

Every rendered object is checked against Kubernetes' schemas (strict: an unknown field
fails) and KEDA's objects against cloudcoil's KEDA models. What the chart must agree with is
read from the code, never retyped here: the processes (cli stack/services.py), the event
flow (the contracts' catalogue and topics) and the one-off jobs (docker-compose.yml).
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import helm_python
import pytest
import yaml  # type: ignore[import-untyped]

from cetest.helm import (
    CHART,
    FULLNAME,
    KEDA_KINDS,
    KUBE_VERSIONS,
    MONITORING_KINDS,
    REPO,
    Manifest,
    chart_copy,
    lint,
    lint_problems,
    notes,
    of_kind,
    parse_keda,
    render,
    secret_like,
    validate_builtin,
)
from cypheredge.cli import chart_catalogue
from cypheredge.cli.stack.services import PROCESSES
from cypheredge.contracts.catalogue import EXTRACTOR_GPU, SERVICES
from cypheredge.contracts.topics import STATEMENT_OCR

# Everything optional turned on: what an operator with the Prometheus Operator, an ingress
# controller and a SASL-protected Kafka sets.
FULL_VALUES: dict[str, Any] = {
    "ingress": {
        "enabled": True,
        "className": "nginx",
        "annotations": {"nginx.ingress.kubernetes.io/proxy-body-size": "250m"},
        "hosts": [{"host": "api.example.test", "paths": [{"path": "/", "pathType": "Prefix"}]}],
        "tls": [{"secretName": "api-tls", "hosts": ["api.example.test"]}],
    },
    "metrics": {
        "serviceMonitor": {"enabled": True, "labels": {"release": "prometheus"}},
        "prometheusRule": {"enabled": True},
    },
    "config": {
        "oidc": {"issuer": "https://id.example.test", "audience": "cypheredge"},
        "kafka": {
            "securityProtocol": "SASL_SSL",
            "saslMechanism": "SCRAM-SHA-512",
            "caBundle": {"secretName": "kafka-ca", "configMapName": "", "key": "ca.crt"},
        },
    },
}
BUILTIN_KINDS = {
    "ConfigMap",
    "Deployment",
    "HorizontalPodAutoscaler",
    "Ingress",
    "Job",
    "PodDisruptionBudget",
    "Service",
    "ServiceAccount",
}
# Keys of the operator's Secret: no rendered ConfigMap or literal env may carry them.
SECRET_ENV = {
    "DATABASE_URL",
    "DATABASE_SERVICE_PASSWORD",
    "S3_ACCESS_KEY",
    "S3_SECRET_KEY",
    "CYPHEREDGE_SECRET_KEY",
    "REDIS_URL",
    "STRIPE_API_KEY",
    "STRIPE_WEBHOOK_SECRET",
    "SENTRY_DSN",
    "KAFKA_SASL_USERNAME",
    "KAFKA_SASL_PASSWORD",
}
# Where the pods listen: the kubelet and other pods reach them on the pod IP.
ALL_INTERFACES = "0.0.0.0"  # noqa: S104
RULES = {"groups": [{"name": "cypheredge", "rules": [{"alert": "X", "expr": "up == 0"}]}]}


@pytest.fixture(scope="module")
def default() -> list[Manifest]:
    return render()


@pytest.fixture(scope="module")
def full() -> list[Manifest]:
    return render(FULL_VALUES)


def with_values(**changes: Any) -> dict[str, Any]:
    return copy.deepcopy(changes)


def deployment(manifests: list[Manifest], process: str) -> dict[str, Any]:
    return of_kind(manifests, "Deployment")[f"{FULLNAME}-{process}"]


def container(manifests: list[Manifest], process: str) -> dict[str, Any]:
    containers = deployment(manifests, process)["spec"]["template"]["spec"]["containers"]
    assert len(containers) == 1
    found: dict[str, Any] = containers[0]
    return found


def env_of(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {entry["name"]: entry for entry in spec.get("env", [])}


def deployment_of(service: str) -> str:
    return chart_catalogue.DEPLOYMENT_OF.get(service, service)


# ---------------------------------------------------------------- lint and validation


@pytest.mark.parametrize("values", [None, FULL_VALUES], ids=["defaults", "everything-on"])
def test_lint_is_clean(values: dict[str, Any] | None) -> None:
    report = lint(values)
    assert report["total_charts_linted"] == 1
    assert lint_problems(report) == []


@pytest.mark.parametrize("which", ["default", "full"])
def test_every_manifest_validates(which: str, request: pytest.FixtureRequest) -> None:
    manifests: list[Manifest] = request.getfixturevalue(which)
    kinds = {m.kind for m in manifests}
    assert kinds - KEDA_KINDS.keys() - MONITORING_KINDS <= BUILTIN_KINDS
    for manifest in manifests:
        if manifest.kind in KEDA_KINDS:
            parse_keda(manifest.body)
        elif manifest.kind in BUILTIN_KINDS:
            for version in KUBE_VERSIONS:
                validate_builtin(manifest.body, version)
    assert "Secret" not in kinds  # secrets are the operator's, referenced by name only


def test_strict_validation_can_fail(default: list[Manifest]) -> None:
    broken = copy.deepcopy(deployment(default, "ingest"))
    broken["spec"]["template"]["spec"]["containers"][0]["readinesProbe"] = {}
    with pytest.raises(Exception, match="readinesProbe"):
        validate_builtin(broken, KUBE_VERSIONS[0])
    scaled = copy.deepcopy(of_kind(default, "ScaledObject")[f"{FULLNAME}-ingest"])
    scaled["spec"]["maxReplicas"] = 3
    with pytest.raises(AssertionError, match="maxReplicas"):
        parse_keda(scaled)


# ---------------------------------------------------------------- processes


def test_one_deployment_per_process(default: list[Manifest]) -> None:
    deployments = of_kind(default, "Deployment")
    assert set(deployments) == {f"{FULLNAME}-{p.name}" for p in PROCESSES}
    for process in PROCESSES:
        spec = container(default, process.name)
        assert spec["command"] == ["python", "-m", process.module]
        package = process.module.split(".")[1]
        assert spec["image"] == f"cypheredge/{package}:0.1.0"
        assert spec["resources"]["requests"]
        assert spec["resources"]["limits"]


def test_health_endpoints_and_probes(default: list[Manifest]) -> None:
    for process in PROCESSES:
        spec = container(default, process.name)
        env = env_of(spec)
        if process.name == "gateway":
            port, name = 8000, "http"
            assert env["GATEWAY_HOST"]["value"] == ALL_INTERFACES
            assert env["GATEWAY_PORT"]["value"] == "8000"
        elif process.health_env:
            port, name = 9000, "metrics"
            assert env[process.health_env]["value"] == str(port)
            assert env[process.health_env.replace("_PORT", "_HOST")]["value"] == ALL_INTERFACES
        else:  # a process without a health endpoint: nothing to probe
            assert "ports" not in spec
            assert "readinessProbe" not in spec
            continue
        assert spec["ports"] == [{"name": name, "containerPort": port, "protocol": "TCP"}]
        assert spec["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": name}
        assert spec["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": name}
        assert spec["startupProbe"]["httpGet"] == {"path": "/healthz", "port": name}


def test_pods_are_hardened(default: list[Manifest]) -> None:
    pods = [d["spec"]["template"]["spec"] for d in of_kind(default, "Deployment").values()]
    pods += [j["spec"]["template"]["spec"] for j in of_kind(default, "Job").values()]
    for pod in pods:
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert pod["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
        assert pod["automountServiceAccountToken"] is False
        volumes = {v["name"]: v for v in pod["volumes"]}
        assert "emptyDir" in volumes["tmp"]
        for spec in pod["containers"]:
            security = spec["securityContext"]
            assert security["runAsNonRoot"] is True
            assert security["runAsUser"] == 10001
            assert security["readOnlyRootFilesystem"] is True
            assert security["allowPrivilegeEscalation"] is False
            assert security["capabilities"] == {"drop": ["ALL"]}
            assert security["seccompProfile"] == {"type": "RuntimeDefault"}
            mounts = {m["mountPath"]: m["name"] for m in spec["volumeMounts"]}
            assert mounts["/tmp"] == "tmp"
    gateway = container(default, "gateway")
    spool = env_of(gateway)["GATEWAY_SPOOL_DIR"]["value"]
    assert {m["mountPath"]: m["name"] for m in gateway["volumeMounts"]}[spool] == "spool"


def test_a_disruption_budget_per_process(default: list[Manifest]) -> None:
    budgets = of_kind(default, "PodDisruptionBudget")
    assert set(budgets) == {f"{FULLNAME}-{p.name}" for p in PROCESSES}
    for process in PROCESSES:
        selector = budgets[f"{FULLNAME}-{process.name}"]["spec"]["selector"]["matchLabels"]
        labels = deployment(default, process.name)["spec"]["template"]["metadata"]["labels"]
        assert selector.items() <= labels.items()


def test_services_for_the_gateway_and_metrics(default: list[Manifest]) -> None:
    services = of_kind(default, "Service")
    served = {p.name for p in PROCESSES if p.health_env or p.name == "gateway"}
    assert set(services) == {f"{FULLNAME}-{name}" for name in served}
    for name in served:
        service = services[f"{FULLNAME}-{name}"]
        ports = {p["name"]: p for p in service["spec"]["ports"]}
        assert set(ports) == ({"http"} if name == "gateway" else {"metrics"})
        pod = deployment(default, name)["spec"]["template"]
        assert service["spec"]["selector"].items() <= pod["metadata"]["labels"].items()
        named = {p["name"] for p in pod["spec"]["containers"][0]["ports"]}
        assert {p["targetPort"] for p in ports.values()} <= named


# ---------------------------------------------------------------- configuration and secrets


def test_config_from_configmap_secrets_by_reference(default: list[Manifest]) -> None:
    configmap = of_kind(default, "ConfigMap")[f"{FULLNAME}-config"]
    assert not SECRET_ENV & configmap["data"].keys()
    assert configmap["data"]["KAFKA_BOOTSTRAP_SERVERS"] == "redpanda:9092"
    for process in PROCESSES:
        spec = container(default, process.name)
        assert spec["envFrom"] == [{"configMapRef": {"name": f"{FULLNAME}-config"}}]
        env = env_of(spec)
        assert {"DATABASE_URL", "DATABASE_SERVICE_PASSWORD"} <= env.keys()
        for name in SECRET_ENV & env.keys():
            ref = env[name]["valueFrom"]["secretKeyRef"]
            assert ref["name"] == "cypheredge"
            assert ref["key"] == name
            assert "value" not in env[name]
    # Least privilege: Stripe's API key only in billing, the sealing key not in billing.
    assert "STRIPE_API_KEY" in env_of(container(default, "billing"))
    assert "STRIPE_API_KEY" not in env_of(container(default, "gateway"))
    assert "CYPHEREDGE_SECRET_KEY" not in env_of(container(default, "billing"))
    assert "CYPHEREDGE_SECRET_KEY" in env_of(container(default, "ingest"))


def test_existing_secret_name_is_followed() -> None:
    manifests = render(with_values(secrets={"existingSecret": "prod-cypheredge"}))
    refs = {
        entry["valueFrom"]["secretKeyRef"]["name"]
        for manifest in manifests
        if manifest.kind in {"Deployment", "Job"}
        for spec in manifest.body["spec"]["template"]["spec"]["containers"]
        for entry in spec.get("env", [])
        if "valueFrom" in entry
    }
    assert refs == {"prod-cypheredge"}


def test_values_yaml_holds_no_secret_values() -> None:
    values = yaml.safe_load((CHART / "values.yaml").read_text("utf-8"))
    assert secret_like(values) == []
    # The check itself finds what it must.
    sample = {
        "db": {"password": "hunter2", "passwordFile": ""},
        "stripe": {"apiKey": "x", "url": "sk_live_abc"},
        "redis": {"url": "redis://user:pw@redis:6379/0"},
        "secrets": {"existingSecret": "fine"},
    }
    assert secret_like(sample) == ["db.password", "stripe.apiKey", "stripe.url", "redis.url"]


def test_oidc_needs_both_settings() -> None:
    rendered = of_kind(render(FULL_VALUES), "ConfigMap")[f"{FULLNAME}-config"]["data"]
    assert rendered["OIDC_ISSUER"] == "https://id.example.test"
    assert rendered["OIDC_AUDIENCE"] == "cypheredge"
    with pytest.raises(helm_python.HelmRenderError, match=r"oidc\.audience"):
        render(with_values(config={"oidc": {"issuer": "https://id.example.test"}}))


# ---------------------------------------------------------------- autoscaling


def test_each_consumer_has_exactly_one_scaled_object(default: list[Manifest]) -> None:
    scaled = of_kind(default, "ScaledObject")
    consumers = [service for service in SERVICES if service.consumes]
    assert set(scaled) == {f"{FULLNAME}-{deployment_of(s.name)}" for s in consumers}
    for service in consumers:
        name = f"{FULLNAME}-{deployment_of(service.name)}"
        spec = scaled[name]["spec"]
        assert spec["scaleTargetRef"] == {
            "apiVersion": "apps/v1",
            "kind": "Deployment",
            "name": name,
        }
        assert name in of_kind(default, "Deployment")
        triggers = spec["triggers"]
        assert {t["type"] for t in triggers} == {"kafka"}
        topics = [t["metadata"]["topic"] for t in triggers]
        assert sorted(topics) == sorted(t.name for t in service.consumes)  # one per topic
        assert {t["metadata"]["consumerGroup"] for t in triggers} == {service.group_id}
        assert {t["metadata"]["bootstrapServers"] for t in triggers} == {"redpanda:9092"}
        assert all(int(t["metadata"]["lagThreshold"]) >= 1 for t in triggers)
        largest = max(topic.partitions for topic in service.consumes)
        assert spec["maxReplicaCount"] == largest
        assert 0 <= spec["minReplicaCount"] <= spec["maxReplicaCount"]
        # KEDA owns the replica count: the Deployment must not pin one.
        assert "replicas" not in deployment(default, deployment_of(service.name))["spec"]


def test_values_may_lower_the_replica_ceiling_never_raise_it() -> None:
    lowered = render(with_values(processes={"ingest": {"autoscaling": {"maxReplicaCount": 2}}}))
    assert of_kind(lowered, "ScaledObject")[f"{FULLNAME}-ingest"]["spec"]["maxReplicaCount"] == 2
    raised = with_values(processes={"ingest": {"autoscaling": {"maxReplicaCount": 7}}})
    with pytest.raises(helm_python.HelmRenderError, match="largest partition count"):
        render(raised)
    inverted = with_values(
        processes={"ingest": {"autoscaling": {"minReplicaCount": 3, "maxReplicaCount": 2}}}
    )
    with pytest.raises(helm_python.HelmRenderError, match="minReplicaCount"):
        render(inverted)


def test_the_gpu_extractor_scales_to_zero_on_gpu_nodes(default: list[Manifest]) -> None:
    name = deployment_of(EXTRACTOR_GPU.name)
    pod = deployment(default, name)["spec"]["template"]["spec"]
    assert pod["nodeSelector"] == {"nvidia.com/gpu.present": "true"}
    assert {"key": "nvidia.com/gpu", "operator": "Exists", "effect": "NoSchedule"} in pod[
        "tolerations"
    ]
    assert pod["containers"][0]["resources"]["limits"]["nvidia.com/gpu"] == 1
    assert env_of(pod["containers"][0])["EXTRACTOR_GPU_DEVICE"]["value"] == "cuda"
    spec = of_kind(default, "ScaledObject")[f"{FULLNAME}-{name}"]["spec"]
    assert spec["minReplicaCount"] == 0
    assert [t["metadata"]["topic"] for t in spec["triggers"]] == [STATEMENT_OCR.name]
    # No other pod asks for a GPU.
    for process in PROCESSES:
        if process.name != name:
            assert "nvidia.com/gpu" not in container(default, process.name)["resources"]["limits"]


def test_the_gateway_scales_on_cpu(default: list[Manifest]) -> None:
    hpa = of_kind(default, "HorizontalPodAutoscaler")
    assert set(hpa) == {f"{FULLNAME}-gateway"}
    spec = hpa[f"{FULLNAME}-gateway"]["spec"]
    assert spec["scaleTargetRef"]["name"] == f"{FULLNAME}-gateway"
    assert spec["metrics"][0]["resource"]["name"] == "cpu"
    assert spec["minReplicas"] >= 2
    assert "replicas" not in deployment(default, "gateway")["spec"]
    assert deployment(default, "relay")["spec"]["replicas"] == 2


def test_without_keda_consumers_run_fixed_replicas() -> None:
    manifests = render(with_values(keda={"enabled": False}))
    assert of_kind(manifests, "ScaledObject") == {}
    assert deployment(manifests, "ingest")["spec"]["replicas"] == 1
    assert deployment(manifests, "extractor-gpu")["spec"]["replicas"] == 0


def test_sasl_for_keda_through_a_trigger_authentication(
    default: list[Manifest], full: list[Manifest]
) -> None:
    assert of_kind(default, "TriggerAuthentication") == {}
    auth = of_kind(full, "TriggerAuthentication")[f"{FULLNAME}-kafka"]
    refs = {r["parameter"]: r for r in auth["spec"]["secretTargetRef"]}
    assert set(refs) == {"username", "password", "ca"}
    assert {refs["username"]["name"], refs["password"]["name"]} == {"cypheredge"}
    assert (refs["ca"]["name"], refs["ca"]["key"]) == ("kafka-ca", "ca.crt")
    for scaled in of_kind(full, "ScaledObject").values():
        for trigger in scaled["spec"]["triggers"]:
            assert trigger["authenticationRef"] == {"name": f"{FULLNAME}-kafka"}
            assert trigger["metadata"]["sasl"] == "scram_sha512"
            assert trigger["metadata"]["tls"] == "enable"
    for scaled in of_kind(default, "ScaledObject").values():
        assert all("authenticationRef" not in t for t in scaled["spec"]["triggers"])


# ---------------------------------------------------------------- jobs, ingress, monitoring


def test_jobs_are_hooks_running_the_compose_commands(default: list[Manifest]) -> None:
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text("utf-8"))["services"]
    jobs = of_kind(default, "Job")
    assert set(jobs) == {f"{FULLNAME}-migrate", f"{FULLNAME}-provision-topics"}
    for job, service in (("migrate", "migrate"), ("provision-topics", "provision-topics")):
        body = jobs[f"{FULLNAME}-{job}"]
        assert body["metadata"]["annotations"]["helm.sh/hook"] == "pre-install,pre-upgrade"
        spec = body["spec"]["template"]["spec"]
        assert spec["restartPolicy"] == "Never"
        assert spec["containers"][0]["command"] == compose[service]["command"]
        assert spec["containers"][0]["image"] == "cypheredge/cli:0.1.0"
        # Hooks run before the release's ConfigMap exists: their settings are inline.
        assert "envFrom" not in spec["containers"][0]
    migrate = env_of(jobs[f"{FULLNAME}-migrate"]["spec"]["template"]["spec"]["containers"][0])
    assert "secretKeyRef" in migrate["DATABASE_URL"]["valueFrom"]
    assert migrate["KAFKA_BOOTSTRAP_SERVERS"]["value"] == "redpanda:9092"


def test_ingress_routes_to_the_gateway(default: list[Manifest], full: list[Manifest]) -> None:
    assert of_kind(default, "Ingress") == {}
    ingress = of_kind(full, "Ingress")[f"{FULLNAME}-gateway"]["spec"]
    assert ingress["ingressClassName"] == "nginx"
    backend = ingress["rules"][0]["http"]["paths"][0]["backend"]["service"]
    service = of_kind(full, "Service")[backend["name"]]
    assert backend["port"]["name"] in {p["name"] for p in service["spec"]["ports"]}
    assert ingress["tls"] == [{"secretName": "api-tls", "hosts": ["api.example.test"]}]


def test_service_monitor_scrapes_every_metrics_service(
    default: list[Manifest], full: list[Manifest]
) -> None:
    assert of_kind(default, "ServiceMonitor") == {}
    monitor = of_kind(full, "ServiceMonitor")[FULLNAME]
    assert monitor["apiVersion"] == "monitoring.coreos.com/v1"
    assert monitor["metadata"]["labels"]["release"] == "prometheus"
    selector = monitor["spec"]["selector"]["matchLabels"]
    ports = {e["port"] for e in monitor["spec"]["endpoints"]}
    assert {e["path"] for e in monitor["spec"]["endpoints"]} == {"/metrics"}
    for service in of_kind(full, "Service").values():
        assert selector.items() <= service["metadata"]["labels"].items()
        assert {p["name"] for p in service["spec"]["ports"]} & ports


def test_prometheus_rule_only_from_the_rules_file(full: list[Manifest], tmp_path: Path) -> None:
    if not (CHART / "files" / "prometheus-rules.yaml").exists():
        assert of_kind(full, "PrometheusRule") == {}
    for shape in (RULES, {"apiVersion": "monitoring.coreos.com/v1", "spec": RULES}):
        chart = chart_copy(tmp_path / str(len(list(tmp_path.iterdir()))))
        (chart / "files" / "prometheus-rules.yaml").write_text(yaml.safe_dump(shape))
        rules = of_kind(render(FULL_VALUES, chart=chart), "PrometheusRule")[FULLNAME]
        assert rules["spec"]["groups"] == RULES["groups"]
        assert lint_problems(lint(FULL_VALUES, chart=chart)) == []
        off = with_values(metrics={"prometheusRule": {"enabled": False}})
        assert of_kind(render(off, chart=chart), "PrometheusRule") == {}


def test_notes_say_what_to_create() -> None:
    text = notes()
    assert 'Secret "cypheredge"' in text
    assert "port-forward" in text
    assert "https://api.example.test/" in notes(FULL_VALUES)


# ---------------------------------------------------------------- the values schema

BAD_VALUES = {
    "unknown top-level key": {"replicaCount": 3},
    "unknown process": {"processes": {"ocr": {"replicas": 1}}},
    "unknown process setting": {"processes": {"ingest": {"replica": 2}}},
    "a secret value": {"secrets": {"existingSecret": "x", "DATABASE_URL": "postgresql://a:b@c/d"}},
    "writable root filesystem": {"securityContext": {"readOnlyRootFilesystem": False}},
    "zero lag threshold": {"processes": {"extractor": {"autoscaling": {"lagThreshold": 0}}}},
    "s3 endpoint with a scheme": {"config": {"s3": {"endpoint": "https://minio:9000"}}},
    "bad sasl mechanism": {"config": {"kafka": {"saslMechanism": "GSSAPI"}}},
    "bad kafka protocol": {"config": {"kafka": {"securityProtocol": "TLS"}}},
    "keda's own sasl switch": {"keda": {"sasl": {"enabled": True}}},
}


@pytest.mark.parametrize("values", BAD_VALUES.values(), ids=BAD_VALUES.keys())
def test_schema_rejects_bad_values(values: dict[str, Any]) -> None:
    assert lint_problems(lint(values)), "lint accepted values the schema forbids"
    with pytest.raises(helm_python.HelmValuesError):
        render(values)


def test_schema_requires_every_process_of_the_catalogue() -> None:
    schema = json.loads((CHART / "values.schema.json").read_text("utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["additionalProperties"] is False
    names = {p.name for p in PROCESSES}
    assert set(schema["properties"]["processes"]["required"]) == names
    defaults = yaml.safe_load((CHART / "values.yaml").read_text("utf-8"))
    assert set(defaults["processes"]) == names


# ---------------------------------------------------------------- the generated catalogue


def test_catalogue_check_passes_for_the_committed_file() -> None:
    assert chart_catalogue.main(["--check"]) == 0
    committed = json.loads(chart_catalogue.default_path().read_text("utf-8"))
    assert [p["name"] for p in committed["processes"]] == [p.name for p in PROCESSES]


def test_catalogue_check_fails_after_a_change(tmp_path: Path) -> None:
    changed = json.loads(chart_catalogue.default_path().read_text("utf-8"))
    changed["consumers"][0]["topics"][0]["partitions"] += 1
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(changed, indent=2, sort_keys=True) + "\n")
    assert chart_catalogue.main(["--check", "--path", str(path)]) == 1
    assert chart_catalogue.main(["--path", str(path)]) == 0  # rewrites it
    assert chart_catalogue.main(["--check", "--path", str(path)]) == 0
    assert path.read_text("utf-8") == chart_catalogue.render()


def test_catalogue_check_runs_as_a_module(tmp_path: Path) -> None:
    missing = tmp_path / "absent.json"
    command = [sys.executable, "-m", "cypheredge.cli.chart_catalogue", "--check"]
    assert subprocess.run(command, capture_output=True, timeout=60).returncode == 0
    failed = subprocess.run([*command, "--path", str(missing)], capture_output=True, timeout=60)
    assert failed.returncode == 1
    assert b"out of date" in failed.stderr


def test_readme_scaling_table_matches_the_chart(default: list[Manifest]) -> None:
    readme = (CHART / "README.md").read_text("utf-8")
    rows = {
        cells[0].strip("`"): cells
        for line in readme.splitlines()
        if line.startswith("| `")
        and len(cells := [c.strip() for c in line.strip("|").split("|")]) == 6
    }
    scaled = of_kind(default, "ScaledObject")
    consumers = [service for service in SERVICES if service.consumes]
    assert set(rows) == {deployment_of(s.name) for s in consumers}
    for service in consumers:
        name = deployment_of(service.name)
        _, group, topics, low, high, lag = rows[name]
        spec = scaled[f"{FULLNAME}-{name}"]["spec"]
        assert group == f"`{service.group_id}`"
        assert topics == ", ".join(f"`{t.name}` ({t.partitions})" for t in service.consumes)
        assert (int(low), int(high)) == (spec["minReplicaCount"], spec["maxReplicaCount"])
        assert lag == spec["triggers"][0]["metadata"]["lagThreshold"]
