"""Session infrastructure for integration tests: a real PostgreSQL and a real Kafka broker.

PostgreSQL: ``TEST_DATABASE_URL`` (an admin URL), else the machine's server on 127.0.0.1:5432,
else an embedded server. Each test session gets a fresh database, migrated by the services'
own Alembic migrations. Kafka: ``KAFKA_BOOTSTRAP_SERVERS``, else an embedded Tansu broker,
with every topic provisioned explicitly. Both start once per session (consumer groups take
seconds to join on Tansu).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy.engine import make_url

from cetest.s3 import S3Server, s3_server
from cypheredge.cli.stack.embedded import EmbeddedBroker, EmbeddedPostgres
from cypheredge.cli.stack.provision import migrate_all
from cypheredge.kit.db import libpq_dsn
from cypheredge.kit.kafka import provision_topics, wait_for_broker
from cypheredge.kit.settings import InfraSettings

LOCAL_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"

# Tests share orgs and poll far faster than a plan lets a client (free: 60 a minute, a burst
# of 10): every gateway they start, in process or as a stack, leaves plans' rates off, and
# test_plan_rate_limits.py turns them on to test them.
os.environ.setdefault("GATEWAY_RATE_LIMIT_BY_PLAN", "false")


def _reachable(url: str) -> bool:
    try:
        with psycopg.connect(libpq_dsn(url), connect_timeout=3):
            return True
    except psycopg.OperationalError:
        return False


@pytest.fixture(scope="session")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    configured = os.environ.get("TEST_DATABASE_URL")
    if configured or _reachable(LOCAL_PG):
        yield configured or LOCAL_PG
        return
    with EmbeddedPostgres(tmp_path_factory.mktemp("pg")) as embedded:
        yield embedded.start()


@pytest.fixture(scope="session")
def admin_url(server_url: str) -> Iterator[str]:
    """A fresh database for this session (dropped at the end), as its owner."""
    name = f"cypheredge_test_{secrets.token_hex(4)}"
    with psycopg.connect(libpq_dsn(server_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    yield url
    with psycopg.connect(libpq_dsn(server_url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def broker() -> Iterator[str]:
    configured = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if configured:
        yield configured
        return
    with EmbeddedBroker() as embedded:
        yield embedded.start()


@pytest.fixture(scope="session")
def infra(admin_url: str, broker: str, tmp_path_factory: pytest.TempPathFactory) -> InfraSettings:
    """Settings of a migrated database, provisioned broker and local storage."""
    settings = InfraSettings(
        database_url=admin_url,
        kafka_bootstrap_servers=broker,
        storage_dir=tmp_path_factory.mktemp("storage"),
        cypheredge_secret_key="k2vM2l3l0o3J7m8J0ZfS0cJ0mB1d0nUqkR2ZyT6d2Yw=",
        log_json=False,
    )
    migrate_all(settings)
    return settings


@pytest.fixture(scope="session")
async def topics(infra: InfraSettings) -> str:
    await wait_for_broker(infra.kafka_bootstrap_servers, within=30)
    await provision_topics(infra.kafka_bootstrap_servers)
    return infra.kafka_bootstrap_servers


@pytest.fixture(scope="session")
def s3(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    """A real S3-compatible server (SeaweedFS) for the session."""
    with s3_server(tmp_path_factory.mktemp("s3")) as running:
        yield running


@pytest.fixture(params=["memory", pytest.param("real", marks=pytest.mark.integration)])
def stream_bootstrap(request: pytest.FixtureRequest) -> str:
    """Where a handler test's app runs: FastStream's in-memory broker, then the real one."""
    if request.param == "memory":
        return "memory"
    bootstrap: str = request.getfixturevalue("broker")
    return bootstrap
