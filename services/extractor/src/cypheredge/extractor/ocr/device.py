"""EXTRACTOR_DEVICE for OCR: onnxruntime on the CPU, or the same models through torch on CUDA.

`auto` picks CUDA when torch sees a GPU. A machine without an NVIDIA driver is known to have
none without importing torch (a second or more, and hundreds of MB, in every OCR worker), so
the CPU path stays as it was: onnxruntime, and no torch.
"""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path

from cypheredge.extractor.ocr.engine import OcrUnavailable

log = logging.getLogger(__name__)

# Where the NVIDIA driver lists its GPUs, and its first device node.
NVIDIA = (Path("/proc/driver/nvidia/gpus"), Path("/dev/nvidia0"))
# What running the ONNX graphs through torch needs (the extractor's `torch` extra).
TORCH_MODULES = ("torch", "onnx")


def torch_device(device: str) -> str | None:
    """The torch device OCR runs on for EXTRACTOR_DEVICE=`device` (`cuda`), or None for
    onnxruntime on the CPU; OcrUnavailable when `cuda` is asked for and cannot be had."""
    if device == "cpu":
        return None
    if device not in ("auto", "cuda"):
        raise OcrUnavailable(f"EXTRACTOR_DEVICE={device}: expected one of auto, cpu, cuda")
    if device == "auto" and not gpu_driver_present():
        return None
    missing = [m for m in TORCH_MODULES if importlib.util.find_spec(m) is None]
    if missing:
        reason = (
            f"OCR on CUDA needs {' and '.join(missing)}: install the extractor's `torch` extra"
            " (uv sync --extra torch, or pip install 'cypheredge-extractor[torch]')"
        )
        if device == "cuda":
            raise OcrUnavailable(f"EXTRACTOR_DEVICE=cuda: {reason}")
        log.warning("EXTRACTOR_DEVICE=auto: a GPU is present, OCR runs on the CPU (%s)", reason)
        return None
    try:
        import torch

        if torch.cuda.is_available():
            return "cuda"
    except (ImportError, OSError, RuntimeError) as exc:
        # A worker under a small address-space cap may not even load torch's libraries.
        if device == "cuda":
            raise OcrUnavailable(f"EXTRACTOR_DEVICE=cuda: torch cannot start: {exc}") from exc
        log.warning("EXTRACTOR_DEVICE=auto: a GPU is present, OCR runs on the CPU (%s)", exc)
        return None
    if device == "cuda":
        raise OcrUnavailable(
            f"EXTRACTOR_DEVICE=cuda but torch {torch.__version__} sees no CUDA device"
            " (a CPU build of torch, or no GPU here): OCR cannot run on CUDA"
        )
    return None


def gpu_driver_present() -> bool:
    """Whether an NVIDIA driver shows a GPU here (what torch would need to see one)."""
    listing, node = NVIDIA
    try:
        return node.exists() or (listing.is_dir() and any(listing.iterdir()))
    except OSError:
        return False
