"""Sentry through a local endpoint that receives the SDK's envelopes (DSN on 127.0.0.1).

A forced error in a gateway route and one in a consumer handler arrive, tagged, and without
the Authorization or Cookie header, the request body, statement passwords, statement text
or local variables.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, cast
from uuid import uuid4

import httpx
import pytest
import sentry_sdk
from faststream.kafka import KafkaRouter

from cetest.collectors import SentryServer, sentry_server
from cetest.http import serve
from cetest.kafka import Pinged
from cetest.pdfs import DIGITAL, sample
from cetest.streams import MEMORY, started
from cypheredge.contracts import Envelope
from cypheredge.contracts.catalogue import BILLING
from cypheredge.contracts.topics import USAGE
from cypheredge.gateway.api.app import create_app
from cypheredge.gateway.api.observability import sentry_integrations
from cypheredge.gateway.api.routes import batches as batch_routes
from cypheredge.gateway.bootstrap import build
from cypheredge.gateway.service.accounts import create_org
from cypheredge.gateway.settings import GatewaySettings
from cypheredge.kit.sentry import FILTERED, scrub_event
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.stream import CurrentEnvelope, ignore_others, of_type, subscriber
from cypheredge.kit.telemetry import TelemetrySettings, setup_telemetry

PASSWORD = "Pdf-Password-7731"
ROW_TEXT = "TESCO STORES 4411 CARDIFF"
COOKIE = "session=cookie-secret-9912"


@pytest.fixture
def sentry() -> Iterator[SentryServer]:
    with sentry_server() as server:
        settings = TelemetrySettings(sentry_dsn=server.dsn, sentry_environment="test")
        telemetry = setup_telemetry("test", settings, sentry_integrations=sentry_integrations())
        assert telemetry.sentry
        assert telemetry.provider is None
        try:
            yield server
        finally:
            telemetry.shutdown()


def _everything(server: SentryServer) -> bytes:
    return b"\n".join(server.raw())


@pytest.mark.integration
async def test_a_route_error_arrives_without_credentials_body_or_passwords(
    infra: InfraSettings, sentry: SentryServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    gateway = build(infra, GatewaySettings(rate_limit_burst=10_000, rate_limit_by_plan=False))
    created = await create_org(gateway.db, "Sentry org")

    async def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("submission broke")

    monkeypatch.setattr(batch_routes, "submit_batch", broken)
    try:
        async with serve(create_app(gateway)) as url, httpx.AsyncClient(base_url=url) as http:
            answer = await http.post(
                "/v1/batches?token=query-secret-5521",
                headers={"Authorization": f"Bearer {created.api_key}", "Cookie": COOKIE},
                files=[("files", (DIGITAL, sample(DIGITAL), "application/pdf"))],
                data={"passwords": json.dumps({DIGITAL: PASSWORD})},
            )
    finally:
        await gateway.db.dispose()
    assert answer.status_code == 500
    sentry_sdk.flush(5)
    events = [e for e in sentry.events() if _exception_value(e) == "submission broke"]
    assert events, sentry.events()
    event = events[0]
    assert event["request"]["method"] == "POST"
    assert event["transaction"] == "/v1/batches"
    assert event["environment"] == "test"
    assert set(event["request"].get("headers", {})) <= {
        "content-type",
        "content-length",
        "user-agent",
        "x-request-id",
    }
    raw = _everything(sentry)
    for secret in (created.api_key, "cookie-secret-9912", PASSWORD, "query-secret-5521"):
        assert secret.encode() not in raw
    assert b"%PDF" not in raw
    assert b"Content-Disposition" not in raw
    assert all("vars" not in f for f in _frames(event))


class UsagePinged(Pinged):
    topic = USAGE.name


async def test_a_handler_error_arrives_tagged_without_statement_data(
    sentry: SentryServer,
) -> None:
    def router(group_id: str) -> KafkaRouter:
        router = KafkaRouter()
        sub = subscriber(router, USAGE, group_id=group_id)

        @sub(filter=of_type(UsagePinged))
        async def pinged(event: UsagePinged, envelope: CurrentEnvelope) -> None:
            rows = [{"description": ROW_TEXT, "password": PASSWORD}]  # locals: never sent
            raise RuntimeError(f"statement {event.n}: {len(rows)} rows do not reconcile")

        ignore_others(sub)
        return router

    envelope = Envelope.wrap(UsagePinged(subject_id=uuid4(), n=7), org_id=uuid4(), source="/t")
    async with started(BILLING, router, MEMORY) as running:
        await running.deliver(envelope, USAGE.name)
    sentry_sdk.flush(5)
    events = [e for e in sentry.events() if "do not reconcile" in _exception_value(e)]
    assert len(events) == 1, sentry.events()  # once per record given up on, not per attempt
    tags = events[0]["tags"]
    assert tags["topic"] == USAGE.name
    assert tags["consumer"] == BILLING.group_id
    assert events[0]["extra"]["attempts"] == 3
    raw = _everything(sentry)
    assert ROW_TEXT.encode() not in raw
    assert PASSWORD.encode() not in raw
    assert all("vars" not in f for f in _frames(events[0]))


def test_the_scrubber_removes_what_an_integration_might_add() -> None:
    event: dict[str, Any] = {
        "request": {
            "url": "https://api.example/v1/batches?token=abc",
            "query_string": "token=abc",
            "headers": {"Authorization": "Bearer ce_x", "Cookie": "a=b", "User-Agent": "t"},
            "data": {"passwords": "{}"},
            "cookies": {"a": "b"},
        },
        "exception": {
            "values": [
                {
                    "value": f"1 validation error\n  input_value='{ROW_TEXT}', input_type=str",
                    "stacktrace": {"frames": [{"function": "f", "vars": {"row": ROW_TEXT}}]},
                }
            ]
        },
        "extra": {"password": PASSWORD, "nested": {"description": ROW_TEXT}, "attempts": 2},
        "breadcrumbs": {"values": [{"message": "query", "data": {"db.params": [PASSWORD]}}]},
    }
    scrubbed = scrub_event(cast(Any, event), cast(Any, {}))
    assert scrubbed is not None
    text = json.dumps(scrubbed)
    assert ROW_TEXT not in text
    assert PASSWORD not in text
    assert "ce_x" not in text
    assert "token=abc" not in text
    assert scrubbed["request"]["headers"] == {"User-Agent": "t"}
    assert scrubbed["extra"] == {
        "password": FILTERED,
        "nested": {"description": FILTERED},
        "attempts": 2,
    }


def _exception_value(event: dict[str, Any]) -> str:
    values = (event.get("exception") or {}).get("values") or [{}]
    return str(values[-1].get("value", ""))


def _frames(event: dict[str, Any]) -> list[dict[str, Any]]:
    frames: list[dict[str, Any]] = []
    for value in (event.get("exception") or {}).get("values") or []:
        frames.extend((value.get("stacktrace") or {}).get("frames") or [])
    return frames
