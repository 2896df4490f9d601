"""`cypheredge submit --wait --json` and `cypheredge status --json` against the running pipeline:
stdout is exactly the batch the API serves, progress stays on stderr, exit codes follow the
convention (0 completed, 1 partly failed)."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from cetest.pipeline import Pipeline
from cetest.tenants import Tenant
from cypheredge.synth import generate

pytestmark = pytest.mark.integration
CLI = str(Path(sys.executable).with_name("cypheredge"))


async def _cli(pipeline: Pipeline, tenant: Tenant, *args: str) -> tuple[int, Any, str]:
    process = await asyncio.create_subprocess_exec(
        CLI,
        *args,
        "--api",
        pipeline.url,
        "--json",
        env=dict(os.environ, CYPHEREDGE_API_KEY=tenant.api_key),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), 180)
    assert process.returncode is not None
    return process.returncode, json.loads(stdout), stderr.decode()


async def test_submit_and_status_print_the_batch_as_json(
    pipeline: Pipeline, client: httpx.AsyncClient, tenant: Tenant, tmp_path: Path
) -> None:
    good = tmp_path / "good.pdf"
    good.write_bytes(generate("za_trailing_cr", 7).pdf)
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7 nothing else")

    code, submitted, stderr = await _cli(
        pipeline, tenant, "submit", str(good), str(bad), "--wait", "--timeout", "120"
    )
    assert code == 1, stderr  # one statement rejected: the batch partly failed
    assert submitted["status"] == "partially_failed"
    assert "partially_failed" in stderr
    assert stderr.splitlines()[-1] == f"error: batch {submitted['id']} partially_failed"

    code, shown, stderr = await _cli(pipeline, tenant, "status", submitted["id"])
    served = (await client.get(f"/v1/batches/{submitted['id']}", headers=tenant.auth)).json()
    assert code == 1, stderr
    assert shown == served
    assert {s["filename"]: s["status"] for s in shown["statements"]} == {
        "good.pdf": "reported",
        "bad.pdf": "rejected",
    }
