"""A minimal HTTP endpoint for workers: /healthz, /readyz and /metrics (Prometheus)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

# The names of what is not ready (empty: ready).
ReadyCheck = Callable[[], Awaitable[list[str]]]


class HealthServer:
    """Liveness answers while the event loop runs; readiness asks the service's check."""

    def __init__(self, host: str, port: int, ready: ReadyCheck) -> None:
        self._host = host
        self._port = port
        self._ready = ready
        self._server: asyncio.Server | None = None

    async def start(self) -> None:
        # SO_REUSEADDR: a restarted service must not be kept off its port by TIME_WAIT.
        self._server = await asyncio.start_server(
            self._serve, self._host, self._port, reuse_address=True
        )

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            request = await asyncio.wait_for(reader.readline(), timeout=5)
            while (await asyncio.wait_for(reader.readline(), timeout=5)) not in (b"\r\n", b""):
                pass
            path = request.decode("latin-1").split(" ")[1] if request.count(b" ") >= 2 else "/"
            status, ctype, body = await self._route(path)
            head = f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n"
            writer.write((head + "Connection: close\r\n\r\n").encode() + body)
            await writer.drain()
        except (TimeoutError, ConnectionError):
            pass
        finally:
            writer.close()

    async def _route(self, path: str) -> tuple[str, str, bytes]:
        if path == "/healthz":
            return "200 OK", "application/json", b'{"status":"ok"}'
        if path == "/readyz":
            failing = await self._ready()
            if not failing:
                return "200 OK", "application/json", b'{"status":"ready"}'
            body = json.dumps({"status": "not ready", "failing": failing}).encode()
            return "503 Service Unavailable", "application/json", body
        if path == "/metrics":
            return "200 OK", CONTENT_TYPE_LATEST, generate_latest()
        return "404 Not Found", "text/plain", b"not found"
