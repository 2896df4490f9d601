"""Layout quirks of real statements (shared corpus), each read the way the statement means it."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from cetest.pdfs import CORPUS
from cypheredge.extractor.domain import ExtractionResult, extract_pdf


@cache
def _extract(name: str) -> ExtractionResult:
    return extract_pdf((CORPUS / name).read_bytes())


def test_a_figure_the_text_layer_split_is_one_amount() -> None:
    # HSBC prints the opening balance as `22,0` and `14.78`, 1.3 pt apart.
    result = _extract("29_hsbc_uk_savings_joint.pdf")
    assert result.statement.opening_balance == Decimal("22014.78")
    assert result.reconciled is True


def test_cells_glued_across_column_edges_are_cut() -> None:
    # `TX-240101-00000ACH Payment ...`: reference flush against the description;
    # `Group19.19`: description flush against its amount; `-` in the empty column.
    result = _extract("33_fidelity_fed_synthetic_33p.pdf")
    assert len(result.transactions) == 858
    first = result.transactions[0]
    assert (first.description, first.debit) == ("ACH Payment to Alice Johnson", Decimal("228.11"))
    glued = next(t for t in result.transactions if t.date.isoformat() == "2024-01-12")
    assert (glued.description, glued.debit) == (
        "Card purchase at Riverside Insurance Group",
        Decimal("19.19"),
    )
    assert not any(t.description.endswith("-") for t in result.transactions)


def test_summary_tables_and_tallies_are_not_transactions() -> None:
    # Howard's Account Summary lists `Beginning Balance`, `3 Credit(s) This Period`, ... with
    # dates and amounts; TD prints `NET AMOUNT OF MONTHLY ACTIVITY` as a dated row.
    howard = _extract("30_howard_bank_checking_us.pdf")
    assert len(howard.transactions) == 23
    assert not any(
        "Period" in t.description or "Balance" in t.description for t in howard.transactions
    )
    td = _extract("27_td_visa_2017_ca.pdf")
    assert len(td.transactions) == 33
    assert not any("NET AMOUNT" in t.description for t in td.transactions)
    assert howard.reconciled is True
    assert td.reconciled is True


def test_a_description_continued_after_a_page_break_stays_with_its_row() -> None:
    result = _extract("30_howard_bank_checking_us.pdf")
    giant = next(t for t in result.transactions if t.debit == Decimal("14.06"))
    assert giant.description.endswith("BALTIMORE GIANT SEQ# 0087")
    assert giant.page == 1
    after = next(t for t in result.transactions if t.debit == Decimal("44.90"))
    assert after.description.startswith("Signature POS Debit 09/15")


def test_a_row_whose_figures_are_on_the_next_page_is_one_row() -> None:
    result = _extract("31_gravytoast_fake_au.pdf")
    split = [t for t in result.transactions if t.description.startswith("Transaction 31")]
    assert [(t.description, t.debit, t.page) for t in split] == [
        ("Transaction 31 Goes over multiple pages", Decimal("0.00"), 1)
    ]


def test_a_balance_without_decimals_keeps_its_marker() -> None:
    result = _extract("31_gravytoast_fake_au.pdf")
    fourth = result.transactions[3]
    assert (fourth.description, fourth.balance) == ("Transaction 4", Decimal("90350"))


def test_an_account_summary_box_is_no_table_header() -> None:
    # Amex prints `Account Summary` with `Payments/Credits -$6,108.45` beside it on page 1;
    # read as a header (a `Summary` column), it swallowed every table after it.
    result = _extract("26_amex_delta_skymiles_us.pdf")
    assert len(result.transactions) == 96
    assert result.statement.opening_balance == Decimal("6108.45")
