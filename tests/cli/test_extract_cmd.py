"""`cypheredge extract` as users run it: the installed console script, in a subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cetest.pdfs import CORPUS

SAMPLE = "16_nz_kauri_anz_geometry_gt.pdf"
ENCRYPTED = "02_monopoly_protected_pw_foobar123.pdf"
SCRIPT = Path(sys.executable).with_name("cypheredge")


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), "extract", *map(str, args)], capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    inbox = tmp_path / "in"
    inbox.mkdir()
    shutil.copy(CORPUS / SAMPLE, inbox / SAMPLE)
    shutil.copy(CORPUS / ENCRYPTED, inbox / ENCRYPTED)
    (inbox / "notes.pdf").write_text("this is not a PDF")
    (inbox / "readme.txt").write_text("ignored: not a .pdf")
    return inbox


def test_folder_with_passwords_and_a_bad_file(folder: Path, tmp_path: Path) -> None:
    passwords = tmp_path / "passwords.json"
    passwords.write_text(json.dumps({ENCRYPTED: "foobar123"}))
    out = tmp_path / "out"

    done = _run(folder, "--passwords", passwords, "--out", out)

    assert done.returncode != 0
    assert sorted(p.name for p in out.iterdir()) == [
        "02_monopoly_protected_pw_foobar123.json",
        "16_nz_kauri_anz_geometry_gt.json",
        "notes.json",
    ]
    sample = json.loads((out / "16_nz_kauri_anz_geometry_gt.json").read_text())
    assert "error" not in sample
    assert len(sample["transactions"]) == 6
    assert sample["transactions"][0] == {
        "date": "2026-02-03",
        "description": "EFTPOS RIVERSIDE DAIRY",
        "debit": "12.40",
        "credit": None,
        "balance": "2398.15",
        "currency": "NZD",
        "account": 0,
        "page": 1,
        "method": "geometric",
        "confidence": 0.99,
    }
    assert sample["statement"]["opening_balance"] == "2410.55"
    blank = json.loads((out / "02_monopoly_protected_pw_foobar123.json").read_text())
    assert "error" not in blank
    assert blank["transactions"] == []
    assert blank["pages"] == [{"number": 1, "method": "none", "rows": 0, "confidence": 0.0}]
    bad = json.loads((out / "notes.json").read_text())
    assert bad["error"].startswith("not_pdf")
    assert bad["transactions"] == []
    assert [ln for ln in done.stderr.splitlines() if ln.startswith("notes.pdf: ")] != []


def test_wrong_password_is_rejected(folder: Path, tmp_path: Path) -> None:
    done = _run(folder / ENCRYPTED, "--password", "nope")
    assert done.returncode != 0
    assert json.loads(done.stdout)["error"].startswith("wrong_password")
    assert done.stderr.strip().splitlines()[-1].startswith(f"{ENCRYPTED}: wrong_password")


def test_one_pdf_prints_one_document(folder: Path) -> None:
    done = _run(folder / SAMPLE)
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert set(document) == {"statement", "accounts", "transactions", "pages"}
    assert document["pages"][0]["method"] == "geometric"


def test_a_folder_needs_an_output_directory(folder: Path) -> None:
    done = _run(folder)
    assert done.returncode == 2
    assert "--out" in done.stderr
