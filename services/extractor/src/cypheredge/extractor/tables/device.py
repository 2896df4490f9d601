"""EXTRACTOR_DEVICE: where the table model runs (`auto`: CUDA when torch sees a GPU)."""

from __future__ import annotations

from cypheredge.extractor.tables.check import Device, TableModelUnavailable


def resolve_device(device: Device) -> str:
    """`cpu` or `cuda` for `device`; raises TableModelUnavailable for `cuda` without a GPU."""
    import torch

    if device == "cpu":
        return "cpu"
    available = torch.cuda.is_available()
    if device == "cuda" and not available:
        raise TableModelUnavailable(
            f"EXTRACTOR_DEVICE=cuda but torch {torch.__version__} sees no CUDA device"
            " (a CPU build of torch, or no GPU here)"
        )
    return "cuda" if available else "cpu"
