"""What the soak checks once the batches are done: the API's answer against the generator's
truth, and the platform's own books (usage, outboxes, dead letters) read from its database and
its broker.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid5

import httpx
import psycopg

from cypheredge.kit.db import libpq_dsn

SCHEMAS = ("gateway", "ingest", "extractor", "reporter", "billing")
Row = dict[str, Any]
Key = tuple[str, Decimal, str]
FETCH_WITHIN = 120.0


@dataclass
class Matched:
    """One statement's rows against its truth, matched as multisets."""

    expected: int = 0
    matched: int = 0
    missing: int = 0
    duplicated: int = 0  # a truth row that came back more than once
    extra: int = 0  # a row the truth does not have at all (a misread, not a crash effect)
    descriptions_differ: int = 0  # same date and amount, other text (counted as matched)

    def add(self, other: Matched) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _amount(row: Row) -> Decimal:
    return Decimal(row.get("credit") or 0) - Decimal(row.get("debit") or 0)


def _text(description: str | None) -> str:
    # Wrapped descriptions come back with line breaks; the truth has single spaces.
    return " ".join((description or "").split()).casefold()


def _key(row: Row) -> Key:
    return (str(row["date"]), _amount(row), _text(row.get("description")))


def compare(found: list[Row], truth: list[Row]) -> Matched:
    """Match by (date, amount, description), then what is left by (date, amount) alone.

    Left over on the truth's side: missing. Left over on ours: a duplicate when the truth has
    that date and amount (it came back once too often), otherwise an extra row.
    """
    want, got = Counter(map(_key, truth)), Counter(map(_key, found))
    exact = want & got
    want, got = want - exact, got - exact
    loose_want = Counter((d, a) for (d, a, _), n in want.items() for _ in range(n))
    loose_got = Counter((d, a) for (d, a, _), n in got.items() for _ in range(n))
    loose = loose_want & loose_got
    left = loose_got - loose
    known = {(d, a) for d, a, _ in map(_key, truth)}
    duplicated = sum(n for k, n in left.items() if k in known)
    return Matched(
        expected=len(truth),
        matched=sum(exact.values()) + sum(loose.values()),
        missing=sum((loose_want - loose).values()),
        duplicated=duplicated,
        extra=sum(left.values()) - duplicated,
        descriptions_differ=sum(loose.values()),
    )


async def fetch(
    client: httpx.AsyncClient, path: str, params: dict[str, str | int] | None = None
) -> httpx.Response:
    """GET as a patient client does: a 429 waits its Retry-After, a 5xx or a dropped
    connection is tried again, for up to :data:`FETCH_WITHIN` seconds; then the answer stands."""
    deadline = asyncio.get_running_loop().time() + FETCH_WITHIN
    while True:
        try:
            response = await client.get(path, params=params)
        except httpx.TransportError:
            if asyncio.get_running_loop().time() > deadline:
                raise
            await asyncio.sleep(1.0)
            continue
        later = response.status_code == 429 or response.status_code >= 500
        if not later or asyncio.get_running_loop().time() > deadline:
            return response
        await asyncio.sleep(_retry_after(response))


def _retry_after(response: httpx.Response) -> float:
    try:
        return min(10.0, max(0.2, float(response.headers.get("Retry-After", "1"))))
    except ValueError:
        return 1.0


async def batch_rows(client: httpx.AsyncClient, batch_id: str) -> list[Row] | None:
    """Every row of the batch's JSON export (paged); None when the batch has no report."""
    rows: list[Row] = []
    params: dict[str, str | int] = {"format": "json", "limit": 1000}
    while True:
        response = await fetch(client, f"/v1/batches/{batch_id}/transactions", params)
        if response.status_code == 409:
            return None
        response.raise_for_status()
        page = response.json()
        rows += page["data"]
        if not page["has_more"]:
            return rows
        params["starting_after"] = page["data"][-1]["id"]


@dataclass
class Books:
    """The platform's own records for the org, read from each service's schema."""

    usage_rows: int = 0
    extracted: int = 0
    extraction_failed: int = 0
    usage_without_extraction: int = 0
    extraction_without_usage: int = 0
    unsent: dict[str, int] = field(default_factory=dict)
    unbilled: list[str] = field(default_factory=list)  # batch/statement extracted, no usage
    redriven: int = 0  # batches the sweeper re-drove (informational: how recovery happened)

    @property
    def usage_equal(self) -> bool:
        return self.usage_rows == self.extracted and not (
            self.usage_without_extraction or self.extraction_without_usage
        )


async def books(database_url: str, org_id: str) -> Books:
    """Usage rows against extracted statements (by id: each usage id derives from its
    statement) and the unsent outbox rows of every schema. The connection is the stack's
    admin one, which RLS does not filter, so the org is named in every query."""
    found = Books()
    async with await psycopg.AsyncConnection.connect(libpq_dsn(database_url)) as conn:
        # Pages are billed per statement (its statements_processed row is counted beside).
        usage = await _column(
            conn,
            "SELECT id FROM billing.usage_events WHERE org_id = %s AND metric = 'pages_processed'",
            org_id,
        )
        rows = await (
            await conn.execute(
                "SELECT statement_id, status, batch_id FROM extractor.extractions"
                " WHERE org_id = %s",
                (org_id,),
            )
        ).fetchall()
        found.redriven = len(
            await _column(
                conn,
                "SELECT DISTINCT batch_id FROM gateway.outbox WHERE org_id = %s"
                " AND event_type LIKE '%%batch.redrive_requested%%'",
                org_id,
            )
        )
        for schema in SCHEMAS:
            # A service that publishes nothing would have no outbox: nothing of it is unsent.
            exists = await conn.execute("SELECT to_regclass(%s)", (f"{schema}.outbox",))
            if (await exists.fetchone() or (None,))[0] is None:
                continue
            query = f"SELECT count(*) FROM {schema}.outbox WHERE sent_at IS NULL"  # noqa: S608
            found.unsent[schema] = int((await (await conn.execute(query)).fetchone() or (0,))[0])
    by_usage = {uuid5(sid, "pages_processed"): (sid, b) for sid, st, b in rows if st == "extracted"}
    extracted = set(by_usage)
    found.usage_rows, found.extracted = len(usage), len(extracted)
    found.extraction_failed = sum(1 for _, status, _ in rows if status != "extracted")
    found.usage_without_extraction = len(set(usage) - extracted)
    unbilled = extracted - set(usage)
    found.extraction_without_usage = len(unbilled)
    found.unbilled = sorted(f"{b}/{sid}" for sid, b in (by_usage[u] for u in unbilled))
    return found


async def _column(conn: psycopg.AsyncConnection[Any], query: str, value: str) -> list[UUID]:
    return [row[0] for row in await (await conn.execute(query, (value,))).fetchall()]


def dlq_batch(value: bytes | None) -> str | None:
    """The batch a dead-lettered envelope belongs to, when it says."""
    try:
        envelope = json.loads(value or b"")
        batch = envelope.get("data", {}).get("batch_id")
    except (ValueError, AttributeError):
        return None
    return str(batch) if batch else None
