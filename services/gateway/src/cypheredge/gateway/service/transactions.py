"""Pages of a batch's JSON transactions export, read through its index.

The reporter stores the export with an index of where each row starts
(``cypheredge.contracts.export_index``); a page costs the index and the bytes of its own rows,
never the rows before it. Reports stored before exports had an index, or whose index does not
fit its export, are paged from the whole file as before (and the latter logged).
"""

from __future__ import annotations

import json
import logging
from typing import Any

from pydantic import ValidationError

from cypheredge.contracts.artefacts import Page, paginate
from cypheredge.contracts.export_index import (
    IndexMismatch,
    TransactionsIndex,
    index_key,
    read_rows,
)
from cypheredge.kit.storage import ObjectNotFound, ObjectStorage

log = logging.getLogger(__name__)
Row = dict[str, Any]


async def transaction_page(
    storage: ObjectStorage, export_key: str, limit: int, starting_after: str | None
) -> Page[Row]:
    """Up to ``limit`` rows of the export after the row ``starting_after`` names.

    Raises :class:`~cypheredge.contracts.artefacts.UnknownCursor` when no row has that id and
    :class:`~cypheredge.kit.storage.ObjectNotFound` when the export is gone from storage.
    """
    index = await _index(storage, export_key)
    if index is not None:
        span = index.span(limit, starting_after)
        data = b""
        if span.stop > span.first:
            data = await storage.get_range(export_key, span.start_byte, span.end_byte)
        try:
            return Page(data=read_rows(index, span, data), has_more=span.has_more)
        except IndexMismatch as exc:
            log.error("export %s does not match its index (%s); reading all of it", export_key, exc)
    rows: list[Row] = json.loads(await storage.get(export_key))["data"]
    return paginate(rows, limit, starting_after)


async def _index(storage: ObjectStorage, export_key: str) -> TransactionsIndex | None:
    key = index_key(export_key)
    try:
        data = await storage.get(key)
    except ObjectNotFound:
        return None  # a report stored before exports had an index
    try:
        return TransactionsIndex.model_validate_json(data)
    except ValidationError as exc:
        log.error("transactions index %s is invalid (%s); reading the whole export", key, exc)
        return None
