"""OpenTelemetry and Sentry for one process: ``setup_telemetry`` once, at its start.

Tracing is configured by the standard ``OTEL_*`` variables and exports OTLP over HTTP. It is
entirely off (no provider installed, no instrumentation, spans are the API's no-ops) unless
``OTEL_EXPORTER_OTLP_ENDPOINT`` or ``OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`` is set, and off
whatever is set with ``OTEL_SDK_DISABLED=true``. ``service.name`` is ``OTEL_SERVICE_NAME`` or
the process's name. SQLAlchemy engines and httpx clients created afterwards are instrumented;
the gateway adds its FastAPI app, the consumers get FastStream's Kafka spans.

Sentry is on when ``SENTRY_DSN`` is set (see :mod:`cypheredge.kit.sentry` for what it gets).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from opentelemetry import trace
from opentelemetry.trace import Span, SpanKind
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator
from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SpanExporter

log = logging.getLogger(__name__)
_PROPAGATOR = TraceContextTextMapPropagator()
SCOPE = "cypheredge"
# Attribute values an instrumentation may fill with a full URL: kept without the query.
_URL_ATTRIBUTES = ("url.full", "http.url", "http.target")


class TelemetrySettings(BaseSettings):
    """The standard variables that decide whether anything is installed, and Sentry's."""

    model_config = SettingsConfigDict(env_file=None, extra="ignore")

    otel_sdk_disabled: bool = False
    otel_exporter_otlp_endpoint: str | None = None
    otel_exporter_otlp_traces_endpoint: str | None = None
    otel_service_name: str | None = None
    sentry_dsn: SecretStr | None = None
    sentry_environment: str = "production"
    sentry_release: str | None = None

    @property
    def tracing(self) -> bool:
        endpoint = self.otel_exporter_otlp_endpoint or self.otel_exporter_otlp_traces_endpoint
        return bool(endpoint) and not self.otel_sdk_disabled


@dataclass
class Telemetry:
    """What ``setup_telemetry`` installed; ``shutdown`` flushes and removes it."""

    service: str
    provider: TracerProvider | None = None
    sentry: bool = False
    _instrumentors: list[Any] = field(default_factory=list)

    def flush(self, timeout_ms: int = 10_000) -> None:
        if self.provider is not None:
            self.provider.force_flush(timeout_ms)
        if self.sentry:
            import sentry_sdk

            sentry_sdk.flush(timeout_ms / 1000)

    def shutdown(self) -> None:
        """Flush every span and event; uninstrument; make tracing a no-op again."""
        global _active
        self.flush()
        for instrumentor in self._instrumentors:
            instrumentor.uninstrument()
        if self.provider is not None:
            self.provider.shutdown()
        if self.sentry:
            import sentry_sdk

            sentry_sdk.get_client().close()
        if _active is self:
            _active = None


_active: Telemetry | None = None


def setup_telemetry(
    process: str,
    settings: TelemetrySettings | None = None,
    *,
    sentry_integrations: Sequence[Any] = (),
    exporter: SpanExporter | None = None,
) -> Telemetry:
    """Install tracing and error reporting for process ``process`` as ``settings`` say.

    ``exporter`` replaces the OTLP one (a test's in-memory exporter; spans are then exported
    synchronously). Called once per process; a second call returns the first's handle.
    """
    global _active
    if _active is not None:
        return _active
    settings = settings or TelemetrySettings()
    handle = Telemetry(service=settings.otel_service_name or process)
    if settings.tracing or exporter is not None:
        _install_tracing(handle, exporter)
    if settings.sentry_dsn is not None:
        from cypheredge.kit.sentry import init_sentry

        init_sentry(settings, handle.service, sentry_integrations)
        handle.sentry = True
    _active = handle
    return handle


def _install_tracing(handle: Telemetry, exporter: SpanExporter | None) -> None:
    # Imported only when tracing is on: a process without it loads none of the SDK.
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
    from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor
    from opentelemetry.sdk.resources import SERVICE_NAME, Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor

    provider = TracerProvider(
        resource=Resource.create({SERVICE_NAME: handle.service}), sampler=_quiet_roots()
    )
    if exporter is None:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    else:
        provider.add_span_processor(SimpleSpanProcessor(exporter))
    trace.set_tracer_provider(provider)
    handle.provider = provider
    sqlalchemy = SQLAlchemyInstrumentor()
    sqlalchemy.instrument(tracer_provider=provider, enable_commenter=False)
    httpx = HTTPXClientInstrumentor()
    httpx.instrument(
        tracer_provider=provider,
        request_hook=_without_query,
        async_request_hook=_async_without_query,
    )
    handle._instrumentors += [sqlalchemy, httpx]
    log.info("tracing on: OTLP/HTTP as service %s", handle.service)


