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
from cypheredge.contracts.extraction import ExtractionDocument
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


def _valid_document() -> dict[str, object]:
    document: dict[str, object] = json.loads(ExtractionDocument.rejected("not_pdf: x").encode())
    return document


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("{not json", "Invalid JSON"),
        ('{"statement": {}, "transactions": []}', "missing format, statement.opening_balance"),
        (
            '{"foo": 1}',
            "missing format, statement, statements, accounts, transactions, pages, reconciled, "
            "warnings",
        ),
        ("[1, 2]", "document: Input should be an object"),
        (json.dumps(_valid_document() | {"format": "x.v1"}), "format: Input should be"),
        (json.dumps(_valid_document() | {"reconciled": "maybe"}), "reconciled: Input should be"),
    ],
    ids=["not-json", "not-the-contract", "foo", "a-list", "other-format", "bad-field"],
)
def test_report_rejects_what_is_not_an_extraction_result_by_name(
    tmp_path: Path, text: str, says: str
) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(_valid_document()))
    bad = tmp_path / "bad.json"
    bad.write_text(text)
    result = _run("report", good, bad, "-o", tmp_path / "x.xlsx")
    assert result.returncode == 2  # bad input
    (line,) = result.stderr.splitlines()  # one plain line, never wrapped or a traceback
    assert line.startswith(f"error: {bad} is not an extraction result")
    assert "com.cypheredge.extraction.v1" in line
    assert says in line
    assert not (tmp_path / "x.xlsx").exists()  # nothing written from half the input


def test_report_json_prints_what_it_wrote(tmp_path: Path) -> None:
    doc = tmp_path / "scan.json"
    doc.write_text(json.dumps(_valid_document()))
    result = _run("report", doc, "-o", tmp_path / "book.xlsx", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "workbook": str(tmp_path / "book.xlsx"),
        "statements": 1,
        "transactions": 0,
        "balance_breaks": 0,
    }
    assert "book.xlsx" in result.stderr  # the human summary stays on stderr


def test_bad_params_are_bad_input(tmp_path: Path) -> None:
    doc = tmp_path / "scan.json"
    doc.write_text(json.dumps(_valid_document()))
    result = _run("report", doc, "-o", tmp_path / "b.xlsx", "--params", "[1]")
    assert result.returncode == 2
    assert result.stderr.startswith("error: --params")
