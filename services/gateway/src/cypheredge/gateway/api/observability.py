"""The gateway app's share of telemetry: FastAPI spans and Sentry's integrations
(the access log is the edge middleware's).

The request span (OpenTelemetry's ASGI middleware, outermost) is the current span while a
route runs, so the traceparent the outbox stamps on an event is the request's: the event's
consumers continue the request's trace. Probes and the metrics scrape make no spans.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from cypheredge.kit.telemetry import active, scrub_span_urls

UNTRACED_URLS = "healthz,readyz,metrics"


def observe(app: FastAPI) -> None:
    """Request spans when tracing is on (the process's provider)."""
    telemetry = active()
    if telemetry is None or telemetry.provider is None:
        return
    from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor

    FastAPIInstrumentor.instrument_app(
        app,
        tracer_provider=telemetry.provider,
        excluded_urls=UNTRACED_URLS,
        exclude_spans=["receive", "send"],
        server_request_hook=_without_query,
    )


def _without_query(span: Any, _scope: dict[str, Any]) -> None:
    if span is not None and span.is_recording():
        scrub_span_urls(span)


def sentry_integrations() -> list[Any]:
    """Sentry's FastAPI integration (and Starlette's, which it needs), by route template."""
    from sentry_sdk.integrations.fastapi import FastApiIntegration
    from sentry_sdk.integrations.starlette import StarletteIntegration

    return [
        StarletteIntegration(transaction_style="url"),
        FastApiIntegration(transaction_style="url"),
    ]
