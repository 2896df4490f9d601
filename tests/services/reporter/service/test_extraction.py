"""Reading an extraction artefact: checksum first, then the contract, then the report model."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest

from cetest.pdfs import DIGITAL_NZ, sample
from cypheredge.contracts.extraction import ExtractionDocument
from cypheredge.contracts.notices import REPAIRED_PDF, Notice, repaired_pdf
from cypheredge.extractor.domain import extract_pdf
from cypheredge.extractor.service.artefact import to_document
from cypheredge.reporter.domain.model import StatementWarning, transaction_id
from cypheredge.reporter.service.extraction import (
    InvalidArtefact,
    read_artefact,
    statement_doc,
)


@pytest.fixture(scope="module")
def document() -> ExtractionDocument:
    return to_document(extract_pdf(sample(DIGITAL_NZ)), (repaired_pdf(),))


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_an_intact_artefact_is_read(document: ExtractionDocument) -> None:
    data = document.encode()
    assert read_artefact(data, _sha(data)) == document


def test_a_tampered_artefact_is_refused_even_when_it_is_still_valid(
    document: ExtractionDocument,
) -> None:
    data = document.encode()
    tampered = data.replace(b'"debit":"12.40"', b'"debit":"1240.00"', 1)
    assert tampered != data
    ExtractionDocument.model_validate_json(tampered)  # valid: only the checksum can tell
    with pytest.raises(InvalidArtefact, match="does not match the checksum its event carried"):
        read_artefact(tampered, _sha(data))


def test_an_artefact_without_a_recorded_checksum_is_refused(document: ExtractionDocument) -> None:
    with pytest.raises(InvalidArtefact, match="no checksum"):
        read_artefact(document.encode(), None)


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda d: d[: len(d) // 2], "Invalid JSON"),
        (lambda d: d.replace(b'"account":0', b'"account":3', 1), "names no account"),
        (lambda d: d.replace(b'"credit":null', b'"credit":"0,5"', 1), "decimal"),
        (lambda d: b"[]", "should be an object"),
    ],
    ids=["truncated", "dangling-account", "bad-amount", "not-an-object"],
)
def test_an_invalid_artefact_is_refused_with_the_first_problem(
    document: ExtractionDocument, spoil: Callable[[bytes], bytes], message: str
) -> None:
    data = spoil(document.encode())
    with pytest.raises(InvalidArtefact, match=message) as caught:
        read_artefact(data, _sha(data))
    assert str(caught.value).startswith("not a valid com.cypheredge.extraction.v1 document: ")


def test_the_report_model_keeps_rows_ids_and_warnings(document: ExtractionDocument) -> None:
    noted = document.model_copy(
        update={
            "accounts": tuple(
                a.model_copy(update={"warnings": (Notice(code="year_guessed", message="m"),)})
                for a in document.accounts
            )
        }
    )
    doc = statement_doc("s1", "nz.pdf", noted, "ab" * 32)
    assert doc.status == "extracted"
    assert [t.id for t in doc.transactions] == [transaction_id("s1", i) for i in range(6)]
    (account,) = doc.accounts
    assert account.account == "01-2345-0678901-00"
    assert str(account.opening_balance) == "2410.55"
    assert doc.transactions[0].debit is not None
    assert str(doc.transactions[0].debit) == "12.40"
    assert doc.warnings[0].code == REPAIRED_PDF
    assert doc.warnings[1] == StatementWarning("year_guessed", "m", None, "01-2345-0678901-00")


def test_a_document_with_an_error_is_a_statement_that_was_not_read() -> None:
    rejected = ExtractionDocument.rejected("not_pdf: the file is not a PDF")
    assert statement_doc("s", "x.pdf", rejected).status == "failed"
    offline = statement_doc("s", "x.pdf", rejected, unreadable="rejected")
    assert (offline.status, offline.error) == ("rejected", "not_pdf: the file is not a PDF")
