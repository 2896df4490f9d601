"""The OpenAPI document is the contract: it declares the security scheme, typed responses,
stable operation ids and a problem+json answer for every error, and a bounded schemathesis
run over real HTTP (real PostgreSQL behind) finds no server error and no mismatch with it.

Schemathesis is synchronous, so the gateway runs in a thread with its own event loop (and
its own database engine, which belongs to that loop).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from uuid import UUID, uuid4

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from cetest.http import serve
from cetest.pdfs import DIGITAL, sample
from cypheredge.contracts import Envelope
from cypheredge.contracts.events.report import ReportReady, ReportSummary
from cypheredge.contracts.export_index import encode_export, index_key
from cypheredge.gateway.api.app import create_app
from cypheredge.gateway.bootstrap import build
from cypheredge.gateway.infra.models import inbox
from cypheredge.gateway.service.accounts import create_org
from cypheredge.gateway.service.projection import Projector
from cypheredge.gateway.settings import GatewaySettings, StripeSettings
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.settings import InfraSettings

pytestmark = [pytest.mark.integration, pytest.mark.slow]
MAX_EXAMPLES = 50
UNLIMITED = GatewaySettings(
    rate_limit_global_per_minute=10**7,
    rate_limit_global_burst=10**6,
    rate_limit_client_per_minute=10**7,
    rate_limit_client_burst=10**6,
    rate_limit_per_minute=10**7,
    rate_limit_burst=10**6,
    rate_limit_by_plan=False,
    max_files=5,
    max_file_bytes=1_000_000,
    max_total_bytes=2_000_000,
)
OPERATIONS = {
    ("POST", "/v1/batches"): "createBatch",
    ("GET", "/v1/batches"): "listBatches",
    ("GET", "/v1/batches/{batch_id}"): "getBatch",
    ("GET", "/v1/batches/{batch_id}/report"): "getBatchReport",
    ("GET", "/v1/batches/{batch_id}/transactions"): "getBatchTransactions",
    ("GET", "/v1/usage"): "getUsage",
    ("GET", "/v1/billing/subscription"): "getSubscription",
    ("POST", "/v1/stripe/webhooks"): "receiveStripeWebhook",
    ("POST", "/v1/users"): "createUser",
    ("GET", "/v1/users"): "listUsers",
    ("PATCH", "/v1/users/{user_id}"): "updateUser",
    ("DELETE", "/v1/users/{user_id}"): "deleteUser",
    ("POST", "/v1/api_keys"): "createApiKey",
    ("GET", "/v1/api_keys"): "listApiKeys",
    ("DELETE", "/v1/api_keys/{key_id}"): "deleteApiKey",
    ("POST", "/v1/webhook_endpoints"): "createWebhookEndpoint",
    ("GET", "/v1/webhook_endpoints"): "listWebhookEndpoints",
    ("GET", "/v1/webhook_endpoints/{endpoint_id}"): "getWebhookEndpoint",
    ("DELETE", "/v1/webhook_endpoints/{endpoint_id}"): "deleteWebhookEndpoint",
    ("POST", "/v1/webhook_endpoints/{endpoint_id}/test"): "testWebhookEndpoint",
    ("GET", "/v1/webhook_endpoints/{endpoint_id}/deliveries"): "listWebhookDeliveries",
}
# Stripe signs its webhooks; it has no API key.
UNAUTHENTICATED = {"/v1/stripe/webhooks"}


@dataclass(frozen=True)
class Live:
    url: str
    api_key: str
    org_id: str

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"}


@pytest.fixture(scope="module")
def live(infra: InfraSettings) -> Iterator[Live]:
    ready: dict[str, str] = {}
    started, stop = threading.Event(), threading.Event()
    failure: list[BaseException] = []

    async def run() -> None:
        container = build(infra, UNLIMITED, StripeSettings(stripe_webhook_secret="whsec_contract"))
        try:
            created = await create_org(container.db, "Contract")
            async with serve(create_app(container)) as url:
                ready.update(url=url, key=created.api_key, org=str(created.org_id))
                started.set()
                await asyncio.to_thread(stop.wait)
        finally:
            await container.db.dispose()

    def thread() -> None:
        try:
            asyncio.run(run())
        except BaseException as exc:
            failure.append(exc)
            started.set()

    worker = threading.Thread(target=thread, name="gateway-under-contract", daemon=True)
    worker.start()
    assert started.wait(60), "the gateway did not start"
    if failure:
        raise failure[0]
    yield Live(ready["url"], ready["key"], ready["org"])
    stop.set()
    worker.join(30)


@pytest.fixture(scope="module")
def document(live: Live) -> dict[str, Any]:
    spec: dict[str, Any] = requests.get(f"{live.url}/openapi.json", timeout=10).json()
    return spec


def test_the_document_declares_the_scheme_the_ids_and_typed_answers(
    document: dict[str, Any],
) -> None:
    scheme = document["components"]["securitySchemes"]["ApiKey"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    problem = document["components"]["schemas"]["ProblemDetails"]
    assert {"type", "title", "status", "code", "request_id"} <= set(problem["required"])
    found = {}
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            found[(method.upper(), path)] = operation["operationId"]
            for status, response in operation["responses"].items():
                assert "X-Request-ID" in response["headers"], (method, path, status)
                if int(status) >= 400:
                    schema = response["content"]["application/problem+json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/ProblemDetails"}
                    assert set(response["content"]) == {"application/problem+json"}
            if path in UNAUTHENTICATED:
                assert "security" not in operation
                assert {"400", "429", "500", "503"} <= set(operation["responses"])
            elif path.startswith("/v1/"):
                # Either an API key or a signed-in user's token, each with the route's scope.
                schemes = {name for entry in operation["security"] for name in entry}
                assert schemes == {"ApiKey", "OidcJwt"}, (method, path)
                assert {"401", "403", "422", "429", "500"} <= set(operation["responses"])
                assert "Retry-After" in operation["responses"]["429"]["headers"]
    assert OPERATIONS.items() <= found.items()
    assert found[("GET", "/healthz")] == "healthz"
    created = document["paths"]["/v1/batches"]["post"]["responses"]["202"]
    assert created["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/BatchCreated"
    }
    # An org whose plan or subscription does not allow an upload now is told so.
    assert "402" in document["paths"]["/v1/batches"]["post"]["responses"]


CHECKS = [
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


def test_schemathesis_finds_no_server_error_and_no_schema_mismatch(live: Live) -> None:
    schema = schemathesis.openapi.from_url(f"{live.url}/openapi.json")
    operations = []
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), result  # the document itself is valid
        operations.append(result.ok())
    assert {(op.method.upper(), op.path) for op in operations} >= OPERATIONS.keys()
    for operation in operations:
        if operation.path == "/metrics":
            continue  # Prometheus text, outside this contract (see the report)
        modes = [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE]
        strategy = st.one_of(*(operation.as_strategy(generation_mode=m) for m in modes))

        @given(case=strategy)
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            phases=[Phase.explicit, Phase.generate, Phase.shrink],
            suppress_health_check=list(HealthCheck),
        )
        def exercise(case: schemathesis.Case[Any]) -> None:
            response = case.call(base_url=live.url, headers=live.auth, timeout=30)
            assert response.status_code < 500, (case.as_curl_command(), response.text)
            case.validate_response(response, checks=CHECKS)

        exercise()


async def _project_report(infra: InfraSettings, org_id: str, batch_id: str) -> None:
    """The batch's report.ready event, projected, with its artefacts in storage."""
    container = build(infra)
    base = f"{org_id}/{batch_id}/report"
    rows = [{"id": f"txn_{i}", "date": "2025-01-02", "amount": str(i)} for i in range(3)]
    try:
        await container.storage.put(f"{base}/workbook.xlsx", b"PK workbook")
        export, index = encode_export(rows)
        await container.storage.put(f"{base}/t.json", export)
        await container.storage.put(index_key(f"{base}/t.json"), index.encode())
        await container.storage.put(f"{base}/t.csv", b"id,date\n")
        ready = ReportReady(
            batch_id=UUID(batch_id),
            report_id=uuid4(),
            workbook_key=f"{base}/workbook.xlsx",
            workbook_sha256="0" * 64,
            exports={"json": f"{base}/t.json", "csv": f"{base}/t.csv"},
            summary=ReportSummary(
                statements=1, statements_reported=1, transactions=3, reconciled_statements=1
            ),
        )
        envelope = Envelope.wrap(ready, org_id=UUID(org_id), source="/cypheredge/reporter")
        await Projector(container.db, Inbox(inbox)).handle(envelope, ready)
    finally:
        await container.db.dispose()


