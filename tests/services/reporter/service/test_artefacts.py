"""Rendering a report: the JSON export's index is written next to it, from the same bytes."""

from __future__ import annotations

from uuid import uuid4

from cetest.reports import sample_report
from cypheredge.contracts.export_index import TransactionsIndex, index_key
from cypheredge.reporter.exports import EXPORTS
from cypheredge.reporter.service.artefacts import render


def test_every_export_and_the_index_of_the_json_one() -> None:
    org, batch = uuid4(), uuid4()
    rendered = render(org, batch, sample_report())

    assert list(rendered.exports) == list(EXPORTS)  # the order report.ready always listed
    export = rendered.exports["json"]
    assert (
        rendered.index.key
        == index_key(export.key)
        == (f"{org}/{batch}/report/transactions.index.json")
    )
    index = TransactionsIndex.model_validate_json(rendered.index.data)
    assert (index.export_sha256, index.export_bytes) == (export.sha256, len(export.data))
    assert rendered.all() == (rendered.workbook, *rendered.exports.values(), rendered.index)
