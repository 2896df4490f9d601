"""Paging the JSON export reads its index and the page's own rows, never the rows before them.

Every read goes through a storage that records it, so the test counts the bytes of the export
each page costs: exactly the bytes of that page's rows.
"""

from __future__ import annotations

import json
import logging
from datetime import timedelta
from typing import Any

import pytest

from cypheredge.contracts.artefacts import UnknownCursor, paginate
from cypheredge.contracts.export_index import encode_export, index_key
from cypheredge.gateway.service.transactions import transaction_page
from cypheredge.kit.storage import ObjectNotFound

EXPORT = "org/batch/report/transactions.json"
ROWS: list[dict[str, Any]] = [
    {"id": f"txn_{i:04d}", "description": f"row {i} " + "x" * (i % 7), "amount": str(i)}
    for i in range(250)
]


class RecordingStorage:
    """Objects in memory; every read is recorded as (key, first byte, end byte)."""

    def __init__(self) -> None:
        self.objects: dict[str, bytes] = {}
        self.reads: list[tuple[str, int, int]] = []

    async def put(self, key: str, data: bytes, content_type: str = "") -> None:
        self.objects[key] = data

    async def get(self, key: str) -> bytes:
        data = self._object(key)
        self.reads.append((key, 0, len(data)))
        return data

    async def get_range(self, key: str, start: int, end: int) -> bytes:
        data = self._object(key)[start:end]
        self.reads.append((key, start, start + len(data)))
        return data

    async def exists(self, key: str) -> bool:
        return key in self.objects

    async def presigned_get(self, key: str, expires: timedelta) -> str | None:
        return None

    def bytes_read(self, key: str) -> list[tuple[int, int]]:
        return [(start, end) for k, start, end in self.reads if k == key]

    def _object(self, key: str) -> bytes:
        try:
            return self.objects[key]
        except KeyError:
            raise ObjectNotFound(key) from None


@pytest.fixture
def storage() -> RecordingStorage:
    export, index = encode_export(ROWS)
    stored = RecordingStorage()
    stored.objects[EXPORT] = export
    stored.objects[index_key(EXPORT)] = index.encode()
    return stored


@pytest.mark.parametrize("page", [0, 1, 7, 12])
async def test_page_k_reads_only_its_own_rows(storage: RecordingStorage, page: int) -> None:
    limit = 20
    _, index = encode_export(ROWS)
    cursor = ROWS[page * limit - 1]["id"] if page else None

    served = await transaction_page(storage, EXPORT, limit, cursor)

    assert served == paginate(ROWS, limit, cursor)
    first, stop = page * limit, min((page + 1) * limit, len(ROWS))
    # One ranged read of the export: from the page's first row to the end of its last one.
    assert storage.bytes_read(EXPORT) == [(index.offsets[first], index.offsets[stop] - 1)]
    assert storage.bytes_read(index_key(EXPORT)) == [(0, len(storage.objects[index_key(EXPORT)]))]


async def test_walking_every_page_reads_each_row_once(storage: RecordingStorage) -> None:
    seen: list[dict[str, Any]] = []
    cursor, pages = None, 0
    while True:
        page = await transaction_page(storage, EXPORT, 33, cursor)
        seen += page["data"]
        pages += 1
        if not page["has_more"]:
            break
        cursor = page["data"][-1]["id"]
    assert seen == ROWS
    # All of the export once, but for its frame and the commas between one page and the next.
    frame = len(b'{"data":[],"has_more":false}')
    read = sum(end - start for start, end in storage.bytes_read(EXPORT))
    assert read == len(storage.objects[EXPORT]) - frame - (pages - 1)


async def test_after_the_last_row_nothing_of_the_export_is_read(storage: RecordingStorage) -> None:
    page = await transaction_page(storage, EXPORT, 10, ROWS[-1]["id"])
    assert page == {"data": [], "has_more": False}
    assert storage.bytes_read(EXPORT) == []


async def test_an_unknown_cursor_is_refused_before_the_export_is_read(
    storage: RecordingStorage,
) -> None:
    with pytest.raises(UnknownCursor):
        await transaction_page(storage, EXPORT, 10, "txn_nope")
    assert storage.bytes_read(EXPORT) == []


async def test_a_report_stored_before_indexes_is_paged_from_the_whole_file() -> None:
    storage = RecordingStorage()
    storage.objects[EXPORT] = json.dumps({"data": ROWS}).encode()

    page = await transaction_page(storage, EXPORT, 5, ROWS[9]["id"])

    assert page == paginate(ROWS, 5, ROWS[9]["id"])
    assert storage.bytes_read(EXPORT) == [(0, len(storage.objects[EXPORT]))]


async def test_an_index_that_does_not_fit_its_export_falls_back_and_says_so(
    storage: RecordingStorage, caplog: pytest.LogCaptureFixture
) -> None:
    storage.objects[EXPORT] = storage.objects[EXPORT].replace(b"row 3 ", b"row 3  ", 1)

    with caplog.at_level(logging.ERROR):
        page = await transaction_page(storage, EXPORT, 5, ROWS[9]["id"])

    assert [r["id"] for r in page["data"]] == [r["id"] for r in ROWS[10:15]]
    assert "does not match its index" in caplog.text


async def test_an_export_gone_from_storage_is_object_not_found(storage: RecordingStorage) -> None:
    del storage.objects[EXPORT]
    with pytest.raises(ObjectNotFound):
        await transaction_page(storage, EXPORT, 5, None)
