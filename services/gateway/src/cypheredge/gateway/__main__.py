"""``python -m cypheredge.gateway``: serve the HTTP API."""

from __future__ import annotations

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


if __name__ == "__main__":
    main()
