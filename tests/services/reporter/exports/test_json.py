from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from typing import Any

import pytest

from cypheredge.contracts.artefacts import UnknownCursor, paginate
from cypheredge.reporter.domain.model import BatchReport
from cypheredge.reporter.exports.csv_format import CSV_COLUMNS
from cypheredge.reporter.exports.json_format import records, to_json, to_json_indexed


def test_shape_is_one_complete_page(report: BatchReport) -> None:
    document = json.loads(to_json(report))
    assert set(document) == {"data", "has_more"}
    assert document["has_more"] is False
    assert [item["id"] for item in document["data"]] == [e.txn.id for e in report.transactions]
    assert all(tuple(item) == CSV_COLUMNS for item in document["data"])


def test_amounts_are_strings_and_missing_values_null(report: BatchReport) -> None:
    items: list[dict[str, Any]] = json.loads(to_json(report))["data"]
    carrefour = next(i for i in items if i["debit"] == "123.45")
    assert carrefour["amount"] == "-123.45"
    assert carrefour["credit"] is None
    assert carrefour["counterparty"] is None
    assert carrefour["flags"] == ["low_confidence", "large_transaction"]
    assert carrefour["page"] == 2
    big = next(i for i in items if i["credit"] == "98765432109.87")
    assert Decimal(big["balance"]) == Decimal("98765430609.87")
    for item in items:
        for key in ("debit", "credit", "balance"):
            assert item[key] is None or isinstance(item[key], str)
        assert isinstance(item["amount"], str)


def test_text_is_utf8_not_escaped(report: BatchReport) -> None:
    assert "Café Mocha ₹ Store".encode() in to_json(report)


def test_paging_walks_every_record_once(report: BatchReport) -> None:
    everything = records(report)
    seen: list[str] = []
    cursor: str | None = None
    pages = 0
    while True:
        page = paginate(everything, limit=4, starting_after=cursor)
        seen += [item["id"] for item in page["data"]]
        pages += 1
        if not page["has_more"]:
            break
        cursor = page["data"][-1]["id"]
    assert seen == [item["id"] for item in everything]
    assert pages == 3  # nine records in pages of four


def test_paging_edges() -> None:
    items = [{"id": "a"}, {"id": "b"}]
    assert paginate(items, limit=2) == {"data": items, "has_more": False}
    assert paginate(items, limit=1) == {"data": [{"id": "a"}], "has_more": True}
    assert paginate(items, limit=5, starting_after="b") == {"data": [], "has_more": False}
    assert paginate([], limit=1) == {"data": [], "has_more": False}
    with pytest.raises(UnknownCursor):
        paginate(items, limit=1, starting_after="zz")
    with pytest.raises(ValueError, match="limit"):
        paginate(items, limit=0)


def test_the_index_locates_every_row_of_the_export(report: BatchReport) -> None:
    export, index = to_json_indexed(report)
    assert export == to_json(report)
    assert index.export_sha256 == hashlib.sha256(export).hexdigest()
    rows = [
        json.loads(export[start : end - 1])
        for start, end in zip(index.offsets, index.offsets[1:], strict=False)
    ]
    assert rows == json.loads(export)["data"]
    assert index.ids == [row["id"] for row in rows]
