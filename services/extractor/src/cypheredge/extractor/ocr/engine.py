"""The OCR engine interface and the registry that builds the configured one.

An engine turns a page image into words with boxes in image pixels; everything after that
(pixels to points, orientation, the parser) is the same whichever engine read the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from PIL.Image import Image

EngineName = Literal["rapidocr", "rapidocr-small", "tesseract", "none"]
ENGINES: tuple[EngineName, ...] = ("rapidocr", "rapidocr-small", "tesseract", "none")


class OcrUnavailable(RuntimeError):
    """The configured engine cannot run (unknown name, model files missing): raised when the
    engine is built, so a misconfigured service fails at start, not on its first scan."""


@dataclass(frozen=True, slots=True)
class OcrWord:
    """One recognised word: its text, its box in image pixels (top-left origin) and the
    recogniser's confidence in [0, 1]."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    confidence: float


@dataclass(frozen=True, slots=True)
class OcrReading:
    """What an engine read on one image. `turn` (90, 180 or 270) is the clockwise turn the
    image needs to be read upright: an engine that finds the page sideways or upside down
    says so before recognising it, with no words, and is given the page turned."""

    words: Sequence[OcrWord]
    lines: int
    turn: int = 0


class OcrEngine(Protocol):
    """An OCR engine: `name` goes into each page's method (`ocr:<name>`), `dpi` is the
    resolution its models read best at (pages are rendered at it, never above). `fine`
    asks for a second, slower look at a page the first reading left unsure: an engine that
    finds its lines on a reduced image looks for them on the image as given."""

    @property
    def name(self) -> str: ...

    @property
    def dpi(self) -> int: ...

    def recognise(self, image: Image, fine: bool = False) -> OcrReading: ...


def build_engine(name: str, device: str = "auto") -> OcrEngine | None:
    """The engine called `name` (None for `none`) on `device` (EXTRACTOR_DEVICE: `auto`
    runs on CUDA when torch sees a GPU, see `ocr.device`); raises OcrUnavailable when it
    cannot run."""
    if name == "none":
        return None
    if name in ("rapidocr", "rapidocr-small"):
        from cypheredge.extractor.ocr.device import torch_device
        from cypheredge.extractor.ocr.rapid import RapidOcrEngine

        return RapidOcrEngine(name, torch_device=torch_device(device))
    if name == "tesseract":  # the system's Tesseract program: CPU only, whatever the device
        from cypheredge.extractor.ocr.tesseract import TesseractEngine

        return TesseractEngine()
    raise OcrUnavailable(f"unknown OCR engine {name!r}: expected one of {', '.join(ENGINES)}")


@lru_cache(maxsize=4)
def shared_engine(name: str, device: str = "auto") -> OcrEngine | None:
    """One engine per name, device and process: loading the models takes a few hundred ms
    and ~100 MB, so a worker builds it once and reuses it for every statement it reads."""
    return build_engine(name, device)


def check_engine(name: str, device: str = "auto") -> None:
    """Fails (OcrUnavailable) unless `name` can be built on `device`, without loading any
    model: what a service runs at start, before its sandboxed workers build the engine
    themselves. `cuda` without a CUDA device fails here; `auto` never does (it falls back to
    the CPU), so it is not probed (that would import torch at every start)."""
    if name == "none":
        return
    if name in ("rapidocr", "rapidocr-small"):
        from cypheredge.extractor.ocr.device import torch_device
        from cypheredge.extractor.ocr.rapid import model_files

        model_files(name)
        if device != "auto":
            torch_device(device)
        return
    if name == "tesseract":
        from cypheredge.extractor.ocr.tesseract import check

        check()
        return
    build_engine(name, device)
