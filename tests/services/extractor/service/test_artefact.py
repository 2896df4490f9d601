"""The domain result as the extraction document contract (what the service writes)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

from cetest.pdfs import DIGITAL_NZ, sample
from cypheredge.contracts.extraction import EXTRACTION_FORMAT, ExtractionDocument
from cypheredge.contracts.notices import REPAIRED_PDF, repaired_pdf
from cypheredge.extractor.domain import (
    AccountInfo,
    ChainBreak,
    ExtractionResult,
    Notice,
    PageReport,
    StatementInfo,
    Transaction,
    extract_pdf,
)
from cypheredge.extractor.service.artefact import (
    NO_TEXT_LAYER,
    event_warnings,
    no_text_layer,
    to_document,
)


def test_a_real_statement_keeps_every_field_the_cli_printed() -> None:
    result = extract_pdf(sample(DIGITAL_NZ))
    document = to_document(result)
    wire = json.loads(document.encode())
    old = result.to_json()
    for key in ("statement", "transactions", "pages", "reconciled", "warnings"):
        assert wire[key] == old[key], key
    for mine, theirs in zip(wire["accounts"], old["accounts"], strict=True):
        assert set(theirs) <= set(mine)
        # A one-statement file lends its period to accounts that print none of their own.
        assert (mine["period_start"], mine["period_end"]) == ("2026-02-01", "2026-02-28")
    assert wire["format"] == EXTRACTION_FORMAT
    assert "error" not in wire
    assert document.statements[0].reconciled is True
    assert ExtractionDocument.model_validate_json(document.encode()) == document


def _txn(account: int, day: int, page: int) -> Transaction:
    return Transaction(
        date(2025, 1 + account, day),
        f"ROW {account}-{day}",
        Decimal("5"),
        None,
        Decimal("95.5"),
        "GBP",
        account,
        page,
        (10.004, 20.0, 300.126, 30.0),
        "geometric",
        0.97,
    )


def _bundle() -> ExtractionResult:
    """January reconciles; February breaks at its first row."""
    january = AccountInfo(
        "1234", "GBP", Decimal("100"), Decimal("95.5"), 0, date(2025, 1, 1), date(2025, 1, 31),
        True, Decimal("0"),
    )  # fmt: skip
    february = AccountInfo(
        "1234", None, Decimal("95.5"), Decimal("80"), 1, date(2025, 2, 1), None, False,
        Decimal("-10.5"), ChainBreak(0, 2, date(2025, 2, 3), Decimal("90.5"), Decimal("95.5")),
        (Notice("year_guessed", "no year printed", 2),),
    )  # fmt: skip
    return ExtractionResult(
        StatementInfo(Decimal("100"), Decimal("95.5"), "GBP", date(2025, 1, 1), date(2025, 2, 28)),
        (january, february),
        (_txn(0, 2, 1), _txn(1, 3, 2)),
        (PageReport(1, "geometric", 1, 0.97), PageReport(2, "geometric", 1, 0.97)),
        False,
        warnings=(Notice("period_guessed", "the period is inferred from the rows"),),
    )


def test_a_bundle_gives_one_statement_per_month_with_its_own_verdict() -> None:
    document = to_document(_bundle(), (repaired_pdf(),))
    assert [(s.period_start, s.period_end, s.reconciled) for s in document.statements] == [
        (date(2025, 1, 1), date(2025, 1, 31), True),
        (date(2025, 2, 1), None, False),  # a bundle's period is never made up from the file's
    ]
    _, february = document.accounts
    assert february.currency == "GBP"  # the statement's, where the account printed none
    assert february.first_break is not None
    assert str(february.first_break.expected) == "90.50"
    assert [str(a.opening_balance) for a in document.accounts] == ["100.00", "95.50"]
    assert document.transactions[0].bbox == (10.0, 20.0, 300.13, 30.0)
    # The file's own warnings first, then the extraction's, then each account's.
    assert [w.code for w in document.warnings] == [REPAIRED_PDF, "period_guessed"]
    assert [w.code for w in event_warnings(document)] == [
        REPAIRED_PDF,
        "period_guessed",
        "year_guessed",
    ]
    assert event_warnings(document)[2].page == 2


def test_a_result_that_breaks_the_contract_fails_at_the_producer() -> None:
    bad = _bundle()
    orphan = ExtractionResult(bad.statement, bad.accounts[:1], bad.transactions, bad.pages)
    with pytest.raises(ValidationError, match="names no account"):
        to_document(orphan)


def test_unreadable_and_image_only_files_are_documents_with_an_error() -> None:
    unreadable = to_document(ExtractionResult.rejected("unreadable PDF: bad xref"))
    assert unreadable.error == "unreadable PDF: bad xref"
    assert (unreadable.accounts, unreadable.statements) == ((), ())
    image = no_text_layer()
    assert image.error is not None
    assert image.error.endswith(NO_TEXT_LAYER)
