"""Extractor settings (env prefix ``EXTRACTOR_``)."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from cypheredge.extractor.ocr.engine import EngineName
from cypheredge.extractor.tables.settings import TableSettings
from cypheredge.kit.workers import WorkerSettings


class ExtractorSettings(WorkerSettings, TableSettings):
    # Stages C/D: table_model_dir (EXTRACTOR_TABLE_MODEL_DIR) and device (EXTRACTOR_DEVICE),
    # declared in TableSettings.
    model_config = SettingsConfigDict(env_prefix="EXTRACTOR_", extra="ignore")

    health_port: int = 9002
    workers: int = 1
    timeout_seconds: float = 120.0
    # Each extraction worker's address-space cap (RLIMIT_AS) in the PDF sandbox. OCR of an A4
    # page at 200 dpi peaks at ~0.8 GB resident (onnxruntime, the models, the page image);
    # 2 GiB of address space holds it with room for pdfplumber's fallbacks.
    max_memory_mb: int = 2048
    # Stage E for pages without a text layer: `rapidocr` (PaddleOCR's PP-OCRv6 tiny models,
    # ~1.5 s a page on two cores), `rapidocr-small` (its small models, ~4x slower),
    # `tesseract` (the system's Tesseract program, TESSERACT_CMD / TESSERACT_LANGS) or `none`
    # (such pages are flagged, a file without text is refused).
    ocr_engine: EngineName = "rapidocr"


class OcrExtractorSettings(ExtractorSettings):
    """The OCR extractor (`extractor-gpu`, env prefix ``EXTRACTOR_GPU_``): the same settings,
    for the deployment that reads the statements queued for OCR. Its engine and device are
    the ones that matter (EXTRACTOR_GPU_OCR_ENGINE, EXTRACTOR_GPU_DEVICE); the text
    extractor's EXTRACTOR_OCR_ENGINE=none turns the hand-over off."""

    model_config = SettingsConfigDict(env_prefix="EXTRACTOR_GPU_", extra="ignore")

    health_port: int = 9005
    # A scan is read at ~1.5 s a page on two CPU cores: a 200-page one needs minutes.
    timeout_seconds: float = 900.0
