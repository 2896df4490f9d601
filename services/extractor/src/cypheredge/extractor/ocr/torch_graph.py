"""An ONNX graph run by torch: PP-OCR's shipped models on any device torch has (CUDA).

onnxruntime here is the CPU build (its CUDA build is hundreds of MB and cannot be brought to
a GPU machine), and onnx2torch needs torchvision; so this interprets the graph itself, node
by node in the file's order, over the operators of `torch_ops`. The weights become the
module's buffers (moved with `.to(device)`); integer constants stay on the CPU as shape data.
A graph with an operator that `torch_ops` lacks is refused when loaded, naming each one.
Activations are dropped after their last use, so a large page's detector keeps no more than
its live tensors.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import Tensor

from cypheredge.extractor.ocr.onnx_graph import Graph, Node, read_graph
from cypheredge.extractor.ocr.torch_ops import HOST_ARGS, OPS, Op, UnsupportedOp


@dataclass(frozen=True)
class _Step:
    node: Node
    run: Op
    inputs: tuple[tuple[str, bool], ...]  # (value name, take the constant's CPU copy)
    drop: tuple[str, ...]  # values whose last use this is


class TorchGraph(torch.nn.Module):
    """The graph as a module: `forward(*inputs)` gives its outputs, in the graph's order."""

    def __init__(self, graph: Graph) -> None:
        super().__init__()
        missing = sorted({n.op for n in graph.nodes} - set(OPS) - {"Constant"})
        if missing:
            raise UnsupportedOp(f"no torch version of ONNX operator(s) {', '.join(missing)}")
        self.opset = graph.opset
        self.input_names = graph.inputs
        self.output_names = graph.outputs
        self.metadata = dict(graph.metadata)
        constants = dict(graph.weights) | {
            n.outputs[0]: _constant(n) for n in graph.nodes if n.op == "Constant"
        }
        wanted_on_host = {
            name
            for n in graph.nodes
            for i, name in enumerate(n.inputs)
            if i in HOST_ARGS.get(n.op, ())
        }
        self._buffers_of: dict[str, str] = {}
        self._host: dict[str, Tensor] = {}
        for i, (name, array) in enumerate(constants.items()):
            tensor = torch.from_numpy(np.array(array, copy=True))
            if not tensor.is_floating_point() or name in wanted_on_host:
                self._host[name] = tensor
            if tensor.is_floating_point():
                self._buffers_of[name] = f"w{i}"
                self.register_buffer(f"w{i}", tensor)
        self._steps = _steps(graph, set(constants))

    @classmethod
    def load(cls, path: Path) -> TorchGraph:
        return cls(read_graph(path))

    def forward(self, *inputs: Tensor) -> tuple[Tensor, ...]:
        values = dict(zip(self.input_names, inputs, strict=True))
        for step in self._steps:
            args = [self._value(values, name, host) for name, host in step.inputs]
            try:
                values[step.node.outputs[0]] = step.run(args, step.node.attrs, self.opset)
            except UnsupportedOp as exc:
                raise UnsupportedOp(f"node {step.node.name} ({step.node.op}): {exc}") from None
            for name in step.drop:
                del values[name]
        return tuple(values[name] for name in self.output_names)

    def _value(self, values: Mapping[str, Tensor], name: str, host: bool) -> Tensor | None:
        if not name:
            return None  # an optional input left out
        if name in values:
            return values[name]
        if host or name not in self._buffers_of:
            return self._host[name]
        buffer: Tensor = getattr(self, self._buffers_of[name])
        return buffer


def _constant(node: Node) -> np.ndarray:
    if set(node.attrs) != {"value"}:
        raise UnsupportedOp(f"node {node.name} (Constant) with {sorted(node.attrs)}")
    value: Any = node.attrs["value"]
    return np.asarray(value)


def _steps(graph: Graph, constants: set[str]) -> tuple[_Step, ...]:
    """The nodes to run, each with what it reads and which activations die after it."""
    nodes = [n for n in graph.nodes if n.op != "Constant"]
    for node in nodes:
        if len([o for o in node.outputs if o]) != 1:
            raise UnsupportedOp(f"node {node.name} ({node.op}) with {len(node.outputs)} outputs")
    last_use: dict[str, int] = {}
    for index, node in enumerate(nodes):
        for name in node.inputs:
            if name and name not in constants:
                last_use[name] = index
    kept = set(graph.outputs)
    dying: dict[int, list[str]] = {}
    for name, index in last_use.items():
        if name not in kept:
            dying.setdefault(index, []).append(name)
    return tuple(
        _Step(
            node,
            OPS[node.op],
            tuple((name, i in HOST_ARGS.get(node.op, ())) for i, name in enumerate(node.inputs)),
            tuple(dying.get(index, ())),
        )
        for index, node in enumerate(nodes)
    )
