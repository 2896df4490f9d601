"""Table Transformer (structure recognition) on torch: page images in, labelled boxes out.

Imported only where a model directory is configured: it imports torch and transformers.
Weights come from that directory alone (`local_files_only`): no hub is ever asked.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import torch
from transformers import DetrImageProcessorPil, TableTransformerForObjectDetection
from transformers.utils import logging as hf_logging

from cypheredge.extractor.tables.check import Device, TableModelUnavailable
from cypheredge.extractor.tables.columns import Detection
from cypheredge.extractor.tables.device import resolve_device

if TYPE_CHECKING:
    from PIL.Image import Image

# The structure model was trained on images whose longer side is 1000 px (its authors'
# MaxResize(1000)); pages are rendered at that size, so the processor does not resize them.
LONG_SIDE = 1000
# The authors' threshold for every structure class.
THRESHOLD = 0.5


class TableModel:
    """A loaded structure-recognition model on one device, reading pages in batches."""

    def __init__(self, directory: Path, device: Device = "auto", threshold: float = THRESHOLD):
        hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]  # a log is no terminal
        self.device = resolve_device(device)
        self.threshold = threshold
        try:
            model: Any = TableTransformerForObjectDetection.from_pretrained(
                directory, local_files_only=True
            )
        except Exception as exc:  # missing files, bad config, unreadable tensors: all say why
            raise TableModelUnavailable(f"table model {directory}: {exc}") from exc
        self._model = model.to(self.device).eval()
        self._labels: dict[int, str] = {int(k): v for k, v in model.config.id2label.items()}
        self._processor = _processor(directory)

    def detect(self, images: Sequence[Image]) -> list[list[Detection]]:
        """Each image's boxes scoring at least the threshold, in that image's pixels."""
        if not images:
            return []
        rgb = [image.convert("RGB") for image in images]
        inputs = self._processor(images=rgb, return_tensors="pt").to(self.device)
        with torch.inference_mode():
            outputs = self._model(**inputs)
        sizes = [(image.height, image.width) for image in rgb]
        found = self._processor.post_process_object_detection(
            outputs, threshold=self.threshold, target_sizes=sizes
        )
        return [self._detections(one, size) for one, size in zip(found, sizes, strict=True)]

    def _detections(self, found: dict[str, Any], size: tuple[int, int]) -> list[Detection]:
        return [
            Detection(self._labels.get(int(label), str(int(label))), float(score), _clip(box, size))
            for score, label, box in zip(
                found["scores"].tolist(),
                found["labels"].tolist(),
                found["boxes"].tolist(),
                strict=True,
            )
        ]


def _clip(box: Sequence[float], size: tuple[int, int]) -> tuple[float, float, float, float]:
    """A box within the image (DETR's boxes may reach past its edges)."""
    height, width = size
    x0, y0, x1, y1 = (float(v) for v in box)
    return (
        min(max(x0, 0.0), width),
        min(max(y0, 0.0), height),
        min(max(x1, 0.0), width),
        min(max(y1, 0.0), height),
    )


def _processor(directory: Path) -> Any:
    """The directory's own pre-processing where it ships one, else the authors': longer side
    at most 1000 px, ImageNet mean and deviation (the DETR defaults). The PIL processor needs
    no torchvision."""
    if (directory / "preprocessor_config.json").is_file():
        return DetrImageProcessorPil.from_pretrained(directory, local_files_only=True)
    return DetrImageProcessorPil(size={"max_height": LONG_SIDE, "max_width": LONG_SIDE})
