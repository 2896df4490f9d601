"""rapidocr's model sessions run by torch: the same PP-OCR graphs, on CUDA (or the CPU, in tests).

rapidocr calls each model through a session object (`session(batch) -> array`, and
`have_key` / `get_character_list` for a recogniser whose keys the graph carries), built by
its detector, classifier and recogniser from their configuration. Its engines are a fixed
list (onnxruntime, OpenVINO, paddle, its own torch models), so the seam is the session: once
rapidocr has loaded a model (which proves the file reads), `use_torch` replaces that
model's session with a `TorchSession` of the same file. Everything around the model (resize,
normalisation, box decoding, CTC) stays rapidocr's, so a page is read the same either way.

The recogniser's line crops reach the device in rapidocr's batches (six lines of like
width, each batch padded to its widest line). The batch size is kept: the recogniser reads
the padding too (its attention spans the whole padded line), so larger batches read some
lines differently (at 64 a line, a dense page lost word spaces: `01Nov2023`), and the CPU
and the GPU would no longer give the same words.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import torch

from cypheredge.extractor.ocr.torch_graph import TorchGraph

# rapidocr's attribute for each model it has loaded, by its task name.
MODELS = {"Det": "text_det", "Cls": "text_cls", "Rec": "text_rec"}


class TorchSession:
    """One ONNX graph on `device`, called as rapidocr calls an onnxruntime session."""

    def __init__(self, path: Path, device: str) -> None:
        self.device = torch.device(device)
        self.graph = TorchGraph.load(path).eval().to(self.device)

    def __call__(self, batch: np.ndarray) -> np.ndarray:
        with torch.inference_mode(), _exact_fp32(self.device):
            x = torch.from_numpy(np.ascontiguousarray(batch, dtype=np.float32))
            out = self.graph(x.to(self.device, non_blocking=True))[0]
            result: np.ndarray = out.cpu().numpy()
        return result

    def have_key(self, key: str = "character") -> bool:
        return key in self.graph.metadata

    def get_character_list(self, key: str = "character") -> list[str]:
        return self.graph.metadata[key].splitlines()


def use_torch(ocr: Any, paths: Mapping[str, Path], device: str) -> None:
    """Runs the detector, classifier and recogniser of a loaded `RapidOCR` through torch on
    `device`; `paths` are the files rapidocr loaded, by task."""
    for task, attribute in MODELS.items():
        getattr(ocr, attribute).session = TorchSession(paths[task], device)


@contextmanager
def _exact_fp32(device: torch.device) -> Iterator[None]:
    """Convolutions and matrix products in full float32 on CUDA while OCR runs: cuDNN's
    default TF32 keeps 10 bits of mantissa (errors near 1e-3 where float32 gives 1e-6), which
    could tip a character or a box edge away from the CPU's reading. The previous setting is
    put back after (the table model's own)."""
    if device.type != "cuda":
        yield
        return
    # torch 2.9 on names the precision per backend; before, a flag allows TF32 or not.
    conv: Any = getattr(torch.backends.cudnn, "conv", None)
    matmul: Any = torch.backends.cuda.matmul
    exact: str | bool
    if conv is not None and hasattr(conv, "fp32_precision"):
        settings, exact = [(conv, "fp32_precision"), (matmul, "fp32_precision")], "ieee"
    else:
        settings, exact = [(torch.backends.cudnn, "allow_tf32"), (matmul, "allow_tf32")], False
    before = [getattr(owner, name) for owner, name in settings]
    for owner, name in settings:
        setattr(owner, name, exact)
    try:
        yield
    finally:
        for (owner, name), value in zip(settings, before, strict=True):
            setattr(owner, name, value)
