"""The HTTP side: a threaded server on 127.0.0.1 handing each decoded request to a callable.

It knows nothing of Stripe's rules; ``FakeStripe._answer`` decides every answer, and raises
``LoseResponse`` for an answer that must never reach the client.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from stripefake import forms


@dataclass
class Answer:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    replayed: bool = False


def dump(body: dict[str, Any]) -> bytes:
    return json.dumps(body).encode()


class LoseResponse(Exception):
    """The request took effect; its answer must not be sent."""


# (method, path, decoded params, lower-cased headers) -> the answer
Responder = Callable[[str, str, dict[str, Any], Mapping[str, str]], Answer]


class Server(ThreadingHTTPServer):
    """Serves ``responder`` from a daemon thread on an ephemeral port until ``stop()``."""

    daemon_threads = True

    def __init__(self, responder: Responder) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.responder = responder
        # A short poll interval: shutdown() waits up to one interval, once per test.
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
        self._thread.join()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client hanging up mid-request is no news to a test; stay quiet."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the client's connection pool expects
    timeout = 10  # an idle kept-alive connection frees its thread after this
    # One buffered write per answer and no Nagle: headers and body written apart would wait
    # out the client's delayed ACK (~40 ms a request).
    wbufsize = -1
    disable_nagle_algorithm = True
    server: Server

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def do_DELETE(self) -> None:
        self._serve("DELETE")

    def _serve(self, method: str) -> None:
        split = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        # v1 sends POST parameters in the body, GET and DELETE parameters in the query.
        params = forms.decode(body if method == "POST" else split.query)
        headers = {k.lower(): v for k, v in self.headers.items()}
        try:
            answer = self.server.responder(method, split.path, params, headers)
        except LoseResponse:
            self.close_connection = True  # nothing written: the client sees the socket close
            return
        self.send_response(answer.status)
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        self.wfile.write(answer.body)

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: the request log (``FakeStripe.requests``) is what tests read."""
