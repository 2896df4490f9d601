"""Rendering a batch report into its artefacts: the workbook and every export."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from uuid import UUID

from cypheredge.reporter.domain.model import BatchReport
from cypheredge.reporter.exports import EXPORTS
from cypheredge.reporter.workbook import write_workbook

WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Artefact:
    key: str
    data: bytes
    media_type: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def render(
    org_id: UUID, batch_id: UUID, report: BatchReport
) -> tuple[Artefact, dict[str, Artefact]]:
    """The workbook and one artefact per export format (CPU-bound: run it off the loop)."""
    base = f"{org_id}/{batch_id}/report"
    buffer = io.BytesIO()
    write_workbook(report, buffer)
    workbook = Artefact(f"{base}/workbook.xlsx", buffer.getvalue(), WORKBOOK_TYPE)
    exports = {
        name: Artefact(
            f"{base}/{export.filename('transactions')}", export.render(report), export.media_type
        )
        for name, export in EXPORTS.items()
    }
    return workbook, exports
