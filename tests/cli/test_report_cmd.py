"""`cypheredge report`: the workbook built offline from `cypheredge extract` output."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import openpyxl

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
    assert len(rows) == sum(len(s.truth["transactions"]) for s in statements)
    flags = " ".join(str(c) for r in book["Flags"].iter_rows(values_only=True) for c in r if c)
    assert "broken.pdf" in flags


def test_report_rejects_unreadable_input_with_a_plain_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    result = _run("report", bad, "-o", tmp_path / "x.xlsx")
    assert result.returncode == 1
    assert result.stderr.startswith("error:")
    assert "Traceback" not in result.stderr
