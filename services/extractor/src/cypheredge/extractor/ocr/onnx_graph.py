"""An ONNX model file as plain data: its nodes in order, its weights as numpy arrays.

Read with the `onnx` package (the extractor's `torch` extra), so the torch executor in
`torch_graph` never sees a protobuf. Only what running the graph needs is kept: one graph of
the default domain (no subgraphs, no functions), with its opset, named inputs and outputs,
initialisers, and each node's attributes as Python values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np


class GraphUnreadable(RuntimeError):
    """The file is no ONNX model that this reader can run (a subgraph, another domain)."""


@dataclass(frozen=True)
class Node:
    op: str
    name: str
    inputs: tuple[str, ...]  # "" for an optional input left out
    outputs: tuple[str, ...]
    attrs: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Graph:
    opset: int
    inputs: tuple[str, ...]
    outputs: tuple[str, ...]
    weights: Mapping[str, np.ndarray]
    nodes: tuple[Node, ...]
    metadata: Mapping[str, str]


def read_graph(path: Path) -> Graph:
    """The model at `path`; raises GraphUnreadable when it holds what no op here runs."""
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(path))
    opsets = {o.domain or "ai.onnx": o.version for o in model.opset_import}
    if set(opsets) != {"ai.onnx"}:
        raise GraphUnreadable(f"{path.name}: operator sets {sorted(opsets)}, only ai.onnx runs")
    graph = model.graph
    weights = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    nodes = tuple(_node(n, path) for n in graph.node)
    return Graph(
        opset=opsets["ai.onnx"],
        # Before IR 4 an initialiser is listed among the inputs too: it is no input.
        inputs=tuple(i.name for i in graph.input if i.name not in weights),
        outputs=tuple(o.name for o in graph.output),
        weights=weights,
        nodes=nodes,
        metadata={p.key: p.value for p in model.metadata_props},
    )


def _node(node: Any, path: Path) -> Node:
    from onnx import AttributeProto, helper, numpy_helper

    if node.domain not in ("", "ai.onnx"):
        raise GraphUnreadable(f"{path.name}: node {node.name} is of domain {node.domain}")
    attrs: dict[str, Any] = {}
    for attr in node.attribute:
        if attr.type in (AttributeProto.GRAPH, AttributeProto.GRAPHS):
            raise GraphUnreadable(f"{path.name}: node {node.name} ({node.op_type}) has a subgraph")
        value = helper.get_attribute_value(attr)
        if attr.type == AttributeProto.TENSOR:
            value = numpy_helper.to_array(value)
        elif isinstance(value, bytes):
            value = value.decode()
        elif isinstance(value, list):
            value = tuple(v.decode() if isinstance(v, bytes) else v for v in value)
        attrs[attr.name] = value
    return Node(node.op_type, node.name, tuple(node.input), tuple(node.output), attrs)
