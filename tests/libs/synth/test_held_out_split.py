"""The held-out split: registered as held out, rendered to PDFs whose text carries the truth.

These tests check the generator only (registry, PDF, text layer, truth consistency); they never
run the extractor, so nothing here says how well anything reads these families.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import cache

import pdfplumber
import pytest

from cypheredge.synth import LAYOUTS, build, generate
from cypheredge.synth.formats import fmt_date
from cypheredge.synth.layouts import ALL, HELD_OUT
from cypheredge.synth.model import SyntheticStatement

NAMES = (
    "id_rekening",
    "tr_hesap",
    "nordic_konto",
    "jp_yen",
    "cl_cartola",
    "vn_saoke",
    "kr_won",
)
CASES = [(name, seed) for name in NAMES for seed in range(3)]
Texts = Callable[..., list[str]]
# Every way these families print a row's date; a row's page must show one of them.
DATES = (
    "DD/MM",
    "DD.MM",
    "DD/MM/YY",
    "DD MON YYYY",
    "YYYY/MM/DD",
    "YYYY.MM.DD",
    "YYYY-MM-DD",
    "YYYY-MM-",  # KB Kookmin wraps the day under the month
)


@cache
def _statement(layout: str, seed: int) -> SyntheticStatement:
    return generate(layout, seed)


def _dec(value: str | None) -> Decimal:
    return Decimal(value) if value is not None else Decimal(0)


def test_the_split_lists_exactly_the_new_families() -> None:
    assert tuple(layout.name for layout in HELD_OUT) == NAMES
    assert all(layout.held_out for layout in HELD_OUT)
    assert all(layout in ALL for layout in HELD_OUT)
    assert {layout.name for layout in ALL if layout.held_out} == set(NAMES)
    assert all(LAYOUTS[name].held_out for name in NAMES)


@pytest.mark.parametrize("layout", NAMES)
def test_generation_is_fast(layout: str) -> None:
    began = time.perf_counter()
    generate(layout, 99)
    assert time.perf_counter() - began < 1.0


@pytest.mark.parametrize(("layout", "seed"), CASES)
def test_pdfplumber_opens_it_and_reads_text(layout: str, seed: int) -> None:
    statement = _statement(layout, seed)
    with pdfplumber.open(io.BytesIO(statement.pdf)) as pdf:
        assert len(pdf.pages) >= 1
        first = pdf.pages[0].extract_text() or ""
    words = statement.truth["transactions"][0]["description"].split()
    assert len(first) > 200
    assert words[0] in first or len(pdf.pages) > 1


@pytest.mark.parametrize(("layout", "seed"), CASES)
def test_every_row_is_printed_with_its_date_amount_and_balance(
    layout: str, seed: int, page_texts: Texts
) -> None:
    statement = _statement(layout, seed)
    pages = page_texts(statement.pdf)
    for row in statement.truth["transactions"]:
        text = pages[row["page"] - 1]
        missing = [w for w in row["description"].split() if w not in text]
        assert not missing, (row, missing)
        day = date.fromisoformat(row["date"])
        assert any(fmt_date(day, pattern) in text for pattern in DATES), row
        for key in ("debit", "credit", "balance"):
            if row[key] is not None:
                printed = statement.numbers.magnitude(Decimal(row[key]))
                assert printed in text, (key, printed, row)


@pytest.mark.parametrize(("layout", "seed"), CASES)
def test_truth_reconciles(layout: str, seed: int) -> None:
    truth = _statement(layout, seed).truth
    account, rows = truth["accounts"][0], truth["transactions"]
    credits = sum(_dec(r["credit"]) for r in rows)
    debits = sum(_dec(r["debit"]) for r in rows)
    opening, closing = Decimal(account["opening_balance"]), Decimal(account["closing_balance"])
    assert opening + credits - debits == closing
    assert truth["statement"]["closing_balance"] == account["closing_balance"]


@pytest.mark.parametrize(("layout", "seed"), CASES)
def test_printed_balances_follow_the_chain(layout: str, seed: int) -> None:
    built = build(layout, seed)
    truth = built.truth()
    rows = truth["transactions"]
    if rows[0]["date"] > rows[-1]["date"]:
        rows = rows[::-1]  # printed newest first: the chain runs from the bottom
    running = Decimal(truth["accounts"][0]["opening_balance"])
    ledger = built.statement.accounts[0].txns
    assert len(rows) == len(ledger)
    for row, txn in zip(rows, ledger, strict=True):
        running += _dec(row["credit"]) - _dec(row["debit"])
        assert running == txn.balance
        if row["balance"] is not None:
            assert Decimal(row["balance"]) == running, row


@pytest.mark.parametrize("layout", NAMES)
def test_each_family_has_multi_page_statements(layout: str) -> None:
    pages = [max(r["page"] for r in _statement(layout, s).truth["transactions"]) for s in range(10)]
    assert max(pages) >= 2
    assert min(pages) >= 1


@pytest.mark.parametrize("layout", ["jp_yen", "cl_cartola", "vn_saoke", "kr_won"])
def test_currencies_without_a_minor_unit_have_whole_amounts(layout: str) -> None:
    for seed in range(6):
        truth = _statement(layout, seed).truth
        values = [r[k] for r in truth["transactions"] for k in ("debit", "credit", "balance")]
        values += [truth["accounts"][0]["opening_balance"]]
        assert all(Decimal(v) == Decimal(v).to_integral_value() for v in values if v is not None)
