"""Exports of a batch report: CSV, JSON, OFX 2, QBO, QIF and ISO 20022 camt.053.

Each export is a pure function from a ``BatchReport`` to the file's bytes; ``EXPORTS`` names
them with the media type and file extension a download should carry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cypheredge.contracts.artefacts import Page, UnknownCursor, paginate
from cypheredge.reporter.domain.model import BatchReport
from cypheredge.reporter.exports.camt import to_camt053
from cypheredge.reporter.exports.csv_format import CSV_COLUMNS, to_csv
from cypheredge.reporter.exports.json_format import to_json
from cypheredge.reporter.exports.ofx2 import to_ofx
from cypheredge.reporter.exports.qbo import to_qbo
from cypheredge.reporter.exports.qif import to_qif


@dataclass(frozen=True)
class Export:
    name: str
    media_type: str
    extension: str  # without the dot
    render: Callable[[BatchReport], bytes]

    def filename(self, stem: str) -> str:
        return f"{stem}.{self.extension}"


EXPORTS: dict[str, Export] = {
    export.name: export
    for export in (
        Export("csv", "text/csv; charset=utf-8", "csv", to_csv),
        Export("json", "application/json", "json", to_json),
        Export("ofx", "application/x-ofx", "ofx", to_ofx),
        Export("qbo", "application/vnd.intu.qbo", "qbo", to_qbo),
        Export("qif", "application/qif", "qif", to_qif),
        Export("camt053", "application/xml", "xml", to_camt053),
    )
}

__all__ = [
    "CSV_COLUMNS",
    "EXPORTS",
    "Export",
    "Page",
    "UnknownCursor",
    "paginate",
    "to_camt053",
    "to_csv",
    "to_json",
    "to_ofx",
    "to_qbo",
    "to_qif",
]
