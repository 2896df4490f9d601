"""The table model's configuration, checked at start without torch and without loading it.

A configured directory that cannot give a structure-recognition Table Transformer stops the
service at start with the reason, as a missing OCR model does; an unset one means stages C/D
are simply absent, and the extractor says so.
"""

from __future__ import annotations

import importlib.util
import json
import struct
from pathlib import Path
from typing import Any, Literal

Device = Literal["auto", "cpu", "cuda"]
DEVICES: tuple[Device, ...] = ("auto", "cpu", "cuda")
NOT_CONFIGURED = "table model not configured"
COLUMN = "table column"
WEIGHTS = ("model.safetensors", "pytorch_model.bin")
# A safetensors file opens with its header's length; past this it is no header we can trust.
MAX_HEADER = 100 * 1024 * 1024


class TableModelUnavailable(RuntimeError):
    """The configured table model cannot run (directory, config, weights or libraries)."""


def table_stage_status(directory: Path | None, device: Device = "auto") -> str:
    """One line on stages C/D for logs and reports: configured where, or not configured."""
    if directory is None:
        return f"stages C/D (table columns): {NOT_CONFIGURED}"
    return f"stages C/D (table columns): table model {directory}, device {device}"


def missing_stages(directory: Path | None) -> tuple[str, ...]:
    """What the cascade says it could not run (`Cascade.missing`) for this configuration."""
    return () if directory is not None else (f"C/D (table columns): {NOT_CONFIGURED}",)


def check_table_model(directory: Path | None, device: Device = "auto") -> None:
    """Fails (TableModelUnavailable) unless `directory` holds a usable model; does nothing
    when it is None (the stages are not configured)."""
    if directory is None:
        return
    where = f"EXTRACTOR_TABLE_MODEL_DIR={directory}"
    if not directory.is_dir():
        raise TableModelUnavailable(f"{where}: no such directory")
    config = _config(directory, where)
    if config.get("model_type") != "table-transformer":
        kind = config.get("model_type")
        raise TableModelUnavailable(
            f"{where}: config.json describes a {kind!r} model, not a Table Transformer"
        )
    labels = {str(v) for v in dict(config.get("id2label") or {}).values()}
    if COLUMN not in labels:
        raise TableModelUnavailable(
            f"{where}: the model has no {COLUMN!r} label (a table detection model?): stages C/D"
            " need the structure recognition model"
        )
    _check_weights(directory, where)
    _check_libraries(config, where)
    if device not in DEVICES:
        raise TableModelUnavailable(f"EXTRACTOR_DEVICE={device}: expected one of {DEVICES}")
    if device == "cuda":
        from cypheredge.extractor.tables.device import resolve_device

        resolve_device(device)


def _config(directory: Path, where: str) -> dict[str, Any]:
    path = directory / "config.json"
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TableModelUnavailable(f"{where}: config.json is missing") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TableModelUnavailable(f"{where}: config.json cannot be read: {exc}") from None
    if not isinstance(config, dict):
        raise TableModelUnavailable(f"{where}: config.json is not a JSON object")
    return config


def _check_weights(directory: Path, where: str) -> None:
    found = [directory / name for name in WEIGHTS if (directory / name).is_file()]
    if not found:
        raise TableModelUnavailable(f"{where}: no weights ({' or '.join(WEIGHTS)})")
    if found[0].name == "model.safetensors":
        reason = _safetensors_problem(found[0])
        if reason is not None:
            raise TableModelUnavailable(f"{where}: model.safetensors {reason}")


def _safetensors_problem(path: Path) -> str | None:
    """Why `path` is not a safetensors file (its header is read, not its tensors), or None."""
    size = path.stat().st_size
    with path.open("rb") as f:
        head = f.read(8)
        if len(head) < 8:
            return "is truncated (no header)"
        (length,) = struct.unpack("<Q", head)
        if length > min(size - 8, MAX_HEADER):
            return "is not a safetensors file (its header length is impossible)"
        try:
            header = json.loads(f.read(length))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return "is not a safetensors file (its header is not JSON)"
    if not isinstance(header, dict):
        return "is not a safetensors file (its header is not a JSON object)"
    tensors = [v for k, v in header.items() if k != "__metadata__"]
    if not tensors:
        return "holds no tensors"
    end = max(int(t["data_offsets"][1]) for t in tensors)
    if 8 + length + end > size:
        return "is truncated (its tensors end past the file)"
    return None


def _check_libraries(config: dict[str, Any], where: str) -> None:
    missing = [m for m in ("torch", "transformers") if importlib.util.find_spec(m) is None]
    if missing:
        raise TableModelUnavailable(
            f"{where}: {' and '.join(missing)} not installed: install the extractor's `torch`"
            " extra (uv sync --extra torch, or pip install 'cypheredge-extractor[torch]')"
        )
    timm = config.get("use_timm_backbone") or _backbone_type(config) == "timm_backbone"
    if timm and importlib.util.find_spec("timm") is None:
        raise TableModelUnavailable(
            f"{where}: the checkpoint's backbone is a timm model and timm is not installed"
            " (pip install timm, with the torchvision build that matches your torch)"
        )


def _backbone_type(config: dict[str, Any]) -> str | None:
    backbone = config.get("backbone_config")
    return str(backbone.get("model_type")) if isinstance(backbone, dict) else None
