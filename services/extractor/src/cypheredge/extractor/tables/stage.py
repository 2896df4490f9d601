"""The configured table stage: where the weights are and which device, and the model loaded
from them once per process, on first use (a statement the geometry reads with confidence
never imports torch)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from cypheredge.extractor.tables.check import Device

if TYPE_CHECKING:
    from cypheredge.extractor.tables.model import TableModel


@dataclass(frozen=True, slots=True)
class TableStage:
    """Stages C/D as configured: `directory` holds the weights, `device` runs them."""

    directory: Path
    device: Device = "auto"

    def model(self) -> TableModel:
        return shared_model(self.directory, self.device)


@lru_cache(maxsize=2)
def shared_model(directory: Path, device: Device) -> TableModel:
    """One loaded model per directory and device in a process: loading takes seconds (torch's
    import alone) and a worker reads many statements."""
    from cypheredge.extractor.tables.model import TableModel

    return TableModel(directory, device)
