"""The gateway's access log: one JSON line per request, in the platform's log format, with
the route template, status, duration, request id, trace id and org; no query string."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from uuid import uuid4

import httpx
import pytest

from cetest.http import serve
from cypheredge.gateway.api.app import create_app
from cypheredge.gateway.bootstrap import build
from cypheredge.gateway.service.accounts import create_org
from cypheredge.gateway.settings import GatewaySettings
from cypheredge.kit.logging import JsonFormatter
from cypheredge.kit.settings import InfraSettings

pytestmark = pytest.mark.integration
SECRET = "query-secret-4417"


class Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(JsonFormatter("gateway"))
        self.lines: list[dict[str, object]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(json.loads(self.format(record)))


@dataclass
class Gateway:
    http: httpx.AsyncClient
    api_key: str
    org_id: str


@pytest.fixture
def access_lines() -> Iterator[Lines]:
    handler = Lines()
    logger = logging.getLogger("cypheredge.gateway.access")
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.INFO)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


@pytest.fixture
async def gateway(infra: InfraSettings) -> AsyncIterator[Gateway]:
    container = build(infra, GatewaySettings(rate_limit_burst=10_000, rate_limit_by_plan=False))
    created = await create_org(container.db, "Access log org")
    async with serve(create_app(container)) as url, httpx.AsyncClient(base_url=url) as http:
        yield Gateway(http, created.api_key, str(created.org_id))
    await container.db.dispose()


async def test_each_request_is_one_line_with_route_status_ids_and_org(
    gateway: Gateway, access_lines: Lines
) -> None:
    missing = uuid4()
    answer = await gateway.http.get(
        f"/v1/batches/{missing}?token={SECRET}",
        headers={"Authorization": f"Bearer {gateway.api_key}"},
    )
    assert answer.status_code == 404
    (line,) = access_lines.lines
    assert line["service"] == "gateway"
    assert line["logger"] == "cypheredge.gateway.access"
    assert line["method"] == "GET"
    assert line["route"] == "/v1/batches/{batch_id}"
    assert line["status"] == 404
    assert isinstance(line["duration_ms"], float)
    assert line["duration_ms"] >= 0
    assert line["request_id"] == answer.headers["X-Request-ID"]
    assert line["trace_id"] == answer.headers["traceparent"].split("-")[1]
    assert line["org_id"] == gateway.org_id
    assert SECRET not in json.dumps(line)
    assert str(missing) not in json.dumps(line)


async def test_an_unauthenticated_request_has_no_org_and_probes_are_not_logged(
    gateway: Gateway, access_lines: Lines
) -> None:
    assert (await gateway.http.get("/healthz")).status_code == 200
    answer = await gateway.http.get("/v1/batches", headers={"Authorization": "Bearer nope"})
    assert answer.status_code == 401
    (line,) = access_lines.lines
    assert (line["route"], line["status"], line["org_id"]) == ("/v1/batches", 401, None)
    assert line["request_id"] == answer.headers["X-Request-ID"]
