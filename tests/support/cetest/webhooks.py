"""A real local HTTP receiver of webhooks, scripted per test, and a sender wired to it.

The receiver is the standard library's ThreadingHTTPServer in a thread: it answers each
request with the next status of its script (the last repeats) and records what it got, so a
test can verify the signature with the reference library and count attempts.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from uuid import UUID, uuid4

from cetest.tenants import Tenant
from cypheredge.gateway.domain.keys import issue_key
from cypheredge.gateway.domain.ssrf import UrlPolicy
from cypheredge.gateway.domain.webhooks import RetryPolicy
from cypheredge.gateway.infra import accounts
from cypheredge.gateway.infra.webhook_http import HttpTransport, resolve
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.service.webhook_sender import SenderPolicy, WebhookSender
from cypheredge.gateway.service.webhook_urls import Resolver

LOCAL = UrlPolicy(allow_http=True, allow_loopback=True)
# Waits as the production schedule has them; tests move ``now`` instead of sleeping.
RETRY = RetryPolicy(
    schedule=(timedelta(seconds=5), timedelta(minutes=5), timedelta(minutes=30)),
    window=timedelta(hours=1),
)


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    url: str
    script: list[int] = field(default_factory=lambda: [200])
    delay: float = 0.0  # seconds before answering (a slow receiver)
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, request: Received) -> int:
        with self.lock:
            self.received.append(request)
            n = len(self.received)
        return self.script[min(n, len(self.script)) - 1]


@contextmanager
def receiver(script: list[int] | None = None, delay: float = 0.0) -> Iterator[Receiver]:
    """A receiver on a loopback port; ``script``: the status of each answer in turn."""
    state: dict[str, Receiver] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", "0"))
            got = Received(self.path, dict(self.headers.items()), self.rfile.read(length))
            target = state["receiver"]
            if target.delay:
                time.sleep(target.delay)
            self.send_response(target.answer(got))
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    port = server.server_address[1]
    state["receiver"] = Receiver(f"http://127.0.0.1:{port}/hook", script or [200], delay)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state["receiver"]
    finally:
        server.shutdown()
        server.server_close()


def sender(
    container: Container,
    *,
    retry: RetryPolicy = RETRY,
    disable_after: timedelta = timedelta(days=5),
    timeout: float = 5.0,
    per_endpoint: int = 2,
    urls: UrlPolicy = LOCAL,
    resolve: Resolver = resolve,
) -> WebhookSender:
    policy = SenderPolicy(
        urls=urls,
        retry=retry,
        disable_after=disable_after,
        lease=timedelta(seconds=timeout + 30),
        per_endpoint=per_endpoint,
    )
    return WebhookSender(container.db, container.sealer, HttpTransport(timeout), resolve, policy)


async def key_with(container: Container, org: Tenant, *scopes: str) -> Tenant:
    """Another API key of ``org`` holding only ``scopes``."""
    key = issue_key()
    async with container.db.tenant(UUID(org.org_id)) as session:
        await accounts.insert_api_key(
            session,
            key_id=uuid4(),
            org_id=UUID(org.org_id),
            name="scoped",
            prefix=key.prefix,
            key_hash=key.key_hash,
            scopes=tuple(scopes),
        )
    return Tenant(org.org_id, key.plaintext)
