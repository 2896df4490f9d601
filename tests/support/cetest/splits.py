"""What the tests of each generated split share: cached statements, their text and rows, and
the checks every family of a split passes (the generator only, never the extractor)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from decimal import Decimal
from functools import cache

import pdfplumber

from cypheredge.synth import LAYOUTS, generate
from cypheredge.synth.layouts import ALL, HELD_OUT
from cypheredge.synth.model import SyntheticStatement, Truth

Texts = Callable[..., list[str]]


@cache
def statement(layout: str, seed: int) -> SyntheticStatement:
    return generate(layout, seed)


def dec(value: str | None) -> Decimal:
    return Decimal(value) if value is not None else Decimal(0)


def texts(layout: str, seeds: Iterable[int], page_texts: Texts) -> list[str]:
    """Each seed's whole text layer, whitespace runs (wrapped titles) as one space."""
    return [" ".join(" ".join(page_texts(statement(layout, s).pdf)).split()) for s in seeds]


def rows(layout: str, seeds: Iterable[int]) -> list[Truth]:
    return [r for s in seeds for r in statement(layout, s).truth["transactions"]]


def assert_tuned(names: Sequence[str], registered: bool = True) -> None:
    """A split scored once and tuned on since: its families are no longer held out."""
    assert all(name in LAYOUTS for name in names)
    assert not any(LAYOUTS[name].held_out for name in names)
    assert not {layout.name for layout in HELD_OUT} & set(names)
    if registered:
        assert all(layout in ALL for layout in (LAYOUTS[name] for name in names))


def assert_text_read(layout: str, seed: int, page_texts: Texts) -> None:
    """pdfplumber and pdfium both read the statement's text, the first row's words in it."""
    pdf = statement(layout, seed)
    with pdfplumber.open(io.BytesIO(pdf.pdf)) as opened:
        plumbed = [page.extract_text() or "" for page in opened.pages]
    pages = page_texts(pdf.pdf)
    assert len(plumbed) == len(pages) >= 1
    assert len(plumbed[0]) > 200
    assert len(pages[0]) > 200
    first = pdf.truth["transactions"][0]
    assert first["description"].split()[0] in plumbed[first["page"] - 1]


def assert_rows_printed(
    layout: str, seed: int, page_texts: Texts, printed_dates: Callable[[date], set[str]]
) -> None:
    """Every truth row's words, date (as one of `printed_dates`) and figures are on its page."""
    pdf = statement(layout, seed)
    pages = page_texts(pdf.pdf)
    for row in pdf.truth["transactions"]:
        assert 1 <= row["page"] <= len(pages)
        text = pages[row["page"] - 1]
        missing = [w for w in row["description"].split() if w not in text]
        assert not missing, (row, missing)
        assert any(d in text for d in printed_dates(date.fromisoformat(row["date"]))), row
        for key in ("debit", "credit", "balance"):
            if row[key] is not None:
                printed = pdf.numbers.magnitude(Decimal(row[key]))
                assert printed in text, (key, printed, row)


def assert_truth_reconciles(layout: str, seed: int) -> None:
    truth = statement(layout, seed).truth
    account, rows = truth["accounts"][0], truth["transactions"]
    assert rows
    credits = sum(dec(r["credit"]) for r in rows)
    debits = sum(dec(r["debit"]) for r in rows)
    opening, closing = Decimal(account["opening_balance"]), Decimal(account["closing_balance"])
    assert opening + credits - debits == closing
    assert truth["statement"]["closing_balance"] == account["closing_balance"]
    assert {r["currency"] for r in rows} == {account["currency"]}


def assert_page_counts(layout: str, page_texts: Texts) -> None:
    """A family draws single- and multi-page statements, each row on a page it has."""
    counts = [len(page_texts(statement(layout, s).pdf)) for s in range(12)]
    assert max(counts) >= 2
    assert min(counts) >= 1
    for seed in range(12):
        rows = statement(layout, seed).truth["transactions"]
        assert max(r["page"] for r in rows) <= counts[seed]
