"""The CLI starts without loading the services: each command imports what it uses when it runs.

Checked on ``sys.modules`` of a fresh interpreter, never on a clock: ``cypheredge --help`` and
every command's help load no service package, web framework, broker client or database
driver, and ``cypheredge extract`` loads the extractor's domain and ingest's file warnings it
runs, and nothing else of the services. (``benchmarks/bench_cli_startup.py`` prints the time.)
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cypheredge.synth import generate

HEAVY = (
    "cypheredge.gateway",
    "cypheredge.ingest",
    "cypheredge.extractor",
    "cypheredge.reporter",
    "cypheredge.billing",
    "redis",
    "faststream",
    "aiokafka",
    "sqlalchemy",
    "alembic",
    "psycopg",
    "fastapi",
    "starlette",
    "httpx",
)
# What `extract` runs: the cascade (the domain and its PDF readers, all of them), the document
# it becomes, ingest's reading of the file; the packages above them are loaded on the way. Of
# stages C/D, their settings and start check (no model, no torch: none is configured here).
EXTRACT_NEEDS = frozenset(
    {
        "cypheredge.extractor",
        "cypheredge.extractor.domain",
        "cypheredge.extractor.pdfwords",
        "cypheredge.extractor.service",
        "cypheredge.extractor.service.artefact",
        "cypheredge.extractor.tables",
        "cypheredge.extractor.tables.check",
        "cypheredge.extractor.tables.settings",
        "cypheredge.extractor.tables.stage",
        "cypheredge.ingest",
        "cypheredge.ingest.domain",
        "cypheredge.ingest.domain.file_warnings",
    }
)
EXTRACT_NEEDS_UNDER = ("cypheredge.extractor.domain.", "cypheredge.extractor.pdfwords.")

# Runs the CLI in a fresh interpreter, then prints every module it loaded as JSON on the last
# line of stdout, after a marker, whatever the command printed before it.
_PROBE = """
import json, sys
from cypheredge.cli.main import app
sys.argv = ["cypheredge", *json.loads(sys.argv[1])]
try:
    app()
except SystemExit:
    pass
print("\\n--modules--\\n" + json.dumps(sorted(sys.modules)))
"""


def _loaded_by(*args: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(args)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return list(json.loads(done.stdout.rpartition("\n--modules--\n")[2]))


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == h or m.startswith(f"{h}.") for h in HEAVY)]


def test_importing_the_cli_loads_no_service_framework_or_driver() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import sys, cypheredge.cli.main; print('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert _heavy(done.stdout.split()) == []


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["up"],
        ["extract"],
        ["submit"],
        ["status"],
        ["report"],
        ["admin", "create-org"],
        ["admin", "add-rule"],
        ["admin", "redrive"],
        ["db", "migrate"],
        ["kafka", "provision"],
    ],
    ids=lambda c: " ".join(c) or "root",
)
def test_help_loads_no_service_framework_or_driver(command: list[str]) -> None:
    assert _heavy(_loaded_by(*command, "--help")) == []


def test_extract_loads_only_what_it_runs(tmp_path: Path) -> None:
    pdf = tmp_path / "statement.pdf"
    pdf.write_bytes(generate("uk_two_accounts", 0).pdf)

    loaded = _loaded_by("extract", str(pdf))

    assert "cypheredge.extractor.domain" in loaded  # it did extract
    beyond = [
        m
        for m in _heavy(loaded)
        if m not in EXTRACT_NEEDS and not m.startswith(EXTRACT_NEEDS_UNDER)
    ]
    assert beyond == []
