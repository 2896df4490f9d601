"""Local HTTP endpoints that stand in for an OpenTelemetry collector and a Sentry server.

Each is a real HTTP server on a loopback port (a thread), so the SDKs export to it exactly as
they would to the real thing: OTLP/HTTP protobuf (``ExportTraceServiceRequest``) and Sentry
envelopes.
"""

from __future__ import annotations

import gzip
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)
from sentry_sdk.envelope import Envelope


@dataclass(frozen=True)
class ReceivedSpan:
    service: str
    scope: str
    name: str
    trace_id: str
    span_id: str
    parent_id: str
    kind: int
    attributes: dict[str, Any]


@dataclass
class Received:
    bodies: list[bytes] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _body(handler: BaseHTTPRequestHandler) -> bytes:
    raw = handler.rfile.read(int(handler.headers.get("Content-Length") or 0))
    encoding = (handler.headers.get("Content-Encoding") or "").lower()
    if encoding == "gzip":
        return gzip.decompress(raw)
    if encoding == "deflate":
        return zlib.decompress(raw)
    return raw


@contextmanager
def _server(received: Received, answer: bytes, content_type: str) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = _body(self)
            with received.lock:
                received.bodies.append(body)
                received.paths.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class OtlpCollector:
    url: str
    received: Received

    def spans(self) -> list[ReceivedSpan]:
        with self.received.lock:
            bodies = list(self.received.bodies)
        found = []
        for body in bodies:
            request = ExportTraceServiceRequest()
            request.ParseFromString(body)
            for resource_spans in request.resource_spans:
                resource = _attributes(resource_spans.resource.attributes)
                for scope_spans in resource_spans.scope_spans:
                    for span in scope_spans.spans:
                        found.append(
                            ReceivedSpan(
                                service=str(resource.get("service.name")),
                                scope=scope_spans.scope.name,
                                name=span.name,
                                trace_id=span.trace_id.hex(),
                                span_id=span.span_id.hex(),
                                parent_id=span.parent_span_id.hex(),
                                kind=span.kind,
                                attributes=_attributes(span.attributes),
                            )
                        )
        return found


def _attributes(items: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in items:
        value = item.value
        kind = value.WhichOneof("value")
        out[item.key] = getattr(value, kind) if kind else None
    return out


@contextmanager
def otlp_collector() -> Iterator[OtlpCollector]:
    received = Received()
    answer = ExportTraceServiceResponse().SerializeToString()
    with _server(received, answer, "application/x-protobuf") as url:
        yield OtlpCollector(url, received)


@dataclass
class SentryServer:
    url: str
    received: Received

    @property
    def dsn(self) -> str:
        host = self.url.removeprefix("http://")
        return f"http://public@{host}/1"

    def raw(self) -> list[bytes]:
        with self.received.lock:
            return list(self.received.bodies)

    def events(self) -> list[dict[str, Any]]:
        """The error events of every envelope received (items of type ``event``)."""
        events = []
        for body in self.raw():
            for item in Envelope.deserialize(body).items:
                if item.type == "event" and item.payload.json is not None:
                    events.append(item.payload.json)
        return events


@contextmanager
def sentry_server() -> Iterator[SentryServer]:
    received = Received()
    with _server(received, b"{}", "application/json") as url:
        yield SentryServer(url, received)
