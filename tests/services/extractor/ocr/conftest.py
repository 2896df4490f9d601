"""What the OCR tests share: one engine per module, as a worker keeps one."""

from __future__ import annotations

import pytest

from cypheredge.extractor.ocr.engine import OcrEngine, shared_engine


@pytest.fixture(scope="module")
def engine() -> OcrEngine:
    built = shared_engine("rapidocr")
    assert built is not None
    return built
