"""Awkward input: an empty batch, hostile text, two currencies, paths as targets."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl import Workbook

from cetest.reports import sample_report
from cypheredge.contracts.notices import REPAIRED_PDF
from cypheredge.reporter.domain.model import BatchReport, ReportParams, StatementWarning
from cypheredge.reporter.workbook import SHEETS, write_workbook

Table = Callable[..., list[dict[str, Any]]]
Loader = Callable[[BatchReport], Workbook]


def _empty() -> BatchReport:
    return BatchReport("b_empty", datetime(2024, 1, 1, tzinfo=UTC), ReportParams(), (), ())


def test_an_empty_batch_still_writes_every_sheet(loader: Loader) -> None:
    book = loader(_empty())
    assert book.sheetnames == list(SHEETS)
    for name in SHEETS:
        if name in ("Metadata", "Top counterparties"):
            continue
        message = book[name]["A5"].value
        assert str(message).startswith("No"), name
    assert book["Balance validation"]["A5"].value.startswith("No breaks")


def test_text_is_never_a_formula_and_illegal_characters_go(loader: Loader, table: Table) -> None:
    report = sample_report()
    first = report.transactions[0]
    hostile = dataclasses.replace(
        first, txn=dataclasses.replace(first.txn, description='=HYPERLINK("http://x")\x01\x1f')
    )
    report = dataclasses.replace(report, transactions=(hostile, *report.transactions[1:]))
    ws = loader(report)["Transactions"]
    cells = [ws.cell(r, 3) for r in range(5, ws.max_row + 1)]
    assert all(c.data_type == "s" for c in cells)
    texts = [str(c.value) for c in cells]
    assert '=HYPERLINK("http://x")\ufffd\ufffd' in texts
    assert "@SUM(1+1) ATM WDL" in texts
    assert any("₹" in t for t in texts)
    assert any("Café" in t for t in texts)


def test_two_currencies_and_long_amounts(loader: Loader, table: Table) -> None:
    report = sample_report()
    book = loader(report)
    rows = table(book["Transactions"])
    assert len(rows) == len(report.transactions)
    assert max(r["Credit"] or 0 for r in rows) == 98765432109.87
    flows = table(book["Cash flow"])
    assert {r["Currency"] for r in flows} == {"EUR", "INR"}
    assert "mix currencies: EUR, INR" in book["Category summary"]["A2"].value
    summary = {r["Account"]: r for r in table(book["Summary"])}
    assert {r["Currency"] for r in summary.values()} == {"EUR", "INR"}


def test_writes_to_paths(tmp_path: Path, report: BatchReport) -> None:
    as_path, as_text = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    write_workbook(report, as_path)
    write_workbook(report, str(as_text))
    for target in (as_path, as_text):
        assert openpyxl.load_workbook(target, read_only=True).sheetnames == list(SHEETS)


def test_warnings_are_statement_level_flags(loader: Loader, table: Table) -> None:
    report = sample_report()
    first = report.statements[0]
    warned = dataclasses.replace(
        first,
        warnings=(
            StatementWarning(REPAIRED_PDF, "the file is damaged and was repaired"),
            StatementWarning("year_guessed", "no year printed", 2, "ACC-1"),
        ),
    )
    report = dataclasses.replace(report, statements=(warned, *report.statements[1:]))
    flags = table(loader(report)["Flags"])
    found = [(r["Flag"], r["Statement"], r["Account"], r["Page"], r["Detail"]) for r in flags]
    assert ("damaged file repaired", first.filename, None, None,
            "the file is damaged and was repaired") in found  # fmt: skip
    assert ("year guessed", first.filename, "ACC-1", 2, "no year printed") in found
