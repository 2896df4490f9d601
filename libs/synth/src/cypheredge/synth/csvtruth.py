"""Ground truth for real sample statements, read from the CSV files that came with them.

Two CSV dialects are understood:
- `Date,Description,Debit Amt,Credit Amt,Balance` with DD-MM-YYYY dates;
- `date,description,amount,balance[,currency]` with ISO dates and a signed amount (debit < 0).
Opening and closing balances are not in the CSVs, so the statement-level fields are null.
"""

from __future__ import annotations

import csv
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from cypheredge.synth.formats import plain
from cypheredge.synth.model import Truth


def _money(text: str | None) -> Decimal | None:
    text = (text or "").strip()
    return Decimal(text) if text else None


def _split(row: dict[str, str]) -> tuple[str, Decimal | None, Decimal | None]:
    """(ISO date, debit, credit) from either dialect."""
    if "Debit Amt" in row:
        day = datetime.strptime(row["Date"].strip(), "%d-%m-%Y").date().isoformat()
        return day, _money(row["Debit Amt"]), _money(row["Credit Amt"])
    signed = _money(row["amount"]) or Decimal(0)
    debit, credit = (-signed, None) if signed < 0 else (None, signed)
    if signed == 0 and (row.get("direction") or "").strip() == "debit":
        debit, credit = Decimal(0), None  # `0.00` printed as a debit: the sign cannot say so
    return row["date"].strip(), debit, credit


def truth_from_csv(path: Path) -> Truth:
    """The expected extraction for one real sample."""
    with path.open(newline="", encoding="utf-8") as handle:
        records = list(csv.DictReader(handle))
    rows = []
    days: list[str] = []
    for record in records:
        day, debit, credit = _split(record)
        days.append(day)
        balance = _money(record.get("Balance", record.get("balance")))
        rows.append(
            {
                "date": day,
                "description": " ".join(
                    (record.get("Description") or record.get("description") or "").split()
                ),
                "debit": plain(debit),
                "credit": plain(credit),
                "balance": plain(balance),
                "currency": (record.get("currency") or None),
                "account": 0,
                "page": None,
            }
        )
    currency = rows[0]["currency"] if rows else None
    return {
        "statement": {
            "opening_balance": None,
            "closing_balance": None,
            "currency": currency,
            "period_start": min(days, default=None),
            "period_end": max(days, default=None),
        },
        "accounts": [],
        "transactions": rows,
    }
