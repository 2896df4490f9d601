"""Choosing the OCR engine: a setting, and a clear failure when it cannot run."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from cypheredge.extractor.ocr.engine import OcrUnavailable, build_engine, check_engine
from cypheredge.extractor.ocr.rapid import MODELS, RapidOcrEngine, model_dir
from cypheredge.extractor.settings import ExtractorSettings


def test_the_wheel_ships_every_model_rapidocr_needs() -> None:
    for name in MODELS.values():
        assert (model_dir() / name).stat().st_size > 100_000
    check_engine("rapidocr")


def test_an_engine_whose_models_are_missing_fails_at_construction(tmp_path: Path) -> None:
    with pytest.raises(OcrUnavailable, match=r"the Det model .*PP-OCRv6_det_small.onnx is missing"):
        RapidOcrEngine(tmp_path)


def test_an_unreadable_model_fails_at_construction_too(tmp_path: Path) -> None:
    for name in MODELS.values():
        (tmp_path / name).write_bytes(b"not an onnx graph")
    with pytest.raises(OcrUnavailable, match="cannot load its model"):
        RapidOcrEngine(tmp_path)


def test_none_disables_ocr_and_an_unknown_engine_is_refused() -> None:
    assert build_engine("none") is None
    check_engine("none")
    with pytest.raises(OcrUnavailable, match="unknown OCR engine 'tesseract'"):
        build_engine("tesseract")


def test_the_setting_defaults_to_rapidocr_and_reads_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert ExtractorSettings().ocr_engine == "rapidocr"
    monkeypatch.setenv("EXTRACTOR_OCR_ENGINE", "none")
    assert ExtractorSettings().ocr_engine == "none"
    monkeypatch.setenv("EXTRACTOR_OCR_ENGINE", "paddle")
    with pytest.raises(ValidationError):
        ExtractorSettings()
