"""The entry point: a batch of statements in, one report out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal

from cetest.pdfs import CORPUS
from cypheredge.reporter.domain.categories import CATEGORIES
from cypheredge.reporter.domain.model import ReportParams, StatementDoc
from cypheredge.reporter.domain.report import build_report
from cypheredge.reporter.service.extraction import parse_document, statement_doc

Build = Callable[..., StatementDoc]
ICICI = CORPUS / "13_synthetic_karbon_icici_gt.pdf"


def test_flags_on_rows(statement: Build) -> None:
    doc = statement(
        "s1",
        [("2026-01-02", "EFTPOS COFFEE HOUSE", "-5.50"),
         ("2026-01-03", "SALARY ACME LTD", "12000.00"),
         ("2026-01-04", "VISA NEW WORLD KH", "-85.40")],
        printed={2: "12000.00"},
        confidence=0.7,
    )  # fmt: skip
    params = ReportParams(large_transaction_threshold=Decimal("10000"))
    report = build_report("b1", [doc], params)
    assert [e.flags for e in report.transactions] == [
        ("low_confidence",),
        ("low_confidence", "large"),
        ("balance_break", "low_confidence"),
    ]


def test_rows_ordered_by_account_date_statement_and_index(statement: Build) -> None:
    b1 = statement("b1", [("2026-01-05", "B ONE", "-1.00"), ("2026-01-05", "B TWO", "-2.00")],
                   hint="B-ACCOUNT", start="2026-01-01")  # fmt: skip
    b2 = statement("b2", [("2026-01-05", "B THREE", "-3.00"), ("2026-01-04", "B ZERO", "-4.00")],
                   hint="B-ACCOUNT", start="2026-01-03", balances=False)  # fmt: skip
    a1 = statement("a1", [("2026-02-01", "A ONE", "-1.00")], hint="A-ACCOUNT")
    report = build_report("batch", [b2, a1, b1], ReportParams())
    assert [e.txn.description for e in report.transactions] == [
        "A ONE", "B ZERO", "B ONE", "B TWO", "B THREE",
    ]  # fmt: skip


def test_rejected_and_failed_statements_are_kept(statement: Build) -> None:
    good = statement("good", [("2026-01-05", "EFTPOS COUNTDOWN", "-1.00")])
    rejected = StatementDoc("bad", "bad.pdf", "rejected", error="encrypted, no password")
    failed = StatementDoc("worse", "worse.pdf", "failed", error="timeout")
    when = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    report = build_report("batch", [good, rejected, failed], ReportParams(), generated_at=when)
    assert report.statements == (good, rejected, failed)
    assert len(report.transactions) == 1
    assert (report.batch_id, report.generated_at) == ("batch", when)
    assert report.versions["rules"]


def test_an_empty_batch() -> None:
    report = build_report("empty", [], ReportParams())
    assert report.transactions == ()
    assert report.breaks == ()
    assert report.gaps == ()
    assert report.generated_at.tzinfo is not None


def test_real_icici_statement_reconciles_and_is_categorised() -> None:
    from cypheredge.extractor.domain import extract_pdf
    from cypheredge.extractor.service.artefact import to_document

    artefact = to_document(extract_pdf(ICICI.read_bytes())).encode()
    doc = statement_doc("stmt-icici", ICICI.name, parse_document(artefact))
    report = build_report("batch-icici", [doc], ReportParams())
    assert len(report.transactions) == len(doc.transactions) > 0
    assert report.breaks == ()
    assert all(e.category in CATEGORIES for e in report.transactions)
    assert {"income/salary", "utilities", "fuel", "shopping", "interest"} <= {
        e.category for e in report.transactions
    }
