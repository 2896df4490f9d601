"""The ONNX operators PP-OCR's detectors, recognisers and direction classifier use, in torch
(those of both engines' models: the small recogniser adds Pow, Sqrt and Sub, a layer norm).

Each follows the ONNX definition for the operator-set versions these graphs carry (11 and
14), including the variants a version changed (Softmax's axis before 13, Squeeze's axes
attribute before 13), and refuses an attribute value no shipped graph has rather than
guessing at it. Integer tensors (shapes and what is computed from them) stay on the CPU, so
the shape arithmetic of a graph never waits on the GPU.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import torch
import torch.nn.functional as F  # noqa: N812 (torch's own convention)
from torch import Tensor

Args = Sequence[Tensor | None]
Op = Callable[[Args, Mapping[str, Any], int], Tensor]

# ONNX TensorProto data types -> torch.
DTYPES = {
    1: torch.float32,
    6: torch.int32,
    7: torch.int64,
    9: torch.bool,
    10: torch.float16,
    11: torch.float64,
}


class UnsupportedOp(NotImplementedError):
    """A node this executor cannot run (an operator, or an attribute value, it lacks)."""


def _arg(args: Args, i: int) -> Tensor | None:
    return args[i] if i < len(args) else None


def _x(args: Args, i: int = 0) -> Tensor:
    value = _arg(args, i)
    if value is None:
        raise UnsupportedOp(f"input {i} is required")
    return value


def _ints(value: Tensor | None) -> list[int] | None:
    return None if value is None else [int(v) for v in value.reshape(-1).tolist()]


def _pads(x: Tensor, attrs: Mapping[str, Any], kernel: Sequence[int]) -> list[int]:
    """Begin pads then end pads, one of each per spatial axis (ONNX `pads` order)."""
    rank = len(kernel)
    auto = attrs.get("auto_pad", "NOTSET")
    if auto == "NOTSET":
        return list(attrs.get("pads", (0,) * (2 * rank)))
    if auto == "VALID":
        return [0] * (2 * rank)
    strides = attrs.get("strides", (1,) * rank)
    dilations = attrs.get("dilations", (1,) * rank)
    begin, end = [], []
    for size, k, s, d in zip(x.shape[2:], kernel, strides, dilations, strict=True):
        total = max((math.ceil(size / s) - 1) * s + (k - 1) * d + 1 - size, 0)
        small = total // 2
        begin.append(small if auto == "SAME_UPPER" else total - small)
        end.append(total - begin[-1])
    return begin + end


def _padded(x: Tensor, pads: list[int], value: float) -> tuple[Tensor, list[int]]:
    """`x` padded where its pads differ at the two ends (torch pads both ends alike), and
    the symmetric pads left for the operator itself."""
    rank = len(pads) // 2
    begin, end = pads[:rank], pads[rank:]
    if begin == end:
        return x, begin
    spec: list[int] = []
    for b, e in zip(reversed(begin), reversed(end), strict=True):
        spec += [b, e]
    return F.pad(x, spec, value=value), [0] * rank


def conv(args: Args, attrs: Mapping[str, Any], opset: int) -> Tensor:
    x, w = _x(args), _x(args, 1)
    kernel = attrs.get("kernel_shape", tuple(w.shape[2:]))
    if len(kernel) != 2:
        raise UnsupportedOp(f"Conv over {len(kernel)} axes (only 2)")
    x, pads = _padded(x, _pads(x, attrs, kernel), 0.0)
    return F.conv2d(
        x,
        w,
        _arg(args, 2),
        stride=tuple(attrs.get("strides", (1, 1))),
        padding=tuple(pads),
        dilation=tuple(attrs.get("dilations", (1, 1))),
        groups=int(attrs.get("group", 1)),
    )


def conv_transpose(args: Args, attrs: Mapping[str, Any], opset: int) -> Tensor:
    x, w = _x(args), _x(args, 1)
    unsupported = {"auto_pad", "output_shape", "output_padding"} & set(attrs)
    pads = list(attrs.get("pads", (0, 0, 0, 0)))
    if unsupported or pads[:2] != pads[2:] or w.dim() != 4:
        raise UnsupportedOp(f"ConvTranspose with {sorted(unsupported) or pads}")
    return F.conv_transpose2d(
        x,
        w,
        _arg(args, 2),
        stride=tuple(attrs.get("strides", (1, 1))),
        padding=tuple(pads[:2]),
        groups=int(attrs.get("group", 1)),
        dilation=tuple(attrs.get("dilations", (1, 1))),
    )


def max_pool(args: Args, attrs: Mapping[str, Any], opset: int) -> Tensor:
    x = _x(args)
    kernel = tuple(attrs["kernel_shape"])
    if len(kernel) != 2 or attrs.get("storage_order", 0):
        raise UnsupportedOp(f"MaxPool over {len(kernel)} axes or in column order")
    x, pads = _padded(x, _pads(x, attrs, kernel), -math.inf)
    return F.max_pool2d(
        x,
        kernel,
        stride=tuple(attrs.get("strides", (1, 1))),
        padding=tuple(pads),
        dilation=tuple(attrs.get("dilations", (1, 1))),
        ceil_mode=bool(attrs.get("ceil_mode", 0)),
    )


def average_pool(args: Args, attrs: Mapping[str, Any], opset: int) -> Tensor:
    x = _x(args)
    kernel = tuple(attrs["kernel_shape"])
    pads = _pads(x, attrs, kernel)
    if len(kernel) != 2 or pads[:2] != pads[2:]:
        raise UnsupportedOp(f"AveragePool over {len(kernel)} axes or with pads {pads}")
    return F.avg_pool2d(
        x,
        kernel,
        stride=tuple(attrs.get("strides", (1, 1))),
        padding=tuple(pads[:2]),
        ceil_mode=bool(attrs.get("ceil_mode", 0)),
        count_include_pad=bool(attrs.get("count_include_pad", 0)),
    )


def global_average_pool(args: Args, attrs: Mapping[str, Any], opset: int) -> Tensor:
    x = _x(args)
    return x.mean(dim=tuple(range(2, x.dim())), keepdim=True)


def batch_norm(args: Args, attrs: Mapping[str, Any], opset: int) -> Tensor:
    if attrs.get("training_mode", 0):
        raise UnsupportedOp("BatchNormalization in training mode")
    x, scale, bias, mean, var = (_x(args, i) for i in range(5))
    eps = float(attrs.get("epsilon", 1e-5))
    return F.batch_norm(x, mean, var, scale, bias, training=False, eps=eps)


def resize(args: Args, attrs: Mapping[str, Any], opset: int) -> Tensor:
    """Nearest-neighbour resize with asymmetric coordinates, rounded down (what PP-OCR's
    detector upsamples with): output index i reads input index floor(i / scale)."""
    wanted = {"mode": "nearest", "coordinate_transformation_mode": "asymmetric"}
    wanted |= {"nearest_mode": "floor"}
    defaults = {
        "coordinate_transformation_mode": "half_pixel",
        "nearest_mode": "round_prefer_floor",
    }
    got = {k: attrs.get(k, defaults.get(k, "nearest")) for k in wanted}
    if got != wanted or opset < 11:
        raise UnsupportedOp(f"Resize with {got} at opset {opset}")
    x = _x(args)
    scales, sizes = _arg(args, 2), _arg(args, 3)
    if sizes is not None and sizes.numel():
        out = [int(s) for s in sizes.tolist()]
        factors = [o / i for o, i in zip(out, x.shape, strict=True)]
    elif scales is not None and scales.numel():
        factors = [float(s) for s in scales.tolist()]
        out = [math.floor(i * f) for i, f in zip(x.shape, factors, strict=True)]
    else:
        raise UnsupportedOp("Resize without scales or sizes")
    for axis, (size, factor) in enumerate(zip(out, factors, strict=True)):
        if size == x.shape[axis]:
            continue
        index = torch.arange(size, device=x.device, dtype=torch.float64) / factor
        index = index.floor().clamp(max=x.shape[axis] - 1).to(torch.int64)
        x = x.index_select(axis, index)
    return x


def reduce_mean(args: Args, attrs: Mapping[str, Any], opset: int) -> Tensor:
    x = _x(args)
    axes = attrs.get("axes") if opset < 18 else _ints(_arg(args, 1))
    keep = bool(attrs.get("keepdims", 1))
    if not axes:
        return x.mean(dim=tuple(range(x.dim())), keepdim=keep)
    return x.mean(dim=tuple(axes), keepdim=keep)


def softmax(args: Args, attrs: Mapping[str, Any], opset: int) -> Tensor:
    x = _x(args)
    axis = int(attrs.get("axis", 1 if opset < 13 else -1)) % x.dim()
    if opset >= 13 or axis == x.dim() - 1:
        return torch.softmax(x, dim=axis)
    # Before opset 13: the input is read as a matrix, the axes from `axis` on as one.
    flat = x.reshape(math.prod(x.shape[:axis]), -1)
    return torch.softmax(flat, dim=1).reshape(x.shape)


def hard_sigmoid(args: Args, attrs: Mapping[str, Any], opset: int) -> Tensor:
    alpha, beta = float(attrs.get("alpha", 0.2)), float(attrs.get("beta", 0.5))
    return (_x(args) * alpha + beta).clamp(0.0, 1.0)


def clip(args: Args, attrs: Mapping[str, Any], opset: int) -> Tensor:
    if opset < 11:
        return _x(args).clamp(attrs.get("min"), attrs.get("max"))
    # Bounds as tensors: reading them as numbers would wait on the GPU.
    return _x(args).clamp(_arg(args, 1), _arg(args, 2))


def matmul(args: Args, attrs: Mapping[str, Any], opset: int) -> Tensor:
    return torch.matmul(_x(args), _x(args, 1))


def div(args: Args, attrs: Mapping[str, Any], opset: int) -> Tensor:
    a, b = _x(args), _x(args, 1)
    if a.dtype.is_floating_point:
        return a / b
    return torch.div(a, b, rounding_mode="trunc")  # ONNX integer division truncates


def concat(args: Args, attrs: Mapping[str, Any], opset: int) -> Tensor:
    return torch.cat([_x(args, i) for i in range(len(args))], dim=int(attrs["axis"]))


def transpose(args: Args, attrs: Mapping[str, Any], opset: int) -> Tensor:
    x = _x(args)
    perm = attrs.get("perm", tuple(reversed(range(x.dim()))))
    return x.permute(*perm)


def _axes(args: Args, attrs: Mapping[str, Any], opset: int) -> list[int] | None:
    if opset < 13:
        axes = attrs.get("axes")
        return None if axes is None else list(axes)
    return _ints(_arg(args, 1))


def squeeze(args: Args, attrs: Mapping[str, Any], opset: int) -> Tensor:
    x = _x(args)
    axes = _axes(args, attrs, opset)
    if axes is None:
        return x.squeeze()
    return x.squeeze(tuple(a % x.dim() for a in axes))


def unsqueeze(args: Args, attrs: Mapping[str, Any], opset: int) -> Tensor:
    x = _x(args)
    axes = _axes(args, attrs, opset)
    if axes is None:
        raise UnsupportedOp("Unsqueeze without axes")
    rank = x.dim() + len(axes)
    for axis in sorted(a % rank for a in axes):
        x = x.unsqueeze(axis)
    return x


def reshape(args: Args, attrs: Mapping[str, Any], opset: int) -> Tensor:
    x, shape = _x(args), _ints(_x(args, 1)) or []
    if not attrs.get("allowzero", 0):
        shape = [x.shape[i] if s == 0 else s for i, s in enumerate(shape)]
    return x.reshape(shape)


def shape(args: Args, attrs: Mapping[str, Any], opset: int) -> Tensor:
    dims = list(_x(args).shape)[attrs.get("start", 0) : attrs.get("end")]
    return torch.tensor(dims, dtype=torch.int64)  # on the CPU: shape data


def cast(args: Args, attrs: Mapping[str, Any], opset: int) -> Tensor:
    to = int(attrs["to"])
    if to not in DTYPES:
        raise UnsupportedOp(f"Cast to ONNX data type {to}")
    return _x(args).to(DTYPES[to])


def slice_(args: Args, attrs: Mapping[str, Any], opset: int) -> Tensor:
    if opset < 10:
        raise UnsupportedOp(f"Slice at opset {opset} (its bounds are attributes)")
    x = _x(args)
    starts, ends = _ints(_x(args, 1)) or [], _ints(_x(args, 2)) or []
    axes = _ints(_arg(args, 3)) or list(range(len(starts)))
    steps = _ints(_arg(args, 4)) or [1] * len(starts)
    index: list[slice] = [slice(None)] * x.dim()
    for start, end, axis, step in zip(starts, ends, axes, steps, strict=True):
        if step < 1:
            raise UnsupportedOp(f"Slice with step {step}")
        index[axis % x.dim()] = slice(start, end, step)
    return x[tuple(index)]


# Inputs read as Python numbers (shapes, scales, axes): a constant given there is taken from
# its CPU copy, so reading it never waits on the GPU.
HOST_ARGS: dict[str, frozenset[int]] = {
    "Reshape": frozenset({1}),
    "Resize": frozenset({1, 2, 3}),
    "ReduceMean": frozenset({1}),
    "Slice": frozenset({1, 2, 3, 4}),
    "Squeeze": frozenset({1}),
    "Unsqueeze": frozenset({1}),
}


def _elementwise(fn: Callable[..., Tensor]) -> Op:
    def op(args: Args, attrs: Mapping[str, Any], opset: int) -> Tensor:
        return fn(*(_x(args, i) for i in range(len(args))))

    return op


OPS: dict[str, Op] = {
    "Add": _elementwise(torch.add),
    "AveragePool": average_pool,
    "BatchNormalization": batch_norm,
    "Cast": cast,
    "Clip": clip,
    "Concat": concat,
    "Conv": conv,
    "ConvTranspose": conv_transpose,
    "Div": div,
    "Erf": _elementwise(torch.erf),
    "GlobalAveragePool": global_average_pool,
    "HardSigmoid": hard_sigmoid,
    "Identity": _elementwise(lambda x: x),
    "MatMul": matmul,
    "MaxPool": max_pool,
    "Mul": _elementwise(torch.mul),
    "Pow": _elementwise(torch.pow),
    "ReduceMean": reduce_mean,
    "Relu": _elementwise(torch.relu),
    "Reshape": reshape,
    "Resize": resize,
    "Shape": shape,
    "Sigmoid": _elementwise(torch.sigmoid),
    "Slice": slice_,
    "Softmax": softmax,
    "Sqrt": _elementwise(torch.sqrt),
    "Squeeze": squeeze,
    "Sub": _elementwise(torch.sub),
    "Transpose": transpose,
    "Unsqueeze": unsqueeze,
}
