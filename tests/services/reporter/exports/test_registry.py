from __future__ import annotations

import pytest

from cetest.reports import sample_report
from cypheredge.reporter.domain.model import BatchReport
from cypheredge.reporter.exports import EXPORTS


def test_registry_names_every_format_with_its_media_type_and_extension() -> None:
    described = {(e.name, e.media_type, e.extension) for e in EXPORTS.values()}
    assert described == {
        ("csv", "text/csv; charset=utf-8", "csv"),
        ("json", "application/json", "json"),
        ("ofx", "application/x-ofx", "ofx"),
        ("qbo", "application/vnd.intu.qbo", "qbo"),
        ("qif", "application/qif", "qif"),
        ("camt053", "application/xml", "xml"),
    }
    assert all(name == export.name for name, export in EXPORTS.items())
    assert EXPORTS["camt053"].filename("batch-1") == "batch-1.xml"


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_every_export_is_deterministic_bytes(name: str, report: BatchReport) -> None:
    first = EXPORTS[name].render(report)
    assert isinstance(first, bytes)
    assert first
    assert EXPORTS[name].render(sample_report()) == first
