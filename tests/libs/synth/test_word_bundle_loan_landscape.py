"""word_typed, bundle, loan_investment and landscape print what their docstrings claim."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import Any

import pypdfium2 as pdfium

from cypheredge.synth import build, generate
from cypheredge.synth.formats import fmt_date
from cypheredge.synth.layouts import wordtyped
from cypheredge.synth.render.flow import text_width

Texts = Callable[..., list[str]]
SEEDS = range(12)


def test_word_wrap_breaks_after_spaces_and_hyphens_as_word_does() -> None:
    font, size = "Helvetica", 9.0

    def fits(text: str) -> float:
        return text_width(text, font, size) + 1

    assert wordtyped.word_wrap("2024-03-01", font, size, fits("2024-03-")) == ["2024-03-", "01"]
    assert wordtyped.word_wrap("15 Mar 2024", font, size, fits("15 Mar")) == ["15 Mar", "2024"]
    assert wordtyped.word_wrap("$ 1,234.56", font, size, fits("1,234.56")) == ["$", "1,234.56"]


def _wrapped_date(statement_pdf: bytes, first: date, page_texts: Texts) -> bool:
    """The first row's date is printed over two lines in one of the breakable patterns."""
    text = page_texts(statement_pdf)[0]
    for pattern in wordtyped.DATES[:3]:
        pieces = [p for p in wordtyped.BREAK.split(fmt_date(first, pattern)) if p]
        head = "".join(pieces[:-1]).rstrip()
        if fmt_date(first, pattern) not in text and re.search(rf"^{re.escape(head)}\s", text, re.M):
            return True
    return False


def test_narrow_word_tables_wrap_dates_inside_their_cells(page_texts: Texts) -> None:
    wrapped = 0
    for seed in SEEDS:
        statement = generate("word_typed", seed)
        first = date.fromisoformat(statement.truth["transactions"][0]["date"])
        wrapped += _wrapped_date(statement.pdf, first, page_texts)
    assert wrapped >= 2


def test_word_tables_repeat_their_header_row_only_sometimes(page_texts: Texts) -> None:
    repeated = set()
    for seed in SEEDS:
        pages = page_texts(generate("word_typed", seed).pdf)
        rows_on_two = [
            r for r in generate("word_typed", seed).truth["transactions"] if r["page"] == 2
        ]
        if len(pages) > 1 and rows_on_two:
            repeated.add("Description" in pages[1])
    assert repeated == {True, False}


def _bundles() -> list[tuple[int, list[dict[str, Any]]]]:
    return [(s, generate("bundle", s).truth["accounts"]) for s in SEEDS]


def test_monthly_bundles_chain_closing_into_the_next_opening() -> None:
    runs = [(s, a) for s, a in _bundles() if len({x["account_hint"] for x in a}) == 1]
    assert runs
    for seed, accounts in runs:
        assert [a["statement"] for a in accounts] == list(range(len(accounts)))
        for this, following in pairwise(accounts):
            assert this["closing_balance"] == following["opening_balance"], seed
            end = date.fromisoformat(this["period_end"])
            assert end + timedelta(days=1) == date.fromisoformat(following["period_start"])


def test_bundles_of_several_accounts_share_one_period() -> None:
    several = [a for _, a in _bundles() if len({x["account_hint"] for x in a}) > 1]
    assert several
    for accounts in several:
        assert len({(a["period_start"], a["period_end"]) for a in accounts}) == 1
        assert [a["statement"] for a in accounts] == list(range(len(accounts)))


def test_bundle_page_numbers_restart_with_each_statement(page_texts: Texts) -> None:
    for seed in SEEDS:
        statement = generate("bundle", seed)
        pages = page_texts(statement.pdf)
        firsts = sum(bool(re.search(r"Page 1 of \d", page)) for page in pages)
        cover = "your statements" in pages[0]
        assert firsts == len(statement.truth["accounts"]) + cover
        for account in statement.truth["accounts"]:
            start = fmt_date(date.fromisoformat(account["period_start"]), "D MONTH YYYY")
            assert any(start in page for page in pages)


def _loans_and_valuations() -> tuple[list[int], list[int]]:
    seeds = range(20)
    loans = [s for s in seeds if generate("loan_investment", s).truth["transactions"]]
    return loans, [s for s in seeds if s not in loans]


def test_loans_are_owed_balances_that_repayments_lower(page_texts: Texts) -> None:
    loans, _ = _loans_and_valuations()
    assert loans
    for seed in loans:
        statement = generate("loan_investment", seed)
        text = "\n".join(page_texts(statement.pdf))
        rows = statement.truth["transactions"]
        # As printed: what is owed, positive, the entry saying its balances are owed.
        assert statement.truth["accounts"][0]["balance_owed"] is True
        owed = Decimal(statement.truth["accounts"][0]["opening_balance"])
        assert owed > 0
        for row in rows:
            balance = Decimal(row["balance"])
            assert statement.numbers.magnitude(balance) in text  # printed unsigned (or DR)
            assert (balance < owed) == (row["credit"] is not None), row
            owed = balance
        assert any("INTEREST" in r["description"].upper() and r["debit"] for r in rows)


def test_valuations_print_holdings_and_no_transactions(page_texts: Texts) -> None:
    _, valuations = _loans_and_valuations()
    assert valuations
    for seed in valuations:
        statement = generate("loan_investment", seed)
        text = "\n".join(page_texts(statement.pdf))
        (account,) = statement.truth["accounts"]
        closing = Decimal(account["closing_balance"])
        assert statement.truth["transactions"] == []
        assert account["opening_balance"] != account["closing_balance"]
        assert f"Total {statement.numbers.magnitude(closing)}" in text
        assert "Units" in text or "Quantity" in text
        assert build("loan_investment", seed).statement.accounts[0].valued == closing


def test_landscape_pages_are_wide_and_some_are_portrait_pages_turned_by_rotate() -> None:
    turns = set()
    for seed in range(20):
        doc = pdfium.PdfDocument(generate("landscape", seed).pdf)
        try:
            for index in range(len(doc)):
                page = doc[index]
                width, height = page.get_size()  # as displayed, after /Rotate
                assert width > height
                left, bottom, right, top = page.get_mediabox()
                turn = page.get_rotation()
                assert (right - left > top - bottom) == (turn == 0)
                turns.add(turn)
        finally:
            doc.close()
    assert turns == {0, 90, 270}


def test_rotated_landscape_text_runs_along_the_portrait_page() -> None:
    seed = next(s for s in range(20) if getattr(build("landscape", s).flow, "turn", 0) == 90)
    doc = pdfium.PdfDocument(generate("landscape", seed).pdf)
    try:
        text = doc[0].get_textpage()
        first, second = text.get_charbox(0), text.get_charbox(1)
        assert abs(first[0] - second[0]) < 2  # the same x: the letters climb the page
        assert second[1] > first[1]
    finally:
        doc.close()