def _quiet_roots() -> Any:
    """The sampler ``OTEL_TRACES_SAMPLER`` names, except that a client span with no parent (a
    poll's query, a relay's claim, a sender's look for due deliveries) is not recorded: every
    loop of a background task would otherwise be a trace of its own."""
    from opentelemetry.sdk.trace.sampling import (
        Decision,
        Sampler,
        SamplingResult,
        _get_from_env_or_default,
    )

    configured = _get_from_env_or_default()

    class QuietRoots(Sampler):
        def should_sample(
            self,
            parent_context: Any,
            trace_id: int,
            name: str,
            kind: SpanKind | None = None,
            attributes: Any = None,
            links: Any = None,
            trace_state: Any = None,
        ) -> SamplingResult:
            parent = trace.get_current_span(parent_context).get_span_context()
            if kind is SpanKind.CLIENT and not parent.is_valid:
                return SamplingResult(Decision.DROP)
            return configured.should_sample(
                parent_context, trace_id, name, kind, attributes, links, trace_state
            )

        def get_description(self) -> str:
            return f"QuietRoots{{{configured.get_description()}}}"

    return QuietRoots()


def active() -> Telemetry | None:
    """The process's telemetry, None before ``setup_telemetry`` (or after its shutdown)."""
    return _active


def tracing_enabled() -> bool:
    return _active is not None and _active.provider is not None


def without_query(url: str) -> str:
    """``url`` without its query and fragment: they may carry secrets (tokens, signatures)."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def scrub_span_urls(span: Span) -> None:
    """Overwrite the URL attributes an instrumentation set with their query-less forms."""
    attributes: Mapping[str, Any] = getattr(span, "attributes", None) or {}
    for name in _URL_ATTRIBUTES:
        value = attributes.get(name)
        if isinstance(value, str) and ("?" in value or "#" in value):
            span.set_attribute(name, without_query(value))
    if attributes.get("url.query"):
        span.set_attribute("url.query", "")


def _without_query(span: Span, _request: Any) -> None:
    scrub_span_urls(span)


async def _async_without_query(span: Span, _request: Any) -> None:
    scrub_span_urls(span)


def span(
    name: str, attributes: Mapping[str, Any] | None = None, *, kind: SpanKind = SpanKind.INTERNAL
) -> AbstractContextManager[Span | None]:
    """A span of the current trace around a block (nothing at all while tracing is off)."""
    if not tracing_enabled():
        return nullcontext()
    tracer = trace.get_tracer(SCOPE)
    return tracer.start_as_current_span(name, kind=kind, attributes=_clean(attributes or {}))


@contextmanager
def in_trace(
    traceparent: str | None,
    name: str,
    attributes: Mapping[str, Any] | None = None,
    *,
    kind: SpanKind = SpanKind.PRODUCER,
) -> Iterator[Span | None]:
    """A span whose parent is ``traceparent`` (an event's), current for the block; by
    default a producer span (what runs in it hands the event on: the relay's publish)."""
    if not tracing_enabled():
        yield None
        return
    parent = _PROPAGATOR.extract({"traceparent": traceparent}) if traceparent else None
    tracer = trace.get_tracer(SCOPE)
    with tracer.start_as_current_span(
        name, context=parent, kind=kind, attributes=_clean(attributes or {})
    ) as current:
        yield current


def record_span(
    name: str, start_ns: int, end_ns: int, attributes: Mapping[str, Any] | None = None
) -> None:
    """A finished span, child of the current one, timed by the caller (work done elsewhere,
    such as a page stage in an extraction worker process)."""
    if not tracing_enabled():
        return
    tracer = trace.get_tracer(SCOPE)
    done = tracer.start_span(name, start_time=start_ns, attributes=_clean(attributes or {}))
    done.end(end_time=end_ns)


def _clean(attributes: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in attributes.items() if value is not None}
