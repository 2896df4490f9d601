"""`cypheredge report`: the workbook built offline from `cypheredge extract` output."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from cetest import damaged
from cypheredge.synth import generate

CLI = str(Path(sys.executable).with_name("cypheredge"))


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, timeout=180)


def test_extract_then_report_builds_the_workbook(tmp_path: Path) -> None:
    statements = [generate("uk_two_accounts", 2), generate("de_signed", 2)]
    pdfs = tmp_path / "pdfs"
    pdfs.mkdir()
    for s in statements:
        (pdfs / f"{s.layout}.pdf").write_bytes(s.pdf)
    (pdfs / "broken.pdf").write_bytes(b"%PDF-1.7 truncated")
    repaired = generate("us_signed", 2)
    (pdfs / "repaired.pdf").write_bytes(damaged.wrong_xref_offsets(repaired.pdf))
    extracted = tmp_path / "json"
    assert _run("extract", pdfs, "--out", extracted).returncode == 1  # one file rejected
    assert json.loads((extracted / "broken.json").read_text())["error"]

    out = tmp_path / "book.xlsx"
    result = _run("report", *sorted(extracted.glob("*.json")), "-o", out)
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(out, read_only=True)
    assert len(book.sheetnames) >= 15
    rows = [
        r for r in book["Transactions"].iter_rows(values_only=True) if isinstance(r[0], datetime)
    ]
    assert len(rows) == sum(len(s.truth["transactions"]) for s in (*statements, repaired))
    flags = [r for r in book["Flags"].iter_rows(values_only=True) if r[0]]
    assert any("broken.pdf" in map(str, r) for r in flags)
    assert ("damaged file repaired", "repaired.pdf") in {(r[0], r[1]) for r in flags}


@pytest.mark.parametrize(
    ("text", "says"),
    [("{not json", "Invalid JSON"), ('{"statement": {}, "transactions": []}', "format")],
    ids=["not-json", "not-the-contract"],
)
def test_report_rejects_unreadable_input_with_a_plain_message(
    tmp_path: Path, text: str, says: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(text)
    result = _run("report", bad, "-o", tmp_path / "x.xlsx")
    assert result.returncode == 1
    assert result.stderr.startswith("error:")
    assert "com.cypheredge.extraction.v1" in result.stderr
    assert says in result.stderr
    assert "Traceback" not in result.stderr
