"""Artefacts that cross services through object storage, and how readers page them.

The reporter writes a batch's transactions as a JSON export ``{"data": [row, ...]}`` where each
row has a stable ``id``; the gateway serves it in pages. Both sides follow this module, and
``export_index`` for the index that lets a page be read without the rows before it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Generic, TypedDict, TypeVar

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


R = TypeVar("R", bound=Mapping[str, object])


class Page(TypedDict, Generic[R]):
    data: list[R]
    has_more: bool


class UnknownCursor(ValueError):
    """``starting_after`` names no record of the list (the gateway answers 400)."""


def paginate(records: Sequence[R], limit: int, starting_after: str | None = None) -> Page[R]:
    """Up to ``limit`` records after the one whose ``id`` is ``starting_after``."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    start = 0 if starting_after is None else _position(records, starting_after) + 1
    return Page(data=list(records[start : start + limit]), has_more=start + limit < len(records))


def _position(records: Sequence[R], record_id: str) -> int:
    for position, item in enumerate(records):
        if item.get("id") == record_id:
            return position
    raise UnknownCursor(record_id)
