"""One upload is one trace: gateway request -> outbox -> relay publish -> ingest -> extractor
-> reporter -> webhook delivery, across the platform's real processes.

``cypheredge up`` runs every process (embedded PostgreSQL and broker) with
``OTEL_EXPORTER_OTLP_ENDPOINT`` pointing at a local OTLP/HTTP receiver in the test, which
decodes the ``ExportTraceServiceRequest`` protobufs. The stack is stopped before the spans
are looked at: each process flushes its provider as it ends, so what arrived is everything.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from opentelemetry import trace
from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor
from opentelemetry.proto.trace.v1.trace_pb2 import Span as ProtoSpan

from cetest.collectors import OtlpCollector, ReceivedSpan, otlp_collector
from cetest.pdfs import DIGITAL, sample
from cetest.webhooks import receiver
from cypheredge.cli.stack.embedded import free_port
from cypheredge.extractor.service.stages import StageLog, read_stages
from cypheredge.kit import telemetry
from cypheredge.kit.telemetry import TelemetrySettings, setup_telemetry, span, tracing_enabled
from cypheredge.kit.tracing import child_traceparent

CLI = str(Path(sys.executable).with_name("cypheredge"))
HIDDEN = ("DATABASE_URL", "KAFKA_BOOTSTRAP_SERVERS", "S3_ENDPOINT", "REDIS_URL", "SENTRY_DSN")
FASTSTREAM = "opentelemetry.instrumentation.faststream"  # the scope of FastStream's spans
PIPELINE = ("gateway", "gateway-relay", "ingest", "extractor", "reporter", "gateway-webhooks")


def test_with_no_endpoint_nothing_is_installed() -> None:
    handle = setup_telemetry("quiet", TelemetrySettings())
    try:
        assert handle.provider is None
        assert not handle.sentry
        assert not tracing_enabled()
        assert isinstance(trace.get_tracer_provider(), trace.ProxyTracerProvider)
        assert not SQLAlchemyInstrumentor().is_instrumented_by_opentelemetry
        assert not HTTPXClientInstrumentor().is_instrumented_by_opentelemetry
        with span("nothing") as current:
            assert current is None
        assert len(child_traceparent().split("-")) == 4  # the hand-rolled context still works
    finally:
        handle.shutdown()
    assert telemetry.active() is None


def test_disabled_wins_over_an_endpoint() -> None:
    settings = TelemetrySettings(
        otel_exporter_otlp_endpoint="http://127.0.0.1:9", otel_sdk_disabled=True
    )
    assert not settings.tracing
    assert TelemetrySettings(otel_exporter_otlp_traces_endpoint="http://127.0.0.1:9").tracing


def test_stage_timings_keep_what_the_cascade_asks_of_a_reader() -> None:
    class Batch:
        method = "table-model+text"

        def __init__(self) -> None:
            self.expected: list[int] = []

        def read(self, number: int) -> None:
            return None

        def expect(self, numbers: list[int]) -> None:
            self.expected.extend(numbers)

    log = StageLog()
    inner = Batch()
    wrapped: Any = log.wrap("fallback", inner)
    wrapped.expect([2])
    assert wrapped.read(2) is None
    assert inner.expected == [2]
    assert not hasattr(wrapped, "unusable")
    assert not hasattr(wrapped, "skipped")
    (timing,) = read_stages(log.fields())
    assert (timing.stage, timing.method, timing.page, timing.found) == (
        "fallback",
        "table-model+text",
        2,
        False,
    )
    with pytest.raises(ValueError, match="stage timing"):
        read_stages([["bogus", "m", 1, 0, 0, True]])


def _env(collector: OtlpCollector) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in HIDDEN and not k.startswith("OTEL_")}
    env["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.url
    return env


def _until(check: Callable[[], Any], within: float, what: str) -> Any:
    deadline = time.monotonic() + within
    while not (found := check()):
        assert time.monotonic() < deadline, what
        time.sleep(0.2)
    return found


@pytest.mark.integration
def test_one_upload_is_one_trace_across_the_processes(tmp_path: Path) -> None:
    port, data_dir = free_port(), tmp_path / "data"
    with otlp_collector() as collector, receiver() as hook:
        env = _env(collector)
        up = subprocess.Popen(
            [CLI, "up", "--port", str(port), "--data-dir", str(data_dir)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
                _until(lambda: up.poll() is not None or _ready(client), 120, "not ready")
                assert up.poll() is None, "cypheredge up ended"
                batch_id = _upload(client, env, data_dir, hook.url)
                _until(lambda: _finished(client, batch_id), 90, "the batch never finished")
                _until(lambda: hook.received, 30, "the webhook never arrived")
        finally:
            up.send_signal(signal.SIGINT)
            up.wait(60)
        spans = collector.spans()
    _assert_one_trace(spans)


def _ready(client: httpx.Client) -> bool:
    try:
        return client.get("/readyz").status_code == 200
    except httpx.TransportError:
        return False


HEADERS: dict[str, str] = {}


def _upload(client: httpx.Client, env: dict[str, str], data_dir: Path, hook_url: str) -> str:
    created = subprocess.run(
        [CLI, "admin", "create-org", "Traced", "--data-dir", str(data_dir)],
        env={k: v for k, v in env.items() if not k.startswith("OTEL_")},
        capture_output=True,
        check=True,
        text=True,
    )
    HEADERS["Authorization"] = f"Bearer {json.loads(created.stdout)['api_key']}"
    endpoint = client.post(
        "/v1/webhook_endpoints",
        headers=HEADERS,
        json={"url": hook_url, "event_types": ["batch.completed"]},
    )
    assert endpoint.status_code == 201, endpoint.text
    files = [("files", (DIGITAL, sample(DIGITAL), "application/pdf"))]
    answer = client.post("/v1/batches", headers=HEADERS, files=files)
    assert answer.status_code == 202, answer.text
    batch_id: str = answer.json()["id"]
    return batch_id


def _finished(client: httpx.Client, batch_id: str) -> bool:
    batch = client.get(f"/v1/batches/{batch_id}", headers=HEADERS).json()
    return batch["status"] in ("completed", "partially_failed", "failed")


def _assert_one_trace(spans: list[ReceivedSpan]) -> None:
    uploads = [
        s
        for s in spans
        if s.service == "gateway"
        and s.kind == ProtoSpan.SPAN_KIND_SERVER
        and "POST" in s.name
        and s.attributes.get("http.route") == "/v1/batches"
    ]
    assert len(uploads) == 1, sorted({(s.service, s.name) for s in spans})
    root = uploads[0]
    assert root.parent_id == ""
    traced = [s for s in spans if s.trace_id == root.trace_id]
    services = {s.service for s in traced}
    assert set(PIPELINE) <= services, services
    names = {s.name for s in traced}
    for expected in ("extract statement", "extract page text_layer", "build report"):
        assert expected in names, names
    assert "webhook delivery" in names, names
    assert any(n.startswith("relay ") for n in names), names
    assert any(s.scope == FASTSTREAM and s.service == "ingest" for s in traced)
    # Every span hangs from another span of the same trace: no hop started a trace of its own.
    ids = {s.span_id for s in traced}
    orphans = [(s.service, s.name) for s in traced if s is not root and s.parent_id not in ids]
    assert not orphans, orphans
    # The consumers' spans follow the relay's: ingest's handler is a descendant of a relay span.
    by_id = {s.span_id: s for s in traced}
    ingest = next(s for s in traced if s.service == "ingest" and s.scope == FASTSTREAM)
    chain = []
    node: ReceivedSpan | None = ingest
    while node is not None:
        chain.append(node.service)
        node = by_id.get(node.parent_id)
    assert "gateway-relay" in chain, chain
    assert chain[-1] == "gateway", chain
