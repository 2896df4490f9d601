"""The ground truth is internally consistent and has the extractor CLI's shape."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest

from cypheredge.synth import LAYOUTS, build, generate
from cypheredge.synth.formats import places

CASES = [(name, seed) for name in LAYOUTS for seed in range(3)]
# two decimals, or three for a currency with a three-digit minor unit (JOD, KWD)
AMOUNTS = {2: re.compile(r"^-?\d+\.\d{2}$"), 3: re.compile(r"^-?\d+\.\d{3}$")}
TXN_KEYS = {"date", "description", "debit", "credit", "balance", "currency", "account", "page"}


def _dec(value: str | None) -> Decimal:
    return Decimal(value) if value is not None else Decimal(0)


def test_there_are_at_least_twelve_layouts() -> None:
    assert len(LAYOUTS) >= 12


@pytest.mark.parametrize(("layout", "seed"), CASES)
def test_every_account_reconciles(layout: str, seed: int) -> None:
    built = build(layout, seed)
    truth = built.truth()
    assert len(truth["accounts"]) == len(built.statement.accounts)
    for index, (account, ledger) in enumerate(
        zip(truth["accounts"], built.statement.accounts, strict=True)
    ):
        rows = [t for t in truth["transactions"] if t["account"] == index]
        if ledger.valued is not None:
            # A valuation prints no transaction list: its value moves with prices, not rows.
            assert not rows, f"account {index} is a valuation but has rows"
            continue
        assert rows, f"account {index} has no transactions"
        credits = sum(_dec(t["credit"]) for t in rows)
        debits = sum(_dec(t["debit"]) for t in rows)
        opening, closing = Decimal(account["opening_balance"]), Decimal(account["closing_balance"])
        side = -1 if account.get("balance_owed") else 1  # owed: charges raise what is owed
        assert opening + side * (credits - debits) == closing


@pytest.mark.parametrize(("layout", "seed"), CASES)
def test_printed_running_balances_follow_the_chain(layout: str, seed: int) -> None:
    truth = build(layout, seed).truth()  # what generate() returns, without rendering the PDF
    for index, account in enumerate(truth["accounts"]):
        running = Decimal(account["opening_balance"])
        rows = [t for t in truth["transactions"] if t["account"] == index]
        if all(t["balance"] is None for t in rows):
            continue  # layouts without a balance column may list rows out of date order
        if rows[0]["date"] > rows[-1]["date"]:
            rows = rows[::-1]  # printed newest first (M-PESA): the chain runs from the bottom
        side = -1 if account.get("balance_owed") else 1
        for row in rows:
            running += side * (_dec(row["credit"]) - _dec(row["debit"]))
            if row["balance"] is not None:
                assert Decimal(row["balance"]) == running, row


ACCOUNT_KEYS = {
    "account_hint",
    "currency",
    "opening_balance",
    "closing_balance",
    "statement",
    "period_start",
    "period_end",
}


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
    _check_accounts(statement, accounts)
    for row in truth["transactions"]:
        _check_row(row, accounts[row["account"]], len(accounts))


def _check_accounts(statement: dict[str, Any], accounts: list[dict[str, Any]]) -> None:
    """Statements are numbered from 0 in document order; the document's period spans theirs."""
    previous = 0
    for account in accounts:
        assert set(account) - {"balance_owed"} == ACCOUNT_KEYS
        assert account["statement"] in (previous, previous + 1)
        previous = account["statement"]
        assert account["period_start"] <= account["period_end"]
        assert statement["period_start"] <= account["period_start"]
        assert account["period_end"] <= statement["period_end"]
    assert accounts[0]["statement"] == 0
    assert statement["period_start"] == min(a["period_start"] for a in accounts)
    assert statement["period_end"] == max(a["period_end"] for a in accounts)


def _check_row(row: dict[str, Any], account: dict[str, Any], accounts: int) -> None:
    # `type`, as the CLI prints it, where a column titled as the type gives one
    assert set(row) - {"type"} == TXN_KEYS
    assert row.get("type", "x") == " ".join(row.get("type", "x").split())
    assert account["period_start"] <= row["date"] <= account["period_end"]
    assert (row["debit"] is None) != (row["credit"] is None)
    amount = AMOUNTS[places(row["currency"])]
    for key in ("debit", "credit", "balance"):
        assert row[key] is None or amount.match(row[key]), row
    assert Decimal(row["debit"] or row["credit"]) >= 0
    assert row["description"] == " ".join(row["description"].split())
    assert 0 <= row["account"] < accounts
    assert row["page"] >= 1
