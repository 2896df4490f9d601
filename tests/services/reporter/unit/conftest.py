"""Statements typed out as rows, turned into the extraction document contract and read back
through ``statement_doc`` exactly as the reporter reads real ones."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import pytest

from cypheredge.contracts.extraction import EXTRACTION_FORMAT
from cypheredge.reporter.domain.model import StatementDoc
from cypheredge.reporter.service.extraction import parse_document, statement_doc

# (ISO date, description, signed amount: credits positive, debits negative)
Row = tuple[str, str, str]


def make_statement(
    statement_id: str,
    rows: Sequence[Row],
    *,
    opening: str | None = "1000.00",
    closing: str | None = "auto",
    start: str | None = None,
    end: str | None = None,
    hint: str | None = "12-3456-0000001-00",
    balances: bool = True,
    printed: Mapping[int, str] | None = None,
    confidence: float = 0.99,
) -> StatementDoc:
    """Balances run from ``opening`` unless ``balances`` is off; ``printed`` replaces the
    printed balance of some rows (by position) to break the chain on purpose ("": none)."""
    running = Decimal(opening) if opening is not None else None
    out: list[dict[str, Any]] = []
    for at, (day, description, amount) in enumerate(rows):
        value = Decimal(amount)
        running = None if running is None else running + value
        balance = (printed or {}).get(
            at, str(running) if balances and running is not None else None
        )
        balance = balance or None  # "" in ``printed``: no balance printed on that row
        out.append(
            {
                "date": day,
                "description": description,
                "debit": str(-value) if value < 0 else None,
                "credit": str(value) if value >= 0 else None,
                "balance": balance,
                "currency": "NZD",
                "account": 0,
                "page": 1,
                "method": "geometric",
                "confidence": confidence,
                "bbox": [40.0, 100.0 + 12 * at, 560.0, 110.0 + 12 * at],
            }
        )
    final = str(running) if closing == "auto" and running is not None else closing
    if closing == "auto" and running is None:
        final = None
    period = {"period_start": start, "period_end": end}
    document: dict[str, Any] = {
        "format": EXTRACTION_FORMAT,
        "statement": {
            "opening_balance": opening,
            "closing_balance": final,
            "currency": "NZD",
            **period,
        },
        "statements": [{**period, "reconciled": None}],
        "accounts": [
            {
                "account_hint": hint,
                "currency": "NZD",
                "opening_balance": opening,
                "closing_balance": final,
                "statement": 0,
                **period,
                "reconciled": None,
                "difference": None,
                "first_break": None,
                "warnings": [],
            }
        ],
        "transactions": out,
        "pages": [{"number": 1, "method": "geometric", "rows": len(out), "confidence": 0.99}],
        "reconciled": None,
        "warnings": [],
    }
    # Through JSON, as the reporter reads an artefact from storage.
    parsed = parse_document(json.dumps(document))
    return statement_doc(statement_id, f"{statement_id}.pdf", parsed)


@pytest.fixture
def statement() -> Callable[..., StatementDoc]:
    return make_statement
