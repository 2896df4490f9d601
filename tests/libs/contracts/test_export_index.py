"""The JSON export and its index: the bytes readers always had, offsets that slice every row."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

from cypheredge.contracts.artefacts import UnknownCursor, paginate
from cypheredge.contracts.export_index import (
    IndexMismatch,
    TransactionsIndex,
    encode_export,
    index_key,
    read_rows,
)

ROWS: list[dict[str, Any]] = [
    {"id": f"txn_{i:02d}", "description": 'Café ₹ "quoted", [braces]', "amount": str(i)}
    for i in range(11)
]


def _pages(export: bytes, index: TransactionsIndex, limit: int) -> list[list[dict[str, Any]]]:
    pages, cursor = [], None
    while True:
        span = index.span(limit, cursor)
        pages.append(read_rows(index, span, export[span.start_byte : span.end_byte]))
        if not span.has_more:
            return pages
        cursor = pages[-1][-1]["id"]


def test_the_export_is_the_compact_json_it_always_was() -> None:
    export, index = encode_export(ROWS)
    page = {"data": ROWS, "has_more": False}
    assert export == json.dumps(page, ensure_ascii=False, separators=(",", ":")).encode()
    assert index.export_bytes == len(export)
    assert index.ids == [r["id"] for r in ROWS]


def test_offsets_slice_every_row_exactly() -> None:
    export, index = encode_export(ROWS)
    for i, row in enumerate(ROWS):
        assert json.loads(export[index.offsets[i] : index.offsets[i + 1] - 1]) == row
    assert export[index.offsets[-1] - 1 : index.offsets[-1]] == b"]"


@pytest.mark.parametrize("limit", [1, 3, 4, 11, 1000])
def test_pages_match_paginate_on_the_whole_file(limit: int) -> None:
    export, index = encode_export(ROWS)
    pages = _pages(export, index, limit)
    assert [row for page in pages for row in page] == ROWS
    cursor = None
    for page in pages:
        assert page == paginate(ROWS, limit, cursor)["data"]
        cursor = page[-1]["id"]


def test_a_page_spans_only_its_own_rows() -> None:
    _, index = encode_export(ROWS)
    span = index.span(3, "txn_05")
    assert (span.first, span.stop, span.has_more) == (6, 9, True)
    assert span.start_byte == index.offsets[6]
    assert span.end_byte == index.offsets[9] - 1


def test_edges_empty_last_and_unknown_cursor() -> None:
    export, index = encode_export([])
    assert export == b'{"data":[],"has_more":false}'
    empty = index.span(5)
    assert (empty.first, empty.stop, empty.has_more) == (0, 0, False)
    assert read_rows(index, empty, b"") == []
    _, index = encode_export(ROWS)
    after_last = index.span(5, "txn_10")
    assert (after_last.first, after_last.stop, after_last.has_more) == (11, 11, False)
    with pytest.raises(UnknownCursor):
        index.span(5, "txn_99")
    with pytest.raises(ValueError, match="limit"):
        index.span(0)


def test_bytes_that_are_not_the_indexed_rows_are_refused() -> None:
    export, index = encode_export(ROWS)
    span = index.span(2, "txn_03")
    shifted = export[span.start_byte - 1 : span.end_byte - 1]
    with pytest.raises(IndexMismatch):
        read_rows(index, span, shifted)
    other = export[index.offsets[0] : index.offsets[2] - 1]  # rows 0-1, not 4-5
    with pytest.raises(IndexMismatch):
        read_rows(index, span, other)


def test_an_index_whose_offsets_do_not_fit_is_invalid() -> None:
    _, index = encode_export(ROWS[:3])
    wire = index.model_dump()
    for broken in (
        {"offsets": index.offsets[:-1]},
        {"offsets": [index.offsets[0], index.offsets[0], *index.offsets[2:]]},
        {"offsets": [*index.offsets[:-1], index.export_bytes + 1]},
    ):
        with pytest.raises(ValidationError):
            TransactionsIndex.model_validate(wire | broken)
    assert TransactionsIndex.model_validate_json(index.encode()) == index


def test_the_index_lies_next_to_its_export() -> None:
    assert index_key("org/batch/report/transactions.json") == (
        "org/batch/report/transactions.index.json"
    )
