"""One exit-code convention for every command, run as users run it: the installed script.

The API side is a scripted HTTP server in this process (real HTTP, answers chosen per test),
so every outcome (a failed batch, a refusal, a server error, no server, a stuck batch, Ctrl-C)
is decided by the test, not by timing.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest

from cypheredge.cli.stack.embedded import free_port

CLI = str(Path(sys.executable).with_name("cypheredge"))
BATCH = "7f1b1c1e-3e6f-4a8e-9a0e-1a2b3c4d5e6f"
OK, FAILED, USAGE, UNAVAILABLE, INTERNAL, INTERRUPTED = 0, 1, 2, 3, 70, 130


def batch(status: str, **extra: Any) -> dict[str, Any]:
    statement = {"filename": "a.pdf", "status": "reported", "transactions": 3, "error": None}
    return {"id": BATCH, "status": status, "statements": [statement], **extra}


class FakeApi:
    """Answers GET /v1/batches/{id} and POST /v1/batches with what the test set."""

    def __init__(self) -> None:
        self.answer: tuple[int, bytes] = (200, b"{}")
        self.polled = threading.Event()
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                api.polled.set()
                self._send(*api.answer)

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers["Content-Length"]))
                self._send(202, json.dumps(batch("queued")).encode())

            def _send(self, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                if status == 429:  # later than the client waits: it gives up at once
                    self.send_header("Retry-After", "600")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def answers(self, status: int, body: object) -> None:
        self.answer = (status, body if isinstance(body, bytes) else json.dumps(body).encode())


@pytest.fixture
def api() -> Iterator[FakeApi]:
    fake = FakeApi()
    thread = threading.Thread(target=fake.server.serve_forever, daemon=True)
    thread.start()
    yield fake
    fake.server.shutdown()
    fake.server.server_close()


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, CYPHEREDGE_API_KEY="ce_test")
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120, env=env)


def test_version_is_the_installed_package_version() -> None:
    done = run("--version")
    assert (done.returncode, done.stdout) == (OK, f"cypheredge {version('cypheredge-cli')}\n")


@pytest.mark.parametrize(
    "args",
    [["--no-such-option"], ["no-such-command"], ["status"], ["status", "not-a-uuid"]],
    ids=["unknown-option", "unknown-command", "missing-argument", "bad-batch-id"],
)
def test_usage_errors_are_2(args: list[str]) -> None:
    done = run(*args)
    assert done.returncode == USAGE, done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("status", "code"),
    [("completed", OK), ("processing", OK), ("partially_failed", FAILED), ("failed", FAILED)],
)
def test_status_json_is_data_on_stdout_and_a_failed_batch_is_1(
    api: FakeApi, status: str, code: int
) -> None:
    api.answers(200, batch(status))
    done = run("status", BATCH, "--api", api.url, "--json")
    assert done.returncode == code, done.stderr
    assert json.loads(done.stdout) == batch(status)  # stdout is the batch and nothing else
    assert f"batch {BATCH}: {status}" in done.stderr  # the human view is on stderr
    if code == FAILED:
        assert done.stderr.splitlines()[-1] == f"error: batch {BATCH} {status}"


def test_submit_wait_json_prints_the_final_batch(api: FakeApi, tmp_path: Path) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.7 not read by the fake")
    api.answers(200, batch("completed"))
    done = run("submit", str(pdf), "--wait", "--json", "--api", api.url)
    assert done.returncode == OK, done.stderr
    assert json.loads(done.stdout)["status"] == "completed"
    assert "queued" in done.stderr
    assert "completed" in done.stderr


@pytest.mark.parametrize(
    ("status", "body", "code"),
    [
        (404, {"title": "Not Found", "detail": "no such batch"}, USAGE),
        (401, {"title": "Unauthorized"}, USAGE),
        (429, {"title": "Too Many Requests"}, UNAVAILABLE),
        (500, b"Internal Server Error", UNAVAILABLE),
        (200, b"<html>a proxy page</html>", UNAVAILABLE),
    ],
    ids=["404", "401", "429", "500", "not-the-api"],
)
def test_api_refusals_and_failures(api: FakeApi, status: int, body: object, code: int) -> None:
    api.answers(status, body)
    done = run("status", BATCH, "--api", api.url)
    assert done.returncode == code, done.stderr
    (line,) = done.stderr.splitlines()
    assert line.startswith("error: ")
    if status == 404:
        assert line == "error: 404: no such batch"


def test_no_api_is_unavailable() -> None:
    done = run("status", BATCH, "--api", f"http://127.0.0.1:{free_port()}")
    assert done.returncode == UNAVAILABLE
    assert done.stderr.startswith("error: cannot reach the CypherEdge API: ")


def test_a_batch_that_does_not_finish_in_time_is_unavailable(api: FakeApi) -> None:
    api.answers(200, batch("processing"))
    done = run("status", BATCH, "--wait", "--timeout", "0", "--api", api.url)
    assert done.returncode == UNAVAILABLE
    assert done.stderr.splitlines()[-1] == f"error: batch {BATCH} still processing after 0s"


def test_no_database_is_unavailable() -> None:
    env = dict(os.environ, DATABASE_URL=f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/x")
    done = subprocess.run(
        [CLI, "db", "migrate"], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == UNAVAILABLE
    assert done.stderr.splitlines()[-1].startswith("error: cannot reach the database: ")


def test_an_unexpected_answer_is_an_internal_error_with_its_traceback(api: FakeApi) -> None:
    api.answers(200, {"id": BATCH, "status": "completed"})  # no statements: a shape we never send
    done = run("status", BATCH, "--api", api.url)
    assert done.returncode == INTERNAL
    assert "Traceback" in done.stderr
    assert "KeyError: 'statements'" in done.stderr


def test_ctrl_c_is_130(api: FakeApi) -> None:
    api.answers(200, batch("processing"))
    env = dict(os.environ, CYPHEREDGE_API_KEY="ce_test")
    with subprocess.Popen(
        [CLI, "status", BATCH, "--wait", "--api", api.url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    ) as process:
        # Interrupt once it is following the batch (it has polled), whatever it does then.
        assert api.polled.wait(120), "the command never polled the API"
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=120)
    assert process.returncode == INTERRUPTED, stderr.decode()
    assert b"Traceback" not in stderr
