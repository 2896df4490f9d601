"""Statements typed out as rows, turned into the extractor's JSON document and read back
through ``from_extraction`` exactly as the reporter will read real ones."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import pytest

from cypheredge.reporter.domain.model import StatementDoc, from_extraction

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
    printed balance of some rows (by position) to break the chain on purpose."""
    running = Decimal(opening) if opening is not None else None
    out: list[dict[str, Any]] = []
    for at, (day, description, amount) in enumerate(rows):
        value = Decimal(amount)
        running = None if running is None else running + value
        balance = (printed or {}).get(
            at, str(running) if balances and running is not None else None
        )
        out.append(
            {
                "date": day,
                "description": description,
                "debit": str(-value) if value < 0 else None,
                "credit": str(value) if value >= 0 else None,
                "balance": balance,
                "account": 0,
                "page": 1,
                "method": "geometric",
                "confidence": confidence,
            }
        )
    final = str(running) if closing == "auto" and running is not None else closing
    if closing == "auto" and running is None:
        final = None
    document = {
        "statement": {
            "opening_balance": opening,
            "closing_balance": final,
            "period_start": start,
            "period_end": end,
            "currency": "NZD",
        },
        "accounts": [
            {
                "account_hint": hint,
                "currency": "NZD",
                "opening_balance": opening,
                "closing_balance": final,
            }
        ],
        "transactions": out,
    }
    return from_extraction(statement_id, f"{statement_id}.pdf", document)


@pytest.fixture
def statement() -> Callable[..., StatementDoc]:
    return make_statement
