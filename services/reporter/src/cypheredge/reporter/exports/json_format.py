"""JSON export: ``{"data": [...], "has_more": false}``, one object per transaction.

Each object has the CSV columns as keys (see ``csv_format``); amounts are strings so that no
client reads them as binary floats, missing values are ``null``, ``flags`` is a list and
``page`` an integer. Every row of the batch is included, repeats marked by ``duplicate_of``.
The shape is one page of ``contracts.artefacts.paginate`` holding everything, so the
gateway's paged listing and this file agree.
"""

from __future__ import annotations

import json

from cypheredge.contracts.artefacts import Page
from cypheredge.reporter.domain.model import BatchReport
from cypheredge.reporter.exports.csv_format import TransactionRecord, record


def records(report: BatchReport) -> list[TransactionRecord]:
    return [record(row) for row in report.transactions]


def encode(page: Page[TransactionRecord]) -> bytes:
    return json.dumps(page, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def to_json(report: BatchReport) -> bytes:
    return encode(Page(data=records(report), has_more=False))
