"""The committed schema and AsyncAPI files are exactly what the code generates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cypheredge.contracts.generate import (
    default_root,
    differences,
    main,
    render_all,
)
from cypheredge.contracts.registry import ALL_EVENTS
from cypheredge.contracts.schemas import ARTEFACTS, ENVELOPE_SCHEMA_FILE, SCHEMA_DIR, schema_file


def test_committed_files_are_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["--check"])
    assert status == 0, capsys.readouterr().err


def test_default_root_is_the_contracts_package() -> None:
    assert 'name = "cypheredge-contracts"' in (default_root() / "pyproject.toml").read_text()


def test_one_schema_per_event_plus_envelope_and_artefacts() -> None:
    expected = {f"{SCHEMA_DIR}/{schema_file(e)}" for e in ALL_EVENTS}
    expected |= {f"{SCHEMA_DIR}/{name}.json" for name in ARTEFACTS}
    expected |= {f"{SCHEMA_DIR}/{ENVELOPE_SCHEMA_FILE}"}
    assert f"{SCHEMA_DIR}/com.cypheredge.extraction.v1.json" in expected
    assert set(render_all()) == expected
    assert f"{SCHEMA_DIR}/com.cypheredge.batch.submitted.v1.json" in expected


def test_output_is_deterministic_sorted_and_newline_terminated() -> None:
    first, second = render_all(), render_all()
    assert first == second
    for text in first.values():
        assert text.endswith("}\n")
        canonical = json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False)
        assert canonical + "\n" == text


def test_event_schemas_declare_draft_2020_12() -> None:
    for path, text in render_all().items():
        if path.startswith(SCHEMA_DIR):
            assert json.loads(text)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_check_flags_edited_missing_and_stale_files(tmp_path: Path) -> None:
    assert main(["--root", str(tmp_path)]) == 0
    assert main(["--root", str(tmp_path), "--check"]) == 0
    envelope = tmp_path / SCHEMA_DIR / ENVELOPE_SCHEMA_FILE
    envelope.write_text(envelope.read_text().replace('"Subject"', '"Subj"'))
    (tmp_path / SCHEMA_DIR / schema_file(ALL_EVENTS[0])).unlink()
    (tmp_path / SCHEMA_DIR / "com.cypheredge.gone.v1.json").write_text("{}\n")
    assert main(["--root", str(tmp_path), "--check"]) == 1
    assert differences(tmp_path, render_all()) == [
        f"{SCHEMA_DIR}/{schema_file(ALL_EVENTS[0])}",
        f"{SCHEMA_DIR}/{ENVELOPE_SCHEMA_FILE}",
        f"{SCHEMA_DIR}/com.cypheredge.gone.v1.json",
    ]


def test_write_refuses_breaking_change_unless_allowed(tmp_path: Path) -> None:
    assert main(["--root", str(tmp_path)]) == 0
    committed = tmp_path / SCHEMA_DIR / schema_file(ALL_EVENTS[0])
    schema = json.loads(committed.read_text())
    schema["properties"]["legacy_field"] = {"type": "string"}
    committed.write_text(json.dumps(schema))
    assert main(["--root", str(tmp_path)]) == 2
    assert "legacy_field" in committed.read_text()
    assert main(["--root", str(tmp_path), "--allow-breaking"]) == 0
    assert main(["--root", str(tmp_path), "--check"]) == 0
