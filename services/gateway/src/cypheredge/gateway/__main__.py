"""``python -m cypheredge.gateway``: serve the HTTP API."""

from __future__ import annotations

import uvicorn

from cypheredge.gateway.api.app import create_app
from cypheredge.gateway.bootstrap import build
from cypheredge.kit.logging import configure_logging
from cypheredge.kit.settings import InfraSettings


def main() -> None:
    infra = InfraSettings()
    configure_logging("gateway", infra.log_level, infra.log_json)
    container = build(infra)
    uvicorn.run(
        create_app(container),
        host=container.settings.host,
        port=container.settings.port,
        log_config=None,
        access_log=False,
    )


if __name__ == "__main__":
    main()
