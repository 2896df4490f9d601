"""The JSON transactions export and its index: where each row lies, so readers page by bytes.

The reporter writes a batch's JSON export (``{"data":[row,...],"has_more":false}``, compact,
UTF-8) and, next to it under :func:`index_key`, a :class:`TransactionsIndex` (format
``com.cypheredge.transactions_index.v1``): every row's ``id`` in order and the byte offset at
which it starts. The gateway serves a page from the index and the bytes of that page's rows,
never the rows before it. :func:`encode_export` writes the export and its index together, so
the offsets hold by construction; :func:`read_rows` checks that the bytes it was given are the
rows the index names.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from cypheredge.contracts.artefacts import UnknownCursor

TRANSACTIONS_INDEX_FORMAT = "com.cypheredge.transactions_index.v1"
_HEAD = b'{"data":['
_TAIL = b'],"has_more":false}'


class TransactionsIndex(BaseModel):
    """Row ids and byte offsets of one JSON transactions export (written once, with it)."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    format: Literal["com.cypheredge.transactions_index.v1"] = Field(
        description="Names this document's schema (and version)"
    )
    export_sha256: str = Field(
        pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the export this index describes"
    )
    export_bytes: int = Field(ge=len(_HEAD) + len(_TAIL), description="size of that export")
    ids: list[str] = Field(description="every row's id, in the export's order")
    offsets: list[int] = Field(
        description=(
            "len(ids) + 1 byte offsets into the export: row i is export[offsets[i] : "
            "offsets[i + 1] - 1] (one separator byte, ',' or ']', follows every row)"
        )
    )

    @model_validator(mode="after")
    def _offsets_fit(self) -> TransactionsIndex:
        if len(self.offsets) != len(self.ids) + 1:
            raise ValueError("offsets must hold one more entry than ids")
        if any(b <= a for a, b in zip(self.offsets, self.offsets[1:], strict=False)):
            raise ValueError("offsets must increase")
        if self.offsets[0] < len(_HEAD) or self.offsets[-1] > self.export_bytes:
            raise ValueError("offsets must lie inside the export")
        return self

    def encode(self) -> bytes:
        """The index as stored (compact JSON)."""
        return self.model_dump_json().encode()

    def span(self, limit: int, starting_after: str | None = None) -> RowSpan:
        """The rows and bytes of the page of up to ``limit`` rows after ``starting_after``.

        Raises :class:`~cypheredge.contracts.artefacts.UnknownCursor` when no row has that id.
        """
        if limit < 1:
            raise ValueError("limit must be at least 1")
        first = 0 if starting_after is None else self._position(starting_after) + 1
        stop = min(first + limit, len(self.ids))
        first = min(first, stop)
        return RowSpan(
            first=first,
            stop=stop,
            start_byte=self.offsets[first],
            end_byte=self.offsets[stop] - 1 if stop > first else self.offsets[first],
            has_more=stop < len(self.ids),
        )

    def _position(self, row_id: str) -> int:
        try:
            return self.ids.index(row_id)
        except ValueError:
            raise UnknownCursor(row_id) from None


@dataclass(frozen=True)
class RowSpan:
    """Rows ``first`` to ``stop - 1`` of an export, stored at bytes ``[start_byte, end_byte)``."""

    first: int
    stop: int
    start_byte: int
    end_byte: int
    has_more: bool


class IndexMismatch(ValueError):
    """The bytes read are not the rows the index names (index and export disagree)."""


def index_key(export_key: str) -> str:
    """Where the index of the JSON export stored at ``export_key`` is stored."""
    return f"{export_key.removesuffix('.json')}.index.json"


def encode_export(rows: Sequence[Mapping[str, object]]) -> tuple[bytes, TransactionsIndex]:
    """The JSON export of ``rows`` (one complete page: ``has_more`` false) and its index.

    The bytes are exactly ``json.dumps({"data": rows, "has_more": False})`` in compact form
    with UTF-8 text, so readers that take the whole file see what they always did.
    """
    parts = [_HEAD]
    offsets = []
    at = len(_HEAD)
    for position, row in enumerate(rows):
        encoded = json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode()
        if position:
            parts.append(b",")
            at += 1
        offsets.append(at)
        parts.append(encoded)
        at += len(encoded)
    offsets.append(at + 1)  # past the separator after the last row: ']'
    parts.append(_TAIL)
    export = b"".join(parts)
    index = TransactionsIndex(
        format=TRANSACTIONS_INDEX_FORMAT,
        export_sha256=hashlib.sha256(export).hexdigest(),
        export_bytes=len(export),
        ids=[str(row["id"]) for row in rows],
        offsets=offsets,
    )
    return export, index


def read_rows(index: TransactionsIndex, span: RowSpan, data: bytes) -> list[dict[str, Any]]:
    """The rows of ``span`` from ``data``, the export's bytes ``[start_byte, end_byte)``.

    Raises :class:`IndexMismatch` unless they parse as the objects whose ids the index lists.
    """
    if span.stop == span.first:
        return []
    try:
        rows = json.loads(b"[" + data + b"]")
    except ValueError as exc:
        raise IndexMismatch(f"rows {span.first}-{span.stop - 1} do not parse: {exc}") from None
    ids = [row.get("id") if isinstance(row, dict) else None for row in rows]
    if ids != index.ids[span.first : span.stop]:
        raise IndexMismatch(f"rows {span.first}-{span.stop - 1} are not the rows indexed")
    return list(rows)
