"""Choosing the OCR engine: a setting, and a clear failure when it cannot run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from cypheredge.extractor.ocr.engine import OcrUnavailable, build_engine, check_engine
from cypheredge.extractor.ocr.rapid import CLS, MODEL_SETS, RapidOcrEngine, model_files
from cypheredge.extractor.settings import ExtractorSettings


@pytest.mark.parametrize("name", sorted(MODEL_SETS))
def test_the_installed_wheels_ship_every_file_each_engine_needs(name: str) -> None:
    files = model_files(name)
    assert {"Det", "Rec", "Cls"} <= set(files)
    for path in files.values():
        assert path.stat().st_size > 10_000
    check_engine(name)


def test_an_engine_whose_models_are_missing_fails_at_construction(tmp_path: Path) -> None:
    with pytest.raises(OcrUnavailable, match=r"rapidocr: the Det file .*det.onnx is missing"):
        RapidOcrEngine("rapidocr", tmp_path)


def test_an_unreadable_model_fails_at_construction_too(tmp_path: Path) -> None:
    models = MODEL_SETS["rapidocr"]
    for _package, relative in (models.det, models.rec, models.keys or models.rec, CLS):
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"not an onnx graph")
    with pytest.raises(OcrUnavailable, match="cannot load its model"):
        RapidOcrEngine("rapidocr", tmp_path)


def test_none_disables_ocr_and_an_unknown_engine_is_refused() -> None:
    assert build_engine("none") is None
    check_engine("none")
    with pytest.raises(OcrUnavailable, match="unknown OCR engine 'easyocr'"):
        build_engine("easyocr")


def test_the_setting_defaults_to_rapidocr_and_reads_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert ExtractorSettings().ocr_engine == "rapidocr"
    monkeypatch.setenv("EXTRACTOR_OCR_ENGINE", "rapidocr-small")
    assert ExtractorSettings().ocr_engine == "rapidocr-small"
    monkeypatch.setenv("EXTRACTOR_OCR_ENGINE", "none")
    assert ExtractorSettings().ocr_engine == "none"
    monkeypatch.setenv("EXTRACTOR_OCR_ENGINE", "paddle")
    with pytest.raises(ValidationError):
        ExtractorSettings()


def test_without_a_gpu_auto_reads_on_onnxruntime_and_never_imports_torch() -> None:
    # In a fresh interpreter, with the NVIDIA driver's files pointed at nothing (a CPU host).
    probe = (
        "import sys; from pathlib import Path;"
        "import cypheredge.extractor.ocr.device as d;"
        "d.NVIDIA = (Path('/nonexistent/gpus'), Path('/nonexistent/nvidia0'));"
        "from cypheredge.extractor.ocr.engine import build_engine, check_engine;"
        "check_engine('rapidocr', 'auto'); check_engine('rapidocr', 'cpu');"
        "e = build_engine('rapidocr', 'auto'); c = build_engine('rapidocr', 'cpu');"
        "print(e.torch_device, c.torch_device, 'torch' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.split() == ["None", "None", "False"]


def test_an_unknown_device_is_refused() -> None:
    with pytest.raises(OcrUnavailable, match="EXTRACTOR_DEVICE=tpu: expected one of"):
        build_engine("rapidocr", "tpu")
