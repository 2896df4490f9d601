"""A small client of the CypherEdge REST API for the CLI (errors arrive as problem+json)."""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from cypheredge.cli.exits import CommandError, ExitCode
from cypheredge.cli.localdata import DEFAULT_DATA_DIR, read_stack

FINAL = {"completed", "failed", "partially_failed"}
# Refusals that say "not now" rather than "not this": trying again later may work.
_TRY_LATER = frozenset({408, 409, 425, 429})
# A rate-limited request (429) is sent again after the server's Retry-After, for at most this
# long in all: a plan's limits slow a client down, they do not fail its job.
RATE_LIMIT_PATIENCE_SECONDS = 120.0


class ApiError(CommandError):
    """The API said no; ``str()`` is the one-line reason from its problem document.

    A server error or a "not now" (429, 409, ...) is :attr:`ExitCode.UNAVAILABLE`; any other
    refusal is the request's fault, :attr:`ExitCode.USAGE`.
    """

    def __init__(self, message: str, status: int | None = None) -> None:
        later = status is None or status >= 500 or status in _TRY_LATER
        super().__init__(message, ExitCode.UNAVAILABLE if later else ExitCode.USAGE)
        self.status = status


def api_url(option: str | None, data_dir: Path = DEFAULT_DATA_DIR) -> str:
    return (
        option
        or os.environ.get("CYPHEREDGE_API_URL")
        or read_stack(data_dir).get("api")
        or "http://127.0.0.1:8000"
    )


class Client:
    def __init__(self, base_url: str, api_key: str, timeout: float = 120) -> None:
        self._http = httpx.Client(
            base_url=base_url, timeout=timeout, headers={"Authorization": f"Bearer {api_key}"}
        )

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self._http.close()

    def submit(
        self, files: list[Path], passwords: dict[str, str], params: dict[str, Any] | None
    ) -> dict[str, Any]:
        """Upload a batch; retries transport errors with the same Idempotency-Key."""
        key = str(uuid.uuid4())
        data = {"passwords": json.dumps(passwords)} if passwords else {}
        if params:
            data["params"] = json.dumps(params)
        for attempt in range(3):
            parts = [("files", (f.name, f.read_bytes(), "application/pdf")) for f in files]
            try:
                # The same Idempotency-Key on every try: a retried upload is stored once.
                response = self._send(
                    "POST",
                    "/v1/batches",
                    files=parts,
                    data=data,
                    headers={"Idempotency-Key": key},
                )
            except httpx.TransportError:
                if attempt == 2:
                    raise
                continue
            if response.status_code == 409:
                continue
            return _ok(response)
        raise ApiError("the upload did not complete after 3 attempts")

    def batch(self, batch_id: str) -> dict[str, Any]:
        return _ok(self._send("GET", f"/v1/batches/{batch_id}"))

    def wait_batch(self, batch_id: str, seconds: int) -> tuple[dict[str, Any], bool]:
        """The batch once it changes or after ``seconds`` (``Prefer: wait``), and whether the
        server honoured the wait (a gateway that does not answers at once)."""
        response = self._send(
            "GET", f"/v1/batches/{batch_id}", headers={"Prefer": f"wait={max(seconds, 0)}"}
        )
        return _ok(response), "preference-applied" in response.headers

    def download(self, path: str, target: Path) -> None:
        with self._stream(path) as response:
            if response.status_code >= 400:
                response.read()
                _ok(response)
            with target.open("wb") as handle:
                for chunk in response.iter_bytes():
                    handle.write(chunk)

    def _send(self, method: str, url: str, **options: Any) -> httpx.Response:
        """The answer, after waiting out the org's rate limit (429 + Retry-After) a while."""
        waited = 0.0
        while True:
            response = self._http.request(method, url, **options)
            pause = _pause(response, waited)
            if pause is None:
                return response
            time.sleep(pause)
            waited += pause

    @contextmanager
    def _stream(self, url: str) -> Iterator[httpx.Response]:
        waited = 0.0
        while True:
            with self._http.stream("GET", url, follow_redirects=True) as response:
                pause = _pause(response, waited)
                if pause is None:
                    yield response
                    return
                response.read()
            time.sleep(pause)
            waited += pause


def _pause(response: httpx.Response, waited: float) -> float | None:
    """How long to wait before sending a rate-limited request again; None: use this answer."""
    if response.status_code != 429:
        return None
    try:
        pause = max(float(response.headers.get("retry-after", "1")), 0.1)
    except ValueError:  # an HTTP date or garbage: the limiter's buckets refill within seconds
        pause = 1.0
    if waited + pause > RATE_LIMIT_PATIENCE_SECONDS:
        return None
    return pause


def _ok(response: httpx.Response) -> dict[str, Any]:
    if response.status_code >= 400:
        raise ApiError(f"{response.status_code}: {_problem(response)}", response.status_code)
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        # Not our API (a proxy's page, another service on that port): nothing to act on.
        raise ApiError(f"{response.request.url} did not answer like the CypherEdge API")
    return body


def _problem(response: httpx.Response) -> str:
    try:
        problem = response.json()
    except ValueError:
        problem = None
    if isinstance(problem, dict) and (problem.get("detail") or problem.get("title")):
        return str(problem.get("detail") or problem.get("title"))
    return response.text[:200]
