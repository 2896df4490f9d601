"""Rendering a batch report into its artefacts: the workbook, every export, the JSON's index."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from uuid import UUID

from cypheredge.contracts.export_index import index_key
from cypheredge.reporter.domain.model import BatchReport
from cypheredge.reporter.exports import EXPORTS
from cypheredge.reporter.exports.json_format import to_json_indexed
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


@dataclass(frozen=True)
class Rendered:
    workbook: Artefact
    exports: dict[str, Artefact]  # format -> its file
    index: Artefact  # where each row of the JSON export starts (the gateway pages with it)

    def all(self) -> tuple[Artefact, ...]:
        return (self.workbook, *self.exports.values(), self.index)


def render(org_id: UUID, batch_id: UUID, report: BatchReport) -> Rendered:
    """Every artefact of the report (CPU-bound: run it off the loop)."""
    base = f"{org_id}/{batch_id}/report"
    buffer = io.BytesIO()
    write_workbook(report, buffer)
    workbook = Artefact(f"{base}/workbook.xlsx", buffer.getvalue(), WORKBOOK_TYPE)
    # The JSON export and its index come from one encoding, so the offsets fit the bytes.
    json_data, index = to_json_indexed(report)
    exports = {
        name: Artefact(
            f"{base}/{export.filename('transactions')}",
            json_data if name == "json" else export.render(report),
            export.media_type,
        )
        for name, export in EXPORTS.items()
    }
    index_artefact = Artefact(index_key(exports["json"].key), index.encode(), "application/json")
    return Rendered(workbook, exports, index_artefact)
