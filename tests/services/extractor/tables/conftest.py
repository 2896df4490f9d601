"""A tiny Table Transformer built here with random weights (no package ships real ones).

A randomly initialised DETR puts every query's box in the same place (its box head starts at
zero) and cannot tell one label from another. So that the whole path, boxes to words, runs on
a real page, the two heads are set after the random start: the class head says `table column`
for every query, and the box head gives tall narrow boxes whose centres spread across the page
along the direction in which the queries' random features differ most on that page. Where the
boxes land stays arbitrary; the mapping is tested with known boxes in test_column_cells.py.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import torch
from PIL.Image import Image
from transformers import (
    DetrImageProcessorPil,
    ResNetConfig,
    TableTransformerConfig,
    TableTransformerForObjectDetection,
)

from cypheredge.extractor.pdfwords.pdfium_words import PdfiumDocument
from cypheredge.extractor.tables.finder import LONG_SIDE
from cypheredge.synth import generate

LABELS = {
    0: "table",
    1: "table column",
    2: "table row",
    3: "table column header",
    4: "table projected row header",
    5: "table spanning cell",
}
QUERIES = 12
LAYOUT, SEED = "uk_ruled", 3


def build_tiny_model(directory: Path, page: Image) -> Path:
    """Save a structure-recognition model small enough to run in milliseconds."""
    torch.manual_seed(7)
    # Four stages: the backbone reduces a page by 32, as ResNet-18 does, so the encoder sees a
    # few hundred positions, not tens of thousands.
    backbone = ResNetConfig(
        embedding_size=8,
        hidden_sizes=[8, 8, 8, 8],
        depths=[1, 1, 1, 1],
        layer_type="basic",
        **_untyped(out_features=["stage4"]),
    )
    config = TableTransformerConfig(
        backbone_config=backbone,
        # No timm backbone, nothing downloaded.
        **_untyped(use_timm_backbone=False, use_pretrained_backbone=False),
        d_model=16,
        encoder_layers=1,
        decoder_layers=1,
        encoder_ffn_dim=32,
        decoder_ffn_dim=32,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        num_queries=QUERIES,
        init_std=0.5,  # the default 0.02 leaves the queries all but identical in a model this small
        id2label=LABELS,
        label2id={v: k for k, v in LABELS.items()},
    )
    model: Any = TableTransformerForObjectDetection(config)
    model.eval()
    processor = DetrImageProcessorPil(size={"max_height": LONG_SIDE, "max_width": LONG_SIDE})
    features = _box_features(model, processor(images=[page.convert("RGB")], return_tensors="pt"))
    with torch.no_grad():
        classes = model.class_labels_classifier
        classes.weight.zero_()
        classes.bias.fill_(-10.0)
        classes.bias[1] = 10.0  # "table column"
        boxes = model.bbox_predictor.layers[-1]
        boxes.weight.zero_()
        centre, spread = features.mean(0), features.std(0)
        most = int(spread.argmax())
        boxes.weight[0, most] = 3.0 / float(spread[most])  # x centres over about 5%-95%
        boxes.bias.copy_(torch.tensor([-3.0 * float(centre[most] / spread[most]), 0, 0, 0]))
        boxes.bias[2] = math.log(0.04 / 0.96)  # 4% of the page wide
        boxes.bias[3] = math.log(0.8 / 0.2)  # 80% of it tall
    model.save_pretrained(directory)
    processor.save_pretrained(directory)
    return directory


def _untyped(**options: Any) -> dict[str, Any]:
    """Options the configs take (through their post-init) but their typed signatures omit."""
    return options


def _box_features(model: Any, inputs: Any) -> torch.Tensor:
    """What the box head's last layer sees for each query on this page."""
    seen: list[torch.Tensor] = []
    head = model.bbox_predictor.layers[-1]
    hook = head.register_forward_pre_hook(lambda _module, args: seen.append(args[0][0]))
    with torch.inference_mode():
        model(**inputs)
    hook.remove()
    return seen[0]


def first_page(pdf: bytes) -> Image:
    with PdfiumDocument(pdf) as doc:
        width, height = doc.page_size(1)
        return doc.render(1, LONG_SIDE / max(width, height))


@pytest.fixture(scope="session")
def statement() -> bytes:
    return generate(LAYOUT, SEED).pdf


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory, statement: bytes) -> Path:
    return build_tiny_model(tmp_path_factory.mktemp("table-model"), first_page(statement))
