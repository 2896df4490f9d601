"""The settings of stages C/D alone (env prefix ``EXTRACTOR_``), part of ExtractorSettings.

Separate so that `cypheredge extract` reads them without the rest of the service's settings
(and the OCR registry they name).
"""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

from cypheredge.extractor.tables.check import Device


class TableSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="EXTRACTOR_", extra="ignore")

    # A directory holding a structure-recognition Table Transformer (config.json and
    # model.safetensors), read with local_files_only. Unset, stages C/D are absent and a page
    # they might have helped says "table model not configured". Needs the extractor's `torch`
    # extra; in the service, room in max_memory_mb for torch (about 1 GB more on the CPU).
    table_model_dir: Path | None = None
    # Where the table model and OCR (stage E) run: `auto` is CUDA when torch sees a GPU, else
    # the CPU (OCR there on onnxruntime, without importing torch; see ocr/device.py).
    device: Device = "auto"
