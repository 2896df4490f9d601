"""Sentry error reporting: what it is sent, and what is taken out first.

Initialised by :func:`cypheredge.kit.telemetry.setup_telemetry` when ``SENTRY_DSN`` is set
(environment and release from ``SENTRY_ENVIRONMENT``/``SENTRY_RELEASE``). Sentry gets
exceptions with their stack traces, the service, the request's method, route and a few
harmless headers, consumers' topic and group, and the trace id; never personal data
(``data_collection``, the SDK's successor of ``send_default_pii=False``), local variables,
request bodies, query strings, cookies or credentials, nor statement data: ``before_send``
removes them whatever an integration added.
Breadcrumbs keep their messages only (their data may hold SQL parameters or URLs).
Sentry does no tracing here (OpenTelemetry does); log records are breadcrumbs, not events:
errors reach Sentry as the exceptions captured at the edges (the gateway's FastAPI
integration, the consumers' dead-letter middleware) and the process's uncaught ones.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

import sentry_sdk
from sentry_sdk.integrations.logging import LoggingIntegration

from cypheredge.kit.tracing import current_trace_id

if TYPE_CHECKING:
    from sentry_sdk._types import DataCollectionUserOptions
    from sentry_sdk.types import Event, Hint

    from cypheredge.kit.telemetry import TelemetrySettings

FILTERED = "[Filtered]"
# Request headers kept (an allowlist: everything else, Authorization and Cookie first, goes).
SAFE_HEADERS = frozenset({"content-type", "content-length", "user-agent", "x-request-id"})
# Keys whose values are secrets or statement data wherever they appear in an event.
SENSITIVE_KEYS = frozenset(
    {
        "authorization",
        "cookie",
        "cookies",
        "password",
        "passwords",
        "secret",
        "api_key",
        "token",
        "description",
        "descriptions",
        "transactions",
        "data",
        "body",
        "vars",
        "query_string",
        "env",
    }
)
# What integrations may collect: no user, cookies, bodies, query strings, SQL parameters or
# frame variables; request headers only from the allowlist.
NO_PERSONAL_DATA: DataCollectionUserOptions = {
    "user_info": False,
    "cookies": {"mode": "off"},
    "http_headers": {"request": {"mode": "allowlist", "terms": sorted(SAFE_HEADERS)}},
    "http_bodies": [],
    "url_query_params": {"mode": "off"},
    "database_query_data": False,
    "stack_frame_variables": False,
    "gen_ai": {"inputs": False, "outputs": False},
    "graphql": {"document": False, "variables": False},
}
# pydantic's errors repeat the offending value (``input_value='...'``): that may be a row.
_INPUT_VALUE = re.compile(r"input_value=(?:'[^']*'|\"[^\"]*\"|\S+)")


def init_sentry(settings: TelemetrySettings, service: str, integrations: Sequence[Any]) -> None:
    assert settings.sentry_dsn is not None
    sentry_sdk.init(
        dsn=settings.sentry_dsn.get_secret_value(),
        environment=settings.sentry_environment,
        release=settings.sentry_release or _release(),
        server_name=service,
        # sentry-sdk 2.75's form of ``send_default_pii=False`` (which it deprecates), narrower.
        data_collection=NO_PERSONAL_DATA,
        include_local_variables=False,
        max_request_body_size="never",
        traces_sample_rate=None,
        before_send=scrub_event,
        before_breadcrumb=scrub_breadcrumb,
        integrations=[LoggingIntegration(event_level=None), *integrations],
    )
    sentry_sdk.set_tag("service", service)


def capture_handler_error(
    error: BaseException, *, topic: str, consumer: str, attempts: int
) -> None:
    """Report a consumer's handler failure (the dead-letter middleware calls it when it
    gives up on a record), tagged with the topic and the consumer group."""
    if not sentry_sdk.is_initialized():
        return
    with sentry_sdk.new_scope() as scope:
        scope.set_tag("topic", topic)
        scope.set_tag("consumer", consumer)
        scope.set_extra("attempts", attempts)
        scope.capture_exception(error)


def scrub_event(event: Event, _hint: Hint) -> Event | None:
    """``before_send``: what must never leave the process is removed from ``event``."""
    request = event.get("request")
    if isinstance(request, dict):
        _scrub_request(request)
    for exception in (event.get("exception") or {}).get("values") or []:
        if isinstance(exception.get("value"), str):
            exception["value"] = _INPUT_VALUE.sub("input_value=" + FILTERED, exception["value"])
        for frame in (exception.get("stacktrace") or {}).get("frames") or []:
            frame.pop("vars", None)
    logentry = event.get("logentry")
    if isinstance(logentry, dict):
        logentry.pop("params", None)
    event["extra"] = _scrubbed(event.get("extra") or {})
    breadcrumbs = event.get("breadcrumbs")
    if isinstance(breadcrumbs, dict):
        for crumb in breadcrumbs.get("values") or []:
            crumb.pop("data", None)
    trace_id = current_trace_id()
    if trace_id:
        event.setdefault("tags", {})["trace_id"] = trace_id
    return event


def scrub_breadcrumb(crumb: dict[str, Any], _hint: Any) -> dict[str, Any] | None:
    """``before_breadcrumb``: a breadcrumb keeps its category and message, not its data."""
    crumb.pop("data", None)
    return crumb


def _scrub_request(request: dict[str, Any]) -> None:
    for key in ("data", "cookies", "query_string", "env"):
        request.pop(key, None)
    url = request.get("url")
    if isinstance(url, str):
        request["url"] = url.split("?", 1)[0]
    headers = request.get("headers")
    if isinstance(headers, Mapping):
        request["headers"] = {k: v for k, v in headers.items() if k.lower() in SAFE_HEADERS}


def _scrubbed(values: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key.lower() in SENSITIVE_KEYS:
            out[key] = FILTERED
        elif isinstance(value, Mapping):
            out[key] = _scrubbed(value)
        else:
            out[key] = value
    return out


def _release() -> str | None:
    try:
        return f"cypheredge@{version('cypheredge-kit')}"
    except PackageNotFoundError:
        return None
