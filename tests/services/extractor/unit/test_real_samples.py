"""Real statements from the shared corpus, against their ground-truth CSVs."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest

from cetest.pdfs import CORPUS
from cypheredge.extractor.domain import ExtractionResult, extract_pdf
from cypheredge.extractor.domain.baseline import extract_pdf_pdfplumber_only

Row = tuple[str, str, Decimal | None, Decimal | None, Decimal | None]


def _pdf(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


def _money(text: str) -> Decimal | None:
    return Decimal(text.replace(",", "")) if text else None


def _icici_truth() -> list[Row]:
    path = CORPUS / "groundtruth/13_synthetic_karbon_icici_gt.expected.csv"
    out: list[Row] = []
    with path.open(newline="") as f:
        for r in csv.DictReader(f):
            day, month, year = r["Date"].split("-")
            out.append(
                (
                    f"{year}-{month}-{day}",
                    r["Description"],
                    _money(r["Debit Amt"]),
                    _money(r["Credit Amt"]),
                    _money(r["Balance"]),
                )
            )
    return out


def _nz_truth(name: str) -> list[Row]:
    out: list[Row] = []
    with (CORPUS / "groundtruth" / name).open(newline="") as f:
        for r in csv.DictReader(f):
            amount = _money(r["amount_raw"])
            debit = amount if r["direction"] == "debit" else None
            credit = amount if r["direction"] == "credit" else None
            out.append((r["date"], r["description"], debit, credit, _money(r["balance_raw"])))
    return out


def _rows(result: ExtractionResult) -> list[Row]:
    return [
        (t.date.isoformat(), t.description, t.debit, t.credit, t.balance)
        for t in result.transactions
    ]


@pytest.mark.parametrize(
    ("pdf", "truth"),
    [
        ("13_synthetic_karbon_icici_gt.pdf", _icici_truth),
        (
            "16_nz_kauri_anz_geometry_gt.pdf",
            lambda: _nz_truth("16_nz_kauri_anz_geometry_gt.expected.csv"),
        ),
        (
            "20_nz_kowhai_tutorial_digital_gt.pdf",
            lambda: _nz_truth("20_nz_kowhai_tutorial_digital_gt.expected.csv"),
        ),
    ],
)
def test_ground_truth_exact(pdf: str, truth: object) -> None:
    result = extract_pdf(_pdf(pdf))
    assert _rows(result) == truth()  # type: ignore[operator]
    assert result.reconciled is True
    assert all(p.method == "geometric" and p.confidence >= 0.9 for p in result.pages)


def test_nz_statement_metadata() -> None:
    result = extract_pdf(_pdf("20_nz_kowhai_tutorial_digital_gt.pdf"))
    doc = result.to_json()
    assert doc["statement"] == {
        "opening_balance": "1250.00",
        "closing_balance": "2716.50",
        "currency": "NZD",
        "period_start": "2026-05-01",
        "period_end": "2026-05-31",
    }
    assert doc["accounts"][0]["account_hint"] == "02-1234-0567890-00"
    assert [p["rows"] for p in doc["pages"]] == [0, 12]


def test_scanned_twin_is_flagged_not_faked() -> None:
    result = extract_pdf(_pdf("21_nz_kowhai_tutorial_SCANNED_gt.pdf"))
    assert result.transactions == ()
    assert [(p.method, p.rows, p.confidence) for p in result.pages] == [("none", 0, 0.0)] * 2


def test_empty_template_has_no_transactions() -> None:
    result = extract_pdf(_pdf("12_blank_template_cc_templatelab.pdf"))
    assert result.transactions == ()
    assert result.pages[0].method == "geometric"


def test_side_column_template_keeps_to_its_table() -> None:
    result = extract_pdf(_pdf("03_template_santander_uk_current.pdf"))
    assert result.statement.opening_balance == Decimal("2937.11")
    assert result.statement.closing_balance == Decimal("3086.37")
    assert all("News" not in t.description for t in result.transactions)
    first = result.transactions[0]
    assert first.description.startswith("DIRECT DEBIT PAYMENT TO PAYPAL")
    assert (first.debit, first.page) == (Decimal("32.56"), 2)


def test_five_thousand_rows_on_one_page() -> None:
    result = extract_pdf(_pdf("25_stress_5000_rows_single_page.pdf"))
    assert len(result.transactions) == 5000
    first, second = result.transactions[:2]
    assert (first.date.isoformat(), first.description, first.debit) == (
        "2024-01-01",
        "AMAZON PURCHASE",
        Decimal("607.81"),
    )
    assert (second.credit, second.debit) == (Decimal("426.37"), None)


def test_encrypted_bytes_are_rejected_not_raised() -> None:
    result = extract_pdf(_pdf("02_monopoly_protected_pw_foobar123.pdf"))
    assert result.error is not None
    assert result.transactions == ()


def test_pdfplumber_baseline_runs_its_own_strategies() -> None:
    # pdfplumber's text strategy cuts words at its guessed column edges (`TRANSF|ER`), so the
    # baseline is compared for speed, not held to the ground truth.
    result = extract_pdf_pdfplumber_only(_pdf("16_nz_kauri_anz_geometry_gt.pdf"))
    assert [p.method for p in result.pages] == ["text+text"]
    assert extract_pdf_pdfplumber_only(b"not a pdf").error is not None
