"""Following a batch long-polls it (``Prefer: wait``) over real HTTP: the next read goes out
when the last answer came, and only a server that ignores the preference is polled with a
pause. The API is a scripted server in this process; ``time.sleep`` is recorded, not run.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from cypheredge.cli import batches
from cypheredge.cli.client import Client

BATCH = "7f1b1c1e-3e6f-4a8e-9a0e-1a2b3c4d5e6f"


def batch(status: str) -> dict[str, Any]:
    return {"id": BATCH, "status": status, "statements": [{"status": "ingested"}]}


class ScriptedApi:
    """Answers GET /v1/batches/{id} with each status in turn (the last one repeats)."""

    def __init__(self, statuses: list[str], honours_wait: bool) -> None:
        self.prefer: list[str | None] = []
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                api.prefer.append(self.headers.get("Prefer"))
                body = json.dumps(batch(statuses[min(len(api.prefer), len(statuses)) - 1]))
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                if honours_wait and self.headers.get("Prefer"):
                    self.send_header("Preference-Applied", self.headers["Prefer"])
                self.end_headers()
                self.wfile.write(body.encode())

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"


@pytest.fixture
def serve() -> Iterator[list[ScriptedApi]]:
    started: list[ScriptedApi] = []
    yield started
    for api in started:
        api.server.shutdown()
        api.server.server_close()


def run(api: ScriptedApi, started: list[ScriptedApi], timeout: float) -> dict[str, Any]:
    started.append(api)
    threading.Thread(target=api.server.serve_forever, daemon=True).start()
    with Client(api.url, "ce_test") as client:
        return batches.follow(client, BATCH, timeout)


def test_each_read_waits_on_the_server_and_none_pauses_here(
    serve: list[ScriptedApi], monkeypatch: pytest.MonkeyPatch
) -> None:
    pauses: list[float] = []
    monkeypatch.setattr("cypheredge.cli.batches.time.sleep", pauses.append)
    api = ScriptedApi(["queued", "processing", "completed"], honours_wait=True)
    assert run(api, serve, timeout=600)["status"] == "completed"
    assert api.prefer == [f"wait={batches.LONG_POLL_SECONDS}"] * 3
    assert pauses == []


def test_the_wait_never_outlasts_the_commands_timeout(
    serve: list[ScriptedApi], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("cypheredge.cli.batches.time.sleep", lambda _: None)
    api = ScriptedApi(["completed"], honours_wait=True)
    run(api, serve, timeout=4.5)
    assert api.prefer in (["wait=5"], ["wait=4"])  # the seconds left, rounded up


def test_a_server_that_ignores_the_wait_is_polled_with_a_pause(
    serve: list[ScriptedApi], monkeypatch: pytest.MonkeyPatch
) -> None:
    pauses: list[float] = []
    monkeypatch.setattr("cypheredge.cli.batches.time.sleep", pauses.append)
    api = ScriptedApi(["queued", "processing", "failed"], honours_wait=False)
    assert run(api, serve, timeout=600)["status"] == "failed"
    assert len(api.prefer) == 3
    assert pauses == [batches.POLL_SECONDS] * 2
