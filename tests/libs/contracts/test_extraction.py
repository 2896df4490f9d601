"""The extraction document contract: round trip, committed schema, and what a reader refuses."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError as SchemaError
from pydantic import ValidationError

from cypheredge.contracts.extraction import (
    EXTRACTION_FORMAT,
    Account,
    ChainBreak,
    ExtractionDocument,
    PageReport,
    Statement,
    StatementSummary,
    Transaction,
)
from cypheredge.contracts.generate import default_root
from cypheredge.contracts.notices import REPAIRED_PDF, Notice, repaired_pdf
from cypheredge.contracts.schemas import SCHEMA_DIR, all_schemas


def _row(
    account: int, day: int, debit: str | None, credit: str | None, balance: str
) -> Transaction:
    return Transaction(
        date=date(2025, 3, day),
        description=f"ROW {day}",
        debit=Decimal(debit) if debit else None,
        credit=Decimal(credit) if credit else None,
        balance=Decimal(balance),
        currency="GBP",
        account=account,
        page=1 + account,
        method="geometric",
        confidence=0.98,
        bbox=(36.0, 200.5, 560.25, 210.0),
    )


def _account(statement: int, opening: str, closing: str, **extra: Any) -> Account:
    fields: dict[str, Any] = {
        "account_hint": "****1234",
        "currency": "GBP",
        "opening_balance": Decimal(opening),
        "closing_balance": Decimal(closing),
        "statement": statement,
        "period_start": date(2025, 3 + statement, 1),
        "period_end": date(2025, 3 + statement, 28),
        "reconciled": True,
        "difference": Decimal("0.00"),
        "first_break": None,
        "warnings": (),
    }
    return Account(**(fields | extra))


def bundle() -> ExtractionDocument:
    """Two monthly statements of one account in one file; the second does not reconcile."""
    broken = ChainBreak(
        index=0,
        page=2,
        date=date(2025, 4, 2),
        expected=Decimal("90.00"),
        printed=Decimal("1E+2"),
    )
    second = _account(
        1,
        "100.00",
        "80.00",
        reconciled=False,
        difference=Decimal("-10.00"),
        first_break=broken,
        warnings=(Notice(code="year_guessed", message="no year printed", page=2),),
    )
    return ExtractionDocument(
        format=EXTRACTION_FORMAT,
        statement=StatementSummary(
            opening_balance=Decimal("120.00"),
            closing_balance=Decimal("100.00"),
            currency="GBP",
            period_start=date(2025, 3, 1),
            period_end=date(2025, 3, 28),
        ),
        statements=(
            Statement(period_start=date(2025, 3, 1), period_end=date(2025, 3, 28), reconciled=True),
            Statement(
                period_start=date(2025, 4, 1), period_end=date(2025, 4, 28), reconciled=False
            ),
        ),
        accounts=(_account(0, "120.00", "100.00"), second),
        transactions=(
            _row(0, 3, "20.00", None, "100.00"),
            _row(1, 2, "10.00", None, "1E+2"),
            _row(1, 9, None, "0.5", "90.5"),
        ),
        pages=(
            PageReport(number=1, method="geometric", rows=1, confidence=0.98),
            PageReport(number=2, method="geometric", rows=2, confidence=0.9),
        ),
        reconciled=False,
        warnings=(repaired_pdf(),),
    )


def committed_validator() -> Draft202012Validator:
    path = default_root() / SCHEMA_DIR / f"{EXTRACTION_FORMAT}.json"
    schema = json.loads(path.read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def test_round_trips_through_json() -> None:
    document = bundle()
    assert ExtractionDocument.model_validate_json(document.encode()) == document
    assert ExtractionDocument.model_validate_json(document.encode(indent=2)) == document


def test_wire_form_matches_the_committed_schema() -> None:
    wire = json.loads(bundle().encode())
    committed_validator().validate(wire)
    assert wire["format"] == "com.cypheredge.extraction.v1"
    assert "error" not in wire  # absent, not null, when the file was read
    # Amounts are plain decimal strings, never floats or exponents.
    assert wire["transactions"][1]["balance"] == "100"
    assert wire["accounts"][1]["first_break"]["printed"] == "100"
    assert wire["transactions"][0]["bbox"] == [36.0, 200.5, 560.25, 210.0]
    assert wire["warnings"][0]["code"] == REPAIRED_PDF


def test_the_schema_is_generated_and_committed_with_the_event_schemas() -> None:
    assert f"{EXTRACTION_FORMAT}.json" in all_schemas()
    committed = json.loads((default_root() / SCHEMA_DIR / f"{EXTRACTION_FORMAT}.json").read_text())
    assert committed == all_schemas()[f"{EXTRACTION_FORMAT}.json"]


def test_committed_schema_rejects_a_float_amount_and_a_missing_field() -> None:
    wire = json.loads(bundle().encode())
    wire["transactions"][0]["debit"] = 20.0
    with pytest.raises(SchemaError):
        committed_validator().validate(wire)
    wire = json.loads(bundle().encode())
    del wire["transactions"][0]["page"]
    with pytest.raises(SchemaError, match="page"):
        committed_validator().validate(wire)


def test_the_hierarchy_is_navigable() -> None:
    document = bundle()
    assert [t.description for t in document.account_transactions(1)] == ["ROW 2", "ROW 9"]
    assert [document.statements[a.statement].reconciled for a in document.accounts] == [
        True,
        False,
    ]
    codes = [w.code for w in document.all_warnings()]
    assert codes == [REPAIRED_PDF, "year_guessed"]


def test_unknown_fields_are_ignored_for_additive_evolution() -> None:
    wire = json.loads(bundle().encode())
    wire["ocr_engine"] = "rapidocr"
    wire["transactions"][0]["category_hint"] = "groceries"
    assert ExtractionDocument.model_validate(wire) == bundle()


def _broken(change: str) -> dict[str, Any]:
    wire: dict[str, Any] = json.loads(bundle().encode())
    match change:
        case "account-index":
            wire["transactions"][2]["account"] = 2
        case "statement-index":
            wire["accounts"][1]["statement"] = 5
        case "page":
            wire["transactions"][0]["page"] = 9
        case "both-sides":
            wire["transactions"][0]["credit"] = "1.00"
        case "negative":
            wire["transactions"][0]["debit"] = "-20.00"
        case "confidence":
            wire["pages"][0]["confidence"] = 1.5
        case "version":
            wire["format"] = "com.cypheredge.extraction.v2"
        case "amount":
            wire["transactions"][0]["balance"] = "12,50"
        case "missing":
            del wire["statements"]
    return wire


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("account-index", "names no account"),
        ("statement-index", "names no statement"),
        ("page", "names no page"),
        ("both-sides", "not both"),
        ("negative", "magnitudes"),
        ("confidence", "less than or equal to 1"),
        ("version", "com.cypheredge.extraction.v1"),
        ("amount", "decimal"),
        ("missing", "statements"),
    ],
)
def test_a_reader_refuses_a_document_that_breaks_the_contract(change: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        ExtractionDocument.model_validate(_broken(change))


def test_a_rejected_file_has_only_its_error() -> None:
    document = ExtractionDocument.rejected("not_pdf: the file is not a PDF")
    wire = json.loads(document.encode())
    committed_validator().validate(wire)
    assert wire["error"] == "not_pdf: the file is not a PDF"
    assert (wire["accounts"], wire["transactions"], wire["pages"]) == ([], [], [])
