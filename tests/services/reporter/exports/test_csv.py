from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from cypheredge.reporter.domain.model import BatchReport
from cypheredge.reporter.exports.csv_format import CSV_COLUMNS, guard, record, to_csv


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def _by_description(report: BatchReport) -> dict[str, dict[str, str]]:
    return {row["description"]: row for row in _rows(to_csv(report))}


def test_header_and_one_row_per_transaction_including_repeats(report: BatchReport) -> None:
    data = to_csv(report)
    assert data.startswith(b"id,date,description,debit,credit,amount,balance,currency,")
    assert not data.startswith(b"\xef\xbb\xbf")
    rows = _rows(data)
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [r["id"] for r in rows] == [e.txn.id for e in report.transactions]
    repeated = [r for r in rows if r["duplicate_of"]]
    assert len(repeated) == 1
    assert repeated[0]["duplicate_of"] in {r["id"] for r in rows}


def test_rfc4180_crlf_and_quoting_keep_wrapped_text_whole(report: BatchReport) -> None:
    data = to_csv(report)
    assert data.count(b"\r\n") == len(report.transactions) + 1
    wrapped = next(e.txn.description for e in report.transactions if "\n" in e.txn.description)
    assert wrapped in _by_description(report)
    assert b'""JANUARY 2024""' in data  # quotes doubled inside a quoted field


def test_amounts_are_exact_signed_and_not_guarded(report: BatchReport) -> None:
    rows = _rows(to_csv(report))
    for row in rows:
        credit = Decimal(row["credit"] or 0)
        debit = Decimal(row["debit"] or 0)
        assert Decimal(row["amount"]) == credit - debit
    big = next(r for r in rows if r["credit"] == "98765432109.87")
    assert big["amount"] == "98765432109.87"
    carrefour = next(r for r in rows if r["debit"] == "123.45")
    assert carrefour["amount"] == "-123.45"
    assert carrefour["balance"] == "98765430486.42"


def test_text_that_looks_like_a_formula_is_neutralised(report: BatchReport) -> None:
    rows = _by_description(report)
    assert "'@SUM(1+1) ATM WDL" in rows
    assert "'+91 MOBILE RECHARGE" in rows
    assert rows["'-CB CARREFOUR & CIE <PARIS>"]["flags"] == "low_confidence;large_transaction"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-CB", "'-CB"),
        ("@A1", "'@A1"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("ATM = cash", "ATM = cash"),
        ("", ""),
    ],
)
def test_guard(text: str, shown: str) -> None:
    assert guard(text) == shown


def test_non_ascii_text_survives_as_utf8(report: BatchReport) -> None:
    rows = _rows(to_csv(report))
    assert any(r["counterparty"] == "Café Mocha ₹ Store" for r in rows)
    assert any(r["statement"] == "relevé-février.pdf" for r in rows)


def test_record_keys_are_the_csv_columns(report: BatchReport) -> None:
    assert tuple(record(report.transactions[0])) == CSV_COLUMNS
