"""Read side: batches as the API shows them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from sqlalchemy.engine import Row

from cypheredge.gateway.infra import batches as batch_sql
from cypheredge.kit.db import Database


def statement_view(row: Row[Any]) -> dict[str, Any]:
    return {
        "id": str(row.id),
        "filename": row.filename,
        "status": row.status,
        "pages": row.pages,
        "text_layer_pages": row.text_layer_pages,
        "transactions": row.transactions,
        "reconciled": row.reconciled,
        "duplicate_of": str(row.duplicate_of) if row.duplicate_of else None,
        "error": row.error,
        "warnings": row.warnings,
    }


def batch_view(row: Row[Any], statements: Sequence[Row[Any]] | None = None) -> dict[str, Any]:
    view: dict[str, Any] = {
        "id": str(row.id),
        "status": row.status,
        "created_at": row.created_at.isoformat(),
        "updated_at": row.updated_at.isoformat(),
        "params": row.params,
        "summary": row.summary,
        "error": row.error,
        "report": _links(row),
    }
    if statements is not None:
        view["statements"] = [statement_view(s) for s in statements]
    return view


async def get_batch(db: Database, org_id: UUID, batch_id: UUID) -> dict[str, Any] | None:
    async with db.tenant(org_id) as session:
        row = await batch_sql.get_batch(session, batch_id)
        if row is None:
            return None
        return batch_view(row, await batch_sql.batch_statements(session, batch_id))


async def list_batches(
    db: Database, org_id: UUID, *, limit: int, starting_after: UUID | None
) -> dict[str, Any]:
    async with db.tenant(org_id) as session:
        rows, has_more = await batch_sql.list_batches(
            session, limit=limit, starting_after=starting_after
        )
        return {"data": [batch_view(r) for r in rows], "has_more": has_more}


async def artefacts(
    db: Database, org_id: UUID, batch_id: UUID
) -> tuple[str | None, dict[str, str]] | None:
    """The workbook key and export keys of a batch (None: no such batch for this org)."""
    async with db.tenant(org_id) as session:
        row = await batch_sql.get_batch(session, batch_id)
    if row is None:
        return None
    return row.report_key, dict(row.exports or {})


def _links(row: Row[Any]) -> dict[str, Any] | None:
    if row.report_key is None:
        return None
    base = f"/v1/batches/{row.id}"
    formats = sorted((row.exports or {}).keys())
    return {
        "workbook": f"{base}/report",
        "exports": {name: f"{base}/transactions?format={name}" for name in formats},
    }
