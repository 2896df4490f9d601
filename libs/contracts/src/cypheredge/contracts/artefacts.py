"""Artefacts that cross services through object storage, and how readers page them.

The reporter writes a batch's transactions as a JSON export ``{"data": [row, ...]}`` where each
row has a stable ``id``; the gateway serves it in pages. Both sides follow this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

EXPORT_FORMATS: dict[str, tuple[str, str]] = {
    "json": ("application/json", "json"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "ofx": ("application/x-ofx", "ofx"),
    "qbo": ("application/vnd.intu.qbo", "qbo"),
    "qif": ("application/qif", "qif"),
    "camt053": ("application/xml", "xml"),
}
"""Export format name -> (media type, file extension)."""

WORKBOOK_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class UnknownCursor(LookupError):
    """``starting_after`` names no row of the list."""


def page(
    rows: Sequence[dict[str, Any]], *, limit: int, starting_after: str | None
) -> dict[str, Any]:
    """One page of ``rows`` after the row whose ``id`` is ``starting_after``."""
    start = 0
    if starting_after is not None:
        for position, row in enumerate(rows):
            if row.get("id") == starting_after:
                start = position + 1
                break
        else:
            raise UnknownCursor(starting_after)
    chunk = list(rows[start : start + limit])
    return {"data": chunk, "has_more": start + limit < len(rows)}
