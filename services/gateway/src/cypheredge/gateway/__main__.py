"""``python -m cypheredge.gateway``: serve the HTTP API."""

from __future__ import annotations

import signal
from types import FrameType

import uvicorn

from cypheredge.gateway.api.app import create_app
from cypheredge.gateway.api.observability import sentry_integrations
from cypheredge.gateway.bootstrap import build
from cypheredge.kit.logging import configure_logging
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.telemetry import setup_telemetry


def main() -> None:
    infra = InfraSettings()
    configure_logging("gateway", infra.log_level, infra.log_json)
    telemetry = setup_telemetry("gateway", sentry_integrations=sentry_integrations())
    # uvicorn re-raises the SIGTERM it stopped on once it has: as an exit, so that the
    # telemetry's last spans are flushed below rather than lost with the process.
    signal.signal(signal.SIGTERM, _exit)
    try:
        container = build(infra)
        uvicorn.run(
            create_app(container),
            host=container.settings.host,
            port=container.settings.port,
            log_config=None,
            access_log=False,
        )
    finally:
        telemetry.shutdown()


def _exit(signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


if __name__ == "__main__":
    main()
