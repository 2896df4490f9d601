"""The CLI's client waits out an org's rate limit (429 + Retry-After) instead of failing the
job: `cypheredge up --demo` and `submit` on a free plan (a burst of 10 requests) read and
download more than that. Against the real gateway with its plans' limits on."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from cetest.http import serve
from cetest.pdfs import DIGITAL, sample
from cypheredge.cli.client import ApiError, Client
from cypheredge.cli.exits import ExitCode
from cypheredge.gateway.api.app import create_app
from cypheredge.gateway.bootstrap import build
from cypheredge.gateway.service.accounts import create_org
from cypheredge.gateway.settings import GatewaySettings
from cypheredge.kit.settings import InfraSettings

FREE_BURST = 10


@pytest.mark.integration
async def test_more_reads_than_the_free_burst_all_succeed_after_waits(
    infra: InfraSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pauses: list[float] = []
    real_sleep = time.sleep

    def pause(seconds: float) -> None:  # real time must pass for the bucket to refill
        pauses.append(seconds)
        real_sleep(seconds)

    monkeypatch.setattr("cypheredge.cli.client.time.sleep", pause)
    container = build(infra, GatewaySettings(rate_limit_by_plan=True))
    try:
        org = await create_org(container.db, "Rate-limited CLI")  # a new org: free plan
        pdf = tmp_path / DIGITAL
        pdf.write_bytes(sample(DIGITAL))
        async with serve(create_app(container)) as url:

            def job() -> list[str]:
                with Client(url, org.api_key) as api:
                    batch = api.submit([pdf], {}, None)
                    return [api.batch(batch["id"])["id"] for _ in range(FREE_BURST + 3)]

            read = await asyncio.to_thread(job)
    finally:
        await container.db.dispose()
    assert len(read) == FREE_BURST + 3
    assert len(set(read)) == 1
    assert pauses, "the free plan's burst was never reached"
    assert all(0 < p <= 60 for p in pauses)


@pytest.fixture
def always_limited() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = json.dumps({"title": "Too Many Requests", "status": 429}).encode()
            self.send_response(429)
            self.send_header("Content-Type", "application/problem+json")
            self.send_header("Retry-After", "50")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_past_its_patience_the_client_gives_up_as_unavailable(
    always_limited: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pauses: list[float] = []
    monkeypatch.setattr("cypheredge.cli.client.time.sleep", pauses.append)
    with Client(always_limited, "ce_test") as api:
        with pytest.raises(ApiError) as refused:
            api.batch("7f1b1c1e-3e6f-4a8e-9a0e-1a2b3c4d5e6f")
        assert refused.value.code == ExitCode.UNAVAILABLE
        assert pauses == [50.0, 50.0]  # a third wait would pass RATE_LIMIT_PATIENCE_SECONDS
        pauses.clear()
        with pytest.raises(ApiError):
            api.download("/v1/batches/x/report", tmp_path / "report.xlsx")
        assert pauses == [50.0, 50.0]
        assert not (tmp_path / "report.xlsx").exists()
