"""JSON export: ``{"data": [...], "has_more": false}``, one object per transaction.

Each object has the CSV columns as keys (see ``csv_format``); amounts are strings so that no
client reads them as binary floats, missing values are ``null``, ``flags`` is a list and
``page`` an integer. Every row of the batch is included, repeats marked by ``duplicate_of``.
The shape is one page of ``contracts.artefacts.paginate`` holding everything, so the
gateway's paged listing and this file agree. The file comes with its index (where each row
starts, ``contracts.export_index``), written from the same bytes, so the gateway reads only the
rows of the page it serves.
"""

from __future__ import annotations

from cypheredge.contracts.export_index import TransactionsIndex, encode_export
from cypheredge.reporter.domain.model import BatchReport
from cypheredge.reporter.exports.csv_format import TransactionRecord, record


def records(report: BatchReport) -> list[TransactionRecord]:
    return [record(row) for row in report.transactions]


def to_json(report: BatchReport) -> bytes:
    return to_json_indexed(report)[0]


def to_json_indexed(report: BatchReport) -> tuple[bytes, TransactionsIndex]:
    """The export and its index, from one encoding."""
    return encode_export(records(report))
