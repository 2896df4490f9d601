"""Stages C/D configured or not: the settings, the start check's verdicts, the device."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from cypheredge.extractor.bootstrap import build
from cypheredge.extractor.settings import ExtractorSettings
from cypheredge.extractor.tables.check import (
    NOT_CONFIGURED,
    TableModelUnavailable,
    check_table_model,
    missing_stages,
    table_stage_status,
)
from cypheredge.extractor.tables.device import resolve_device
from cypheredge.kit.settings import InfraSettings


def test_unset_is_not_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EXTRACTOR_TABLE_MODEL_DIR", raising=False)
    settings = ExtractorSettings()
    assert settings.table_model_dir is None
    assert settings.device == "auto"
    check_table_model(settings.table_model_dir)  # nothing to check, nothing to fail
    assert table_stage_status(None) == "stages C/D (table columns): table model not configured"
    assert missing_stages(None) == (f"C/D (table columns): {NOT_CONFIGURED}",)


def test_the_settings_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tiny_model: Path
) -> None:
    monkeypatch.setenv("EXTRACTOR_TABLE_MODEL_DIR", str(tiny_model))
    monkeypatch.setenv("EXTRACTOR_DEVICE", "cpu")
    settings = ExtractorSettings()
    assert (settings.table_model_dir, settings.device) == (tiny_model, "cpu")
    check_table_model(settings.table_model_dir, settings.device)
    assert missing_stages(settings.table_model_dir) == ()
    assert str(tiny_model) in table_stage_status(tiny_model, "cpu")


def test_an_unknown_device_is_refused_by_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXTRACTOR_DEVICE", "tpu")
    with pytest.raises(ValueError, match="device"):
        ExtractorSettings()


def _copy(tiny_model: Path, target: Path) -> Path:
    shutil.copytree(tiny_model, target)
    return target


def test_a_missing_directory_fails(tmp_path: Path) -> None:
    with pytest.raises(TableModelUnavailable, match=r"TABLE_MODEL_DIR=.*nowhere: no such"):
        check_table_model(tmp_path / "nowhere")


def test_garbage_weights_fail_at_start_with_the_reason(tiny_model: Path, tmp_path: Path) -> None:
    target = _copy(tiny_model, tmp_path / "model")
    (target / "model.safetensors").write_bytes(b"these are not the weights you are looking for")
    with pytest.raises(
        TableModelUnavailable, match=r"model\.safetensors is not a safetensors file"
    ):
        check_table_model(target)
    (target / "model.safetensors").write_bytes(b"\x01")
    with pytest.raises(TableModelUnavailable, match="is truncated"):
        check_table_model(target)
    (target / "model.safetensors").unlink()
    with pytest.raises(TableModelUnavailable, match=r"no weights \(model.safetensors or"):
        check_table_model(target)


def test_truncated_weights_fail(tiny_model: Path, tmp_path: Path) -> None:
    target = _copy(tiny_model, tmp_path / "model")
    weights = target / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:-100])
    with pytest.raises(TableModelUnavailable, match="truncated"):
        check_table_model(target)


@pytest.mark.parametrize(
    ("config", "reason"),
    [
        (None, "config.json is missing"),
        ("{not json", "config.json cannot be read"),
        ({"model_type": "detr"}, "describes a 'detr' model, not a Table Transformer"),
        (
            {"model_type": "table-transformer", "id2label": {"0": "table", "1": "table rotated"}},
            "no 'table column' label",
        ),
    ],
)
def test_a_directory_that_holds_no_structure_model_fails(
    tiny_model: Path, tmp_path: Path, config: object, reason: str
) -> None:
    target = _copy(tiny_model, tmp_path / "model")
    if config is None:
        (target / "config.json").unlink()
    else:
        text = config if isinstance(config, str) else json.dumps(config)
        (target / "config.json").write_text(text)
    with pytest.raises(TableModelUnavailable, match=reason):
        check_table_model(target)


def test_the_service_refuses_to_start_on_garbage(tiny_model: Path, tmp_path: Path) -> None:
    target = _copy(tiny_model, tmp_path / "model")
    (target / "model.safetensors").write_bytes(b"\x00" * 64)
    settings = ExtractorSettings(table_model_dir=target, ocr_engine="none")
    with pytest.raises(TableModelUnavailable, match=r"model\.safetensors"):
        build(InfraSettings(), settings)


def test_the_start_check_imports_no_torch(tiny_model: Path) -> None:
    probe = (
        "import sys; from pathlib import Path; "
        "from cypheredge.extractor.bootstrap import build; "
        "from cypheredge.extractor.tables.check import check_table_model; "
        "import cypheredge.extractor.tables.reader, cypheredge.extractor.tables.stage; "
        f"check_table_model(Path({str(tiny_model)!r})); "
        "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_auto_is_cuda_only_where_torch_sees_a_gpu() -> None:
    gpu = torch.cuda.is_available()
    assert resolve_device("auto") == ("cuda" if gpu else "cpu")
    assert resolve_device("cpu") == "cpu"
    if gpu:
        assert resolve_device("cuda") == "cuda"
    else:
        with pytest.raises(TableModelUnavailable, match="EXTRACTOR_DEVICE=cuda but torch"):
            resolve_device("cuda")
