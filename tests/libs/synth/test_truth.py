"""The ground truth is internally consistent and has the extractor CLI's shape."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest

from cypheredge.synth import LAYOUTS, generate

CASES = [(name, seed) for name in LAYOUTS for seed in range(3)]
AMOUNT = re.compile(r"^-?\d+\.\d{2}$")
TXN_KEYS = {"date", "description", "debit", "credit", "balance", "currency", "account", "page"}


def _dec(value: str | None) -> Decimal:
    return Decimal(value) if value is not None else Decimal(0)


def test_there_are_at_least_twelve_layouts() -> None:
    assert len(LAYOUTS) >= 12


@pytest.mark.parametrize(("layout", "seed"), CASES)
def test_every_account_reconciles(layout: str, seed: int) -> None:
    truth = generate(layout, seed).truth
    for index, account in enumerate(truth["accounts"]):
        rows = [t for t in truth["transactions"] if t["account"] == index]
        assert rows, f"account {index} has no transactions"
        credits = sum(_dec(t["credit"]) for t in rows)
        debits = sum(_dec(t["debit"]) for t in rows)
        opening, closing = Decimal(account["opening_balance"]), Decimal(account["closing_balance"])
        assert opening + credits - debits == closing


@pytest.mark.parametrize(("layout", "seed"), CASES)
def test_printed_running_balances_follow_the_chain(layout: str, seed: int) -> None:
    truth = generate(layout, seed).truth
    for index, account in enumerate(truth["accounts"]):
        running = Decimal(account["opening_balance"])
        rows = [t for t in truth["transactions"] if t["account"] == index]
        if all(t["balance"] is None for t in rows):
            continue  # layouts without a balance column may list rows out of date order
        for row in rows:
            running += _dec(row["credit"]) - _dec(row["debit"])
            if row["balance"] is not None:
                assert Decimal(row["balance"]) == running, row


@pytest.mark.parametrize(("layout", "seed"), CASES)
def test_truth_has_the_cli_shape(layout: str, seed: int) -> None:
    truth = generate(layout, seed).truth
    statement, accounts = truth["statement"], truth["accounts"]
    assert set(statement) == {
        "opening_balance",
        "closing_balance",
        "currency",
        "period_start",
        "period_end",
    }
    assert statement["opening_balance"] == accounts[0]["opening_balance"]
    assert statement["closing_balance"] == accounts[0]["closing_balance"]
    for account in accounts:
        assert set(account) == {"account_hint", "currency", "opening_balance", "closing_balance"}
    for row in truth["transactions"]:
        _check_row(row, statement, len(accounts))


def _check_row(row: dict[str, Any], statement: dict[str, Any], accounts: int) -> None:
    assert set(row) == TXN_KEYS
    assert statement["period_start"] <= row["date"] <= statement["period_end"]
    assert (row["debit"] is None) != (row["credit"] is None)
    for key in ("debit", "credit", "balance"):
        assert row[key] is None or AMOUNT.match(row[key]), row
    assert Decimal(row["debit"] or row["credit"]) >= 0
    assert row["description"] == " ".join(row["description"].split())
    assert 0 <= row["account"] < accounts
    assert row["page"] >= 1