def test_answers_about_real_batches_conform_to_the_document(
    live: Live, infra: InfraSettings
) -> None:
    """Generated ids rarely exist: these cases use real ones, ready and not ready."""
    schema = schemathesis.openapi.from_url(f"{live.url}/openapi.json")
    upload = {"files": (DIGITAL, sample(DIGITAL), "application/pdf")}
    ids = [
        requests.post(f"{live.url}/v1/batches", headers=live.auth, files=upload, timeout=30).json()[
            "id"
        ]
        for _ in range(2)
    ]
    asyncio.run(_project_report(infra, live.org_id, ids[0]))
    ready, pending = ({"batch_id": i} for i in ids)
    cases: list[tuple[str, dict[str, str], dict[str, Any], int]] = [
        ("/v1/batches", {}, {"limit": 5}, 200),
        ("/v1/batches/{batch_id}", ready, {}, 200),
        ("/v1/batches/{batch_id}", pending, {}, 200),
        ("/v1/batches/{batch_id}/report", ready, {}, 200),
        ("/v1/batches/{batch_id}/report", pending, {}, 409),
        ("/v1/batches/{batch_id}/transactions", ready, {"format": "json", "limit": 2}, 200),
        ("/v1/batches/{batch_id}/transactions", ready, {"format": "csv"}, 200),
        ("/v1/batches/{batch_id}/transactions", ready, {"format": "qif"}, 409),
        ("/v1/batches/{batch_id}/transactions", ready, {"starting_after": "nope"}, 400),
        ("/v1/usage", {}, {}, 200),
        ("/v1/usage", {}, {"period": "2025-01"}, 200),
        ("/v1/usage", {}, {"period": "2025-13"}, 400),
        ("/v1/billing/subscription", {}, {}, 200),
    ]
    for path, parameters, query, status in cases:
        case = schema[path]["GET"].Case(path_parameters=parameters, query=query)
        response = case.call(base_url=live.url, headers=live.auth, timeout=30)
        assert response.status_code == status, (path, query, response.text)
        case.validate_response(response, checks=CHECKS)
