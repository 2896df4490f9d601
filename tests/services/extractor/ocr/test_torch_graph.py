"""PP-OCR's ONNX graphs run by torch (the CUDA path, here on the CPU with the same code):
each model gives what onnxruntime gives on a real page's inputs, and a page reads the same."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

pytest.importorskip("torch")
pytest.importorskip("onnx")

import torch

from cetest.scans import page_images
from cypheredge.extractor.ocr import device
from cypheredge.extractor.ocr.clean import for_recognition
from cypheredge.extractor.ocr.engine import OcrUnavailable, build_engine, check_engine
from cypheredge.extractor.ocr.onnx_graph import Graph, Node
from cypheredge.extractor.ocr.rapid import RapidOcrEngine, model_files
from cypheredge.extractor.ocr.torch_graph import TorchGraph
from cypheredge.extractor.ocr.torch_ops import OPS, UnsupportedOp
from cypheredge.extractor.ocr.torch_session import MODELS, TorchSession, _exact_fp32
from cypheredge.synth import generate
from cypheredge.synth.scan import STYLES, scan

pytestmark = pytest.mark.slow  # a page of OCR, twice

# Every operator the shipped detectors, recognisers and direction classifier use.
SHIPPED_OPS = {
    *("Add", "AveragePool", "BatchNormalization", "Cast", "Clip", "Concat", "Conv"),
    *("ConvTranspose", "Div", "Erf", "GlobalAveragePool", "HardSigmoid", "Identity"),
    *("MatMul", "MaxPool", "Mul", "ReduceMean", "Relu", "Reshape", "Resize", "Shape"),
    *("Sigmoid", "Slice", "Softmax", "Squeeze", "Transpose", "Unsqueeze"),
    *("Pow", "Sqrt", "Sub"),  # the small recogniser's layer norm
}
# Largest difference from onnxruntime allowed in each model's output (probabilities in
# [0, 1]); measured on this page: detector 3e-4 (a map through 80 convolutions), recogniser
# and classifier far less. Sums run in another order, so bit-equality is not to be had.
TOLERANCE = {"Det": 1e-3, "Rec": 1e-4, "Cls": 1e-4}


@pytest.fixture(scope="module")
def page() -> Image.Image:
    """The top third of a scanned statement page (its header and first rows), as the
    reader hands it to the engine."""
    pdf = scan(generate("uk_ruled", 0).pdf, STYLES["office"], 0)
    [image] = page_images(pdf, dpi=200, pages=[1])
    width, height = image.size
    return for_recognition(image.convert("RGB").crop((0, 0, width, height // 3)))


@pytest.fixture(scope="module")
def onnxruntime_engine() -> RapidOcrEngine:
    return RapidOcrEngine("rapidocr")


@pytest.fixture(scope="module")
def torch_engine() -> RapidOcrEngine:
    return RapidOcrEngine("rapidocr", torch_device="cpu")


@pytest.fixture(scope="module")
def batches(onnxruntime_engine: RapidOcrEngine, page: Image.Image) -> dict[str, list[np.ndarray]]:
    return _recorded(onnxruntime_engine, page)


def _recorded(engine: RapidOcrEngine, page: Image.Image) -> dict[str, list[np.ndarray]]:
    """Each model's input batches while `engine` reads `page` (the direction sample too)."""
    seen: dict[str, list[np.ndarray]] = {task: [] for task in MODELS}
    models = {task: getattr(engine._ocr, attribute) for task, attribute in MODELS.items()}
    sessions = {task: model.session for task, model in models.items()}
    for task, model in models.items():

        def record(batch: np.ndarray, task: str = task) -> Any:
            seen[task].append(batch.copy())
            return sessions[task](batch)

        model.session = record
    try:
        engine.recognise(page)
    finally:
        for task, model in models.items():
            model.session = sessions[task]
    return seen


@pytest.mark.parametrize("task", sorted(MODELS))
def test_each_model_through_torch_gives_what_onnxruntime_gives_on_a_real_page(
    task: str, batches: dict[str, list[np.ndarray]], onnxruntime_engine: RapidOcrEngine
) -> None:
    assert batches[task], f"the page sent nothing to {task}"
    ort_session = getattr(onnxruntime_engine._ocr, MODELS[task]).session
    torch_session = TorchSession(model_files("rapidocr")[task], "cpu")
    worst = 0.0
    for batch in batches[task]:
        expected, got = ort_session(batch), torch_session(batch)
        assert got.shape == expected.shape
        assert got.dtype == np.float32
        worst = max(worst, float(np.abs(got - expected).max()))
    print(f"{task}: {len(batches[task])} batches, at most {worst:.2e} from onnxruntime")
    assert worst < TOLERANCE[task], f"{task}: {worst:.2e} from onnxruntime"


