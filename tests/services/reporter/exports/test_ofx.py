"""OFX 2.2: a strict XML parse (lxml) of the whole file, checked against the statement."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from lxml import etree
from ofxparse import OfxParser  # type: ignore[import-untyped]

from cetest.reports import FEBRUARY, build, sample_report
from cypheredge.reporter.domain.model import BatchReport
from cypheredge.reporter.exports.ofx2 import to_ofx

STMTRS = ["CURDEF", "BANKACCTFROM", "BANKTRANLIST", "LEDGERBAL"]
STMTTRN = ["TRNTYPE", "DTPOSTED", "TRNAMT", "FITID", "NAME", "MEMO"]  # the spec's order
OPENING = {"INR": Decimal("10000.00"), "EUR": Decimal("-1500.00")}

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=True)


def _parse(data: bytes) -> etree._Element:
    return etree.fromstring(data, _PARSER)


def _statements(data: bytes) -> list[etree._Element]:
    return list(_parse(data).iter("STMTRS"))


def _text(element: etree._Element, path: str) -> str:
    found = element.findtext(path)
    assert found is not None, path
    return found


def test_header_declares_xml_and_ofx_220(report: BatchReport) -> None:
    data = to_ofx(report)
    first, second = data.split(b"\n")[:2]
    assert first == b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>'
    assert second.startswith(b'<?OFX OFXHEADER="200" VERSION="220" ')
    root = _parse(data)
    instruction = root.getprevious()
    assert isinstance(instruction, etree._ProcessingInstruction)
    assert instruction.target == "OFX"
    assert root.tag == "OFX"
    assert _text(root, "SIGNONMSGSRSV1/SONRS/DTSERVER") == "20240301093000.000[0:GMT]"


def test_one_statement_per_account_in_the_spec_order(report: BatchReport) -> None:
    statements = _statements(to_ofx(report))
    assert [_text(s, "CURDEF") for s in statements] == ["INR", "EUR"]
    for statement in statements:
        assert [child.tag for child in statement] == STMTRS
        for txn in statement.iter("STMTTRN"):
            assert [child.tag for child in txn] == STMTTRN
    accounts = [_text(s, "BANKACCTFROM/ACCTID") for s in statements]
    assert accounts[0] == "XXXX1234"
    assert len(accounts[1]) <= 22
    assert accounts[1].endswith("7890189")


def test_fitids_are_the_transaction_ids_and_survive_a_rebuild(report: BatchReport) -> None:
    fitids = [e.text or "" for e in _parse(to_ofx(report)).iter("FITID")]
    booked = [e.txn.id for e in report.transactions if e.duplicate_of is None]
    assert sorted(fitids) == sorted(booked)
    assert len(set(fitids)) == len(fitids)
    later = sample_report(generated_at=datetime(2025, 1, 1, tzinfo=UTC))
    assert [e.text or "" for e in _parse(to_ofx(later)).iter("FITID")] == fitids


def test_amounts_reconcile_with_the_balances(report: BatchReport) -> None:
    for statement in _statements(to_ofx(report)):
        amounts = [Decimal(_text(t, "TRNAMT")) for t in statement.iter("STMTTRN")]
        closing = Decimal(_text(statement, "LEDGERBAL/BALAMT"))
        assert sum(amounts) == closing - OPENING[_text(statement, "CURDEF")]
        for txn, amount in zip(statement.iter("STMTTRN"), amounts, strict=True):
            assert _text(txn, "TRNTYPE") == ("CREDIT" if amount > 0 else "DEBIT")


def test_texts_are_escaped_cut_and_on_one_line(report: BatchReport) -> None:
    names = {_text(t, "FITID"): t for t in _parse(to_ofx(report)).iter("STMTTRN")}
    texts = [(_text(t, "NAME"), _text(t, "MEMO")) for t in names.values()]
    assert all(len(name) <= 32 for name, _ in texts)
    assert ("-CB CARREFOUR & CIE <PARIS>", "-CB CARREFOUR & CIE <PARIS>") in texts
    assert ("Café Mocha ₹ Store", "UPI/Café Mocha/₹ payment ref 123456") in texts
    wrapped = next(memo for _, memo in texts if memo.startswith("NEFT"))
    assert "\n" not in wrapped
    assert wrapped.endswith("(MAIN) & OTHERS")
    assert _text(names[report.transactions[-1].txn.id], "DTPOSTED") == "20240215120000"


def test_range_and_ledger_dates(report: BatchReport) -> None:
    inr = _statements(to_ofx(report))[0]
    assert _text(inr, "BANKTRANLIST/DTSTART") == "20240101120000"
    assert _text(inr, "BANKTRANLIST/DTEND") == "20240229120000"
    assert _text(inr, "LEDGERBAL/DTASOF") == "20240229120000"


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # ofxparse calls bs4's old names
@pytest.mark.filterwarnings("ignore::bs4.XMLParsedAsHTMLWarning")  # and its HTML parser
def test_a_third_party_reader_accepts_it() -> None:
    # ofxparse reads OFX 2 bodies as ASCII, so this statement is the ASCII-only one.
    parsed = OfxParser.parse(io.BytesIO(to_ofx(build([FEBRUARY]))))
    (account,) = parsed.accounts
    assert (account.account_id, account.curdef) == ("XXXX1234", "INR")
    assert account.statement.balance == Decimal("40462.84")
    assert [t.amount for t in account.statement.transactions] == [
        Decimal("12.34"), Decimal("-299.00"),
    ]  # fmt: skip
