"""Ground truth for real sample statements, read from the CSV files that came with them.

Two CSV dialects are understood:
- `Date,Description,Debit Amt,Credit Amt,Balance` with DD-MM-YYYY dates;
- `date,description,amount,balance[,currency]` with ISO dates and a signed amount (debit < 0).
Opening and closing balances come from `<stem>.meta.json` beside the CSV where there is one
(one entry per account); otherwise they are derived from the printed running balances where
the first and last rows print one, and are null where they do not.
"""

from __future__ import annotations

import csv
import json
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
                "account": int(record.get("account") or 0),
                "page": None,
            }
        )
    accounts = _meta_accounts(path) or _chain_accounts(rows)
    first = accounts[0] if accounts else {}
    return {
        "statement": {
            "opening_balance": first.get("opening_balance"),
            "closing_balance": first.get("closing_balance"),
            "currency": first.get("currency") or (rows[0]["currency"] if rows else None),
            "period_start": first.get("period_start") or min(days, default=None),
            "period_end": first.get("period_end") or max(days, default=None),
        },
        "accounts": accounts,
        "transactions": rows,
    }


def _meta_accounts(csv_path: Path) -> list[dict[str, str | None]]:
    if not csv_path.name.endswith(".expected.csv"):
        return []
    meta = csv_path.with_name(csv_path.name.replace(".expected.csv", ".meta.json"))
    if not meta.exists():
        return []
    keys = ("opening_balance", "closing_balance", "currency", "period_start", "period_end")
    entries = json.loads(meta.read_text(encoding="utf-8"))
    return [{key: entry.get(key) for key in keys} for entry in entries]


def _chain_accounts(rows: list[dict[str, object]]) -> list[dict[str, str | None]]:
    """One account whose ends follow from the printed balances of its first and last rows."""
    if not rows or rows[0]["balance"] is None or rows[-1]["balance"] is None:
        return []
    first = rows[0]
    net = _money(str(first["credit"] or "")) or -(_money(str(first["debit"] or "")) or 0)
    opening = Decimal(str(first["balance"])) - net
    return [
        {
            "opening_balance": plain(opening),
            "closing_balance": str(rows[-1]["balance"]),
            "currency": str(first["currency"]) if first["currency"] else None,
            "period_start": None,
            "period_end": None,
        }
    ]