def test_a_page_read_through_torch_has_the_same_words_and_boxes_as_through_onnxruntime(
    page: Image.Image, onnxruntime_engine: RapidOcrEngine, torch_engine: RapidOcrEngine
) -> None:
    expected = onnxruntime_engine.recognise(page)
    got = torch_engine.recognise(page)

    assert len(expected.words) > 30
    assert got.lines == expected.lines
    assert got.turn == expected.turn == 0
    assert [(w.text, w.x0, w.y0, w.x1, w.y1) for w in got.words] == [
        (w.text, w.x0, w.y0, w.x1, w.y1) for w in expected.words
    ]
    for mine, theirs in zip(got.words, expected.words, strict=True):
        assert mine.confidence == pytest.approx(theirs.confidence, abs=1e-3)


def test_the_executor_covers_exactly_the_shipped_operators() -> None:
    used: set[str] = set()
    for name in ("rapidocr", "rapidocr-small"):
        for task in MODELS:
            graph = TorchGraph.load(model_files(name)[task])
            used |= {step.node.op for step in graph._steps}
    assert used == SHIPPED_OPS
    assert set(OPS) == SHIPPED_OPS


def test_a_graph_with_an_operator_it_lacks_is_refused_naming_each() -> None:
    nodes = (
        Node("LSTM", "a", ("x",), ("y",)),
        Node("Relu", "b", ("y",), ("z",)),
        Node("Gemm", "c", ("z",), ("out",)),
    )
    graph = Graph(14, ("x",), ("out",), {}, nodes, {})
    with pytest.raises(UnsupportedOp, match=r"ONNX operator\(s\) Gemm, LSTM$"):
        TorchGraph(graph)


def test_an_attribute_value_no_shipped_graph_has_is_refused_naming_the_node() -> None:
    nodes = (
        Node("Constant", "k", (), ("scales",), {"value": np.ones(4, np.float32)}),
        Node("Resize", "up", ("x", "", "scales"), ("out",), {"mode": "linear"}),
    )
    graph = TorchGraph(Graph(14, ("x",), ("out",), {}, nodes, {}))
    with pytest.raises(UnsupportedOp, match=r"node up \(Resize\): Resize with .*'linear'"):
        graph(torch.zeros(1, 1, 2, 2))


def test_a_cuda_device_without_cuda_fails_at_start_with_the_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)  # as on a machine without
    with pytest.raises(OcrUnavailable, match=r"EXTRACTOR_DEVICE=cuda but torch .* no CUDA"):
        check_engine("rapidocr", "cuda")
    with pytest.raises(OcrUnavailable, match="EXTRACTOR_DEVICE=cuda"):
        build_engine("rapidocr", "cuda")
    with pytest.raises(OcrUnavailable, match="EXTRACTOR_DEVICE=tpu: expected one of"):
        check_engine("rapidocr", "tpu")
    check_engine("rapidocr", "auto")
    check_engine("rapidocr", "cpu")


def test_cuda_runs_in_full_float32_and_the_setting_is_put_back() -> None:
    cudnn: Any = torch.backends.cudnn  # its `conv` is set at import, untyped
    conv = cudnn.conv
    before = conv.fp32_precision
    with _exact_fp32(torch.device("cuda")):
        assert conv.fp32_precision == "ieee"
        assert torch.backends.cuda.matmul.fp32_precision == "ieee"
    assert conv.fp32_precision == before


def test_auto_with_a_driver_but_no_cuda_in_torch_reads_on_the_cpu(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)  # torch's CPU build
    node = tmp_path / "nvidia0"
    node.touch()  # a driver's device node, and torch's CPU build
    monkeypatch.setattr(device, "NVIDIA", (tmp_path / "gpus", node))
    assert device.gpu_driver_present()
    assert device.torch_device("auto") is None
    with pytest.raises(OcrUnavailable, match="sees no CUDA device"):
        device.torch_device("cuda")
