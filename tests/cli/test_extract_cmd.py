"""`cypheredge extract` as users run it: the installed console script, in a subprocess."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from cetest import damaged
from cetest.hostile import page_with_content
from cetest.pdfs import CORPUS, SCANNED
from cypheredge.synth import generate

SAMPLE = "16_nz_kauri_anz_geometry_gt.pdf"
ENCRYPTED = "02_monopoly_protected_pw_foobar123.pdf"
SCRIPT = Path(sys.executable).with_name("cypheredge")


def _run(*args: str | Path, ocr: str = "none") -> subprocess.CompletedProcess[str]:
    # OCR off unless a test asks for it: these tests are about the refusals of image-only
    # files, and one page of OCR takes seconds (tests/services/extractor/ocr reads scans).
    env = {**os.environ, "EXTRACTOR_OCR_ENGINE": ocr}
    return subprocess.run(
        [str(SCRIPT), "extract", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
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
    first = dict(sample["transactions"][0])
    bbox = first.pop("bbox")
    assert first == {
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
        "reference": None,
        "type": None,
    }
    x0, top, x1, bottom = bbox
    assert 0 <= x0 < x1 <= 612
    assert 0 <= top < bottom <= 842
    assert sample["statement"]["opening_balance"] == "2410.55"
    # Decrypted, but its only page is an image: refused with the reason, as the service does.
    image = json.loads((out / "02_monopoly_protected_pw_foobar123.json").read_text())
    assert image["error"].startswith("no_text_layer: no page has a text layer")
    assert image["transactions"] == []
    bad = json.loads((out / "notes.json").read_text())
    assert bad["error"].startswith("not_pdf")
    assert bad["transactions"] == []
    assert [ln for ln in done.stderr.splitlines() if ln.startswith("notes.pdf: ")] != []


def test_wrong_password_is_rejected(folder: Path, tmp_path: Path) -> None:
    done = _run(folder / ENCRYPTED, "--password", "nope")
    assert done.returncode != 0
    assert json.loads(done.stdout)["error"].startswith("wrong_password")
    assert done.stderr.strip().splitlines()[-1].startswith(f"{ENCRYPTED}: wrong_password")


def test_one_pdf_prints_one_document_with_the_old_fields_and_the_new(folder: Path) -> None:
    done = _run(folder / SAMPLE)
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert {"statement", "accounts", "transactions", "pages"} <= set(document)
    assert {"format", "statements", "reconciled", "warnings"} <= set(document)
    assert "error" not in document
    assert document["format"] == "com.cypheredge.extraction.v1"
    assert set(document["statement"]) >= {
        "opening_balance", "closing_balance", "currency", "period_start", "period_end",
    }  # fmt: skip
    (account,) = document["accounts"]
    old = {"account_hint", "currency", "opening_balance", "closing_balance"}
    assert old | {"period_start", "period_end", "reconciled", "warnings"} <= set(account)
    assert (account["period_start"], account["period_end"]) == ("2026-02-01", "2026-02-28")
    assert account["warnings"] == []
    old_row = {"date", "description", "debit", "credit", "balance", "currency", "page"}
    for row in document["transactions"]:
        assert old_row | {"account", "method", "confidence", "bbox"} <= set(row)
        assert len(row["bbox"]) == 4
    assert document["pages"][0]["method"] == "geometric"
    assert set(document["pages"][0]) == {"number", "method", "rows", "confidence"}


def test_with_ocr_disabled_an_image_only_pdf_exits_non_zero_with_the_reason(
    tmp_path: Path,
) -> None:
    done = _run(CORPUS / SCANNED)
    assert done.returncode == 1
    assert json.loads(done.stdout)["error"].startswith("no_text_layer: ")
    reason = done.stderr.strip().splitlines()[-1]
    assert reason.startswith(f"{SCANNED}: no_text_layer: no page has a text layer")
    assert "OCR" in reason


def test_a_damaged_pdf_is_extracted_and_flagged(tmp_path: Path) -> None:
    statement = generate("uk_ruled", 1)
    damaged_pdf = tmp_path / "damaged.pdf"
    damaged_pdf.write_bytes(damaged.wrong_xref_offsets(statement.pdf))
    done = _run(damaged_pdf)
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert [w["code"] for w in document["warnings"]] == ["repaired_pdf"]
    assert len(document["transactions"]) == len(statement.truth["transactions"])
    assert "damaged.pdf: warning: the file is damaged" in done.stderr


def test_a_folder_needs_an_output_directory(folder: Path) -> None:
    done = _run(folder)
    assert done.returncode == 2
    assert "--out" in done.stderr


def _armed(data: bytes) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.Root.OpenAction = pikepdf.Dictionary(
            S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)")
        )
        pdf.attachments["x.exe"] = pikepdf.AttachedFileSpec(pdf, b"MZ")
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


def test_a_hostile_pdf_is_extracted_and_flagged_like_the_service_does(tmp_path: Path) -> None:
    statement = generate("us_signed", 6)
    armed = tmp_path / "armed.pdf"
    armed.write_bytes(_armed(statement.pdf))
    done = _run(armed, "--password", "not-needed")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert [w["code"] for w in document["warnings"]] == [
        "password_not_needed",
        "pdf_javascript",
        "pdf_embedded_files",
    ]
    assert len(document["transactions"]) == len(statement.truth["transactions"])
    assert "armed.pdf: warning: the file contains JavaScript" in done.stderr
    assert "armed.pdf: warning: a password was sent for this file" in done.stderr


def test_a_decompression_bomb_is_refused_as_one(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(page_with_content(bytes(1024 * 1024), 100))
    done = _run(bomb)
    assert done.returncode == 1  # the job ran; the file was refused
    assert json.loads(done.stdout)["error"].startswith("decompression_bomb: ")
    assert done.stderr.strip().splitlines()[-1].startswith("bomb.pdf: decompression_bomb: ")
