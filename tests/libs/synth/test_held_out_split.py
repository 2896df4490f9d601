"""The third held-out split: registered as held out, rendered to PDFs whose text carries the truth.

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
from cypheredge.synth.layouts.local_kit import ES_MONTHS
from cypheredge.synth.model import SyntheticStatement, Truth

NAMES = (
    "th_baht",
    "pk_statement",
    "sa_kashf",
    "hk_statement",
    "cz_vypis",
    "hu_kivonat",
    "co_extracto",
)
CASES = [(name, seed) for name in NAMES for seed in range(3)]
Texts = Callable[..., list[str]]
# Every way these families print a row's date.
DATES = (
    "DD-MM-YY",
    "DD/MM/YY",
    "DD-MM-YYYY",
    "DD MON YYYY",
    "DD/MM/YYYY",
    "DD MON",
    "DD.MM.",
    "DD.MM.YYYY",
    "YY.MM.DD",
    "YYYY.MM.DD",
    "D/MM",
)


@cache
def _statement(layout: str, seed: int) -> SyntheticStatement:
    return generate(layout, seed)


def _dec(value: str | None) -> Decimal:
    return Decimal(value) if value is not None else Decimal(0)


def _printed_dates(day: date) -> set[str]:
    """The row's date as any of these families prints it: upper-cased months (BOCHK), the
    Buddhist era (Bangkok Bank), Spanish month abbreviations (the Colombian cooperative)."""
    out = {fmt_date(day, pattern) for pattern in DATES}
    out |= {text.upper() for text in out}
    out.add(f"{fmt_date(day, 'DD/MM')}/{(day.year + 543) % 100:02d}")
    out.add(f"{day.day:02d}-{ES_MONTHS[day.month - 1]}-{day.year % 100:02d}")
    return out


def _accounts(truth: Truth) -> list[list[Truth]]:
    count = len(truth["accounts"])
    return [[r for r in truth["transactions"] if r["account"] == i] for i in range(count)]


def test_the_split_lists_exactly_the_new_families() -> None:
    assert tuple(layout.name for layout in HELD_OUT) == NAMES
    assert all(layout.held_out for layout in HELD_OUT)
    assert all(layout in ALL for layout in HELD_OUT)
    assert {layout.name for layout in ALL if layout.held_out} == set(NAMES)
    assert all(LAYOUTS[name].held_out for name in NAMES)


def test_no_other_family_covers_these_countries() -> None:
    codes = {"th", "pk", "sa", "hk", "cz", "hu", "co"}
    names = {layout.name for layout in ALL if not layout.held_out}
    assert not {name for name in names if name.split("_")[0] in codes}


@pytest.mark.parametrize("layout", NAMES)
def test_generation_is_fast(layout: str) -> None:
    began = time.perf_counter()
    generate(layout, 99)
    assert time.perf_counter() - began < 1.0


@pytest.mark.parametrize(("layout", "seed"), CASES)
def test_pdfplumber_and_pdfium_read_the_text(layout: str, seed: int, page_texts: Texts) -> None:
    statement = _statement(layout, seed)
    with pdfplumber.open(io.BytesIO(statement.pdf)) as pdf:
        plumbed = [page.extract_text() or "" for page in pdf.pages]
    pages = page_texts(statement.pdf)
    assert len(plumbed) == len(pages) >= 1
    assert len(plumbed[0]) > 200
    assert len(pages[0]) > 200
    first = statement.truth["transactions"][0]
    assert first["description"].split()[0] in plumbed[first["page"] - 1]


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
        # HSBC prints a date on the day's first row only, which may sit on an earlier page
        before = "".join(pages[: row["page"]])
        assert any(d in before for d in _printed_dates(date.fromisoformat(row["date"]))), row
        for key in ("debit", "credit", "balance"):
            if row[key] is not None:
                printed = statement.numbers.magnitude(Decimal(row[key]))
                assert printed in text, (key, printed, row)


@pytest.mark.parametrize(("layout", "seed"), CASES)
def test_truth_reconciles(layout: str, seed: int) -> None:
    truth = _statement(layout, seed).truth
    for account, rows in zip(truth["accounts"], _accounts(truth), strict=True):
        credits = sum(_dec(r["credit"]) for r in rows)
        debits = sum(_dec(r["debit"]) for r in rows)
        opening, closing = Decimal(account["opening_balance"]), Decimal(account["closing_balance"])
        assert rows
        assert opening + credits - debits == closing
    assert truth["statement"]["closing_balance"] == truth["accounts"][0]["closing_balance"]


@pytest.mark.parametrize(("layout", "seed"), CASES)
def test_printed_balances_follow_the_chain(layout: str, seed: int) -> None:
    built = build(layout, seed)
    truth = built.truth()
    for index, rows in enumerate(_accounts(truth)):
        if rows[0]["date"] > rows[-1]["date"]:
            rows = rows[::-1]  # printed newest first: the chain runs from the bottom
        running = Decimal(truth["accounts"][index]["opening_balance"])
        ledger = built.statement.accounts[index].txns
        assert len(rows) == len(ledger)
        for row, txn in zip(rows, ledger, strict=True):
            running += _dec(row["credit"]) - _dec(row["debit"])
            assert running == txn.balance
            assert row["date"] == txn.day.isoformat()
            if row["balance"] is not None:
                assert Decimal(row["balance"]) == running, row


@pytest.mark.parametrize("layout", NAMES)
def test_each_family_has_multi_page_statements(layout: str) -> None:
    pages = [max(r["page"] for r in _statement(layout, s).truth["transactions"]) for s in range(10)]
    assert max(pages) >= 2
    assert min(pages) >= 1
