"""The Flags sheet names every warning ingestion can raise about a file, with its message."""

from __future__ import annotations

import io

import openpyxl

from cypheredge.contracts.notices import (
    Notice,
    password_not_needed,
    pdf_embedded_files,
    pdf_javascript,
    pdf_launch_action,
)
from cypheredge.reporter.domain.model import ReportParams, StatementDoc, StatementWarning
from cypheredge.reporter.domain.report import build_report
from cypheredge.reporter.workbook import write_workbook


def _flags(*docs: StatementDoc) -> list[tuple[object, ...]]:
    out = io.BytesIO()
    write_workbook(build_report("b-flags", docs, ReportParams()), out)
    book = openpyxl.load_workbook(io.BytesIO(out.getvalue()), read_only=True)
    rows = list(book["Flags"].iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r[:2] == ("Flag", "Statement"))
    return [r for r in rows[header + 1 :] if r[0]]


def _doc(name: str, *notices: Notice) -> StatementDoc:
    warnings = tuple(StatementWarning(n.code, n.message) for n in notices)
    return StatementDoc(f"id-{name}", name, "extracted", warnings=warnings)


def test_each_file_warning_is_a_named_flag_on_its_statement() -> None:
    flags = _flags(
        _doc("hostile.pdf", pdf_javascript(), pdf_launch_action(), pdf_embedded_files()),
        _doc("plain.pdf", password_not_needed()),
        _doc("clean.pdf"),
    )
    by_flag = {(r[0], r[1]): r[6] for r in flags}
    assert set(by_flag) == {
        ("JavaScript in file", "hostile.pdf"),
        ("Launch action in file", "hostile.pdf"),
        ("attachments in file", "hostile.pdf"),
        ("password not needed", "plain.pdf"),
    }
    assert by_flag[("JavaScript in file", "hostile.pdf")] == pdf_javascript().message
    assert "password was not used" in str(by_flag[("password not needed", "plain.pdf")])
    assert not [r for r in flags if r[1] == "clean.pdf"]


def test_an_unknown_warning_still_shows_with_its_code() -> None:
    odd = StatementDoc("id", "odd.pdf", "extracted", warnings=(StatementWarning("new_code", "m"),))
    assert [(r[0], r[6]) for r in _flags(odd)] == [("new code", "m")]
