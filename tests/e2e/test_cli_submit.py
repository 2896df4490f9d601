"""`cypheredge submit` against the running pipeline: upload, follow, download everything."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest

from cetest.pipeline import Pipeline
from cypheredge.gateway.service.accounts import create_org
from cypheredge.synth import generate

pytestmark = pytest.mark.integration
CLI = str(Path(sys.executable).with_name("cypheredge"))


async def test_submit_waits_and_downloads_the_workbook_and_exports(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    created = await create_org(pipeline.gateway.db, "CLI user")
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(generate("za_trailing_cr", 4).pdf)
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(generate("au_courier", 4, password="pw").pdf)
    out = tmp_path / "results"
    process = await asyncio.create_subprocess_exec(
        CLI,
        "submit",
        str(plain),
        str(locked),
        "--password",
        "locked.pdf=pw",
        "--out",
        str(out),
        "--api",
        pipeline.url,
        "--timeout",
        "120",
        env=dict(os.environ, CYPHEREDGE_API_KEY=created.api_key),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await asyncio.wait_for(process.communicate(), 180)
    assert process.returncode == 0, stderr.decode()
    assert "completed" in stderr.decode()
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "transactions.camt053.xml",
        "transactions.csv",
        "transactions.json",
        "transactions.ofx",
        "transactions.qbo",
        "transactions.qif",
        "workbook.xlsx",
    ]


async def test_submit_without_a_key_or_with_a_bad_password_says_why(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(generate("za_trailing_cr", 5).pdf)
    env = {k: v for k, v in os.environ.items() if k != "CYPHEREDGE_API_KEY"}
    for args in (
        ["--api", pipeline.url],
        ["--api", pipeline.url, "--api-key", "x", "--password", "nope"],
    ):
        process = await asyncio.create_subprocess_exec(
            CLI,
            "submit",
            str(pdf),
            *args,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        _, stderr = await asyncio.wait_for(process.communicate(), 60)
        assert process.returncode == 2  # bad usage or input (exits.py)
        assert stderr.decode().startswith("error:")
