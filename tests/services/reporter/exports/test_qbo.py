"""QBO (OFX 1.0.2 SGML): a hand-written SGML tag check, then ofxparse reads it back."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest
from ofxparse import OfxParser  # type: ignore[import-untyped]

from cypheredge.reporter.domain.model import BatchReport
from cypheredge.reporter.exports.ofx2 import to_ofx
from cypheredge.reporter.exports.qbo import to_qbo

HEADER = [
    "OFXHEADER:100",
    "DATA:OFXSGML",
    "VERSION:102",
    "SECURITY:NONE",
    "ENCODING:USASCII",
    "CHARSET:1252",
    "COMPRESSION:NONE",
    "OLDFILEUID:NONE",
    "NEWFILEUID:NONE",
    "",
]
_TAG = re.compile(r"<(/?)([A-Z0-9.]+)>([^<\r\n]*)")


def _body(data: bytes) -> str:
    text = data.decode("cp1252")
    lines = text.split("\r\n")
    assert lines[: len(HEADER)] == HEADER
    return "\r\n".join(lines[len(HEADER) :])


def _check_sgml(body: str) -> dict[str, list[str]]:
    """Aggregates open and close in order; elements (with a value) are never closed."""
    stack: list[str] = []
    elements: dict[str, list[str]] = {}
    for closing, name, value in _TAG.findall(body):
        if closing:
            assert stack.pop() == name, name
            assert name not in elements, f"element {name} closed"
        elif value:
            elements.setdefault(name, []).append(value)
        else:
            stack.append(name)
    assert not stack
    assert body.startswith("<OFX>")
    return elements


def test_sgml_is_well_formed_with_intuit_bank_id(report: BatchReport) -> None:
    data = to_qbo(report)
    assert b"\n" not in data.replace(b"\r\n", b"")
    elements = _check_sgml(_body(data))
    assert elements["INTU.BID"] == ["3000"]
    assert elements["CURDEF"] == ["INR", "EUR"]
    assert "<FI>\r\n<ORG>CypherEdge\r\n<FID>3000\r\n</FI>\r\n<INTU.BID>3000\r\n</SONRS>" in (
        _body(data)
    )
    assert _check_sgml(_body(to_qbo(report, intu_bid="10898")))["INTU.BID"] == ["10898"]


def test_same_statement_as_the_ofx_2_export(report: BatchReport) -> None:
    elements = _check_sgml(_body(to_qbo(report)))
    xml = to_ofx(report).decode()
    for fitid, amount in zip(elements["FITID"], elements["TRNAMT"], strict=True):
        assert f"<TRNAMT>{amount}</TRNAMT>\n<FITID>{fitid}</FITID>" in xml


def test_windows_1252_keeps_accents_and_marks_what_it_cannot_carry(report: BatchReport) -> None:
    elements = _check_sgml(_body(to_qbo(report)))
    assert "Café Mocha ? Store" in elements["NAME"]
    assert "Virement reçu — Société Générale" in elements["MEMO"]
    assert "-CB CARREFOUR &amp; CIE &lt;PARIS&gt;" in elements["NAME"]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # ofxparse calls bs4's old names
def test_ofxparse_reads_accounts_balances_and_transactions(report: BatchReport) -> None:
    parsed = OfxParser.parse(io.BytesIO(to_qbo(report)))
    inr, eur = parsed.accounts
    assert (inr.account_id, inr.curdef, eur.curdef) == ("XXXX1234", "INR", "EUR")
    opening = {"INR": Decimal("10000.00"), "EUR": Decimal("-1500.00")}
    for account in (inr, eur):
        amounts = [t.amount for t in account.statement.transactions]
        assert sum(amounts) == account.statement.balance - opening[account.curdef]
    booked = [e.txn.id for e in report.transactions if e.duplicate_of is None]
    ids = [t.id for a in (inr, eur) for t in a.statement.transactions]
    assert sorted(ids) == sorted(booked)
    carrefour = eur.statement.transactions[1]
    assert (carrefour.type, carrefour.amount) == ("debit", Decimal("-123.45"))
    assert carrefour.payee == "-CB CARREFOUR & CIE <PARIS>"
    assert str(carrefour.date.date()) == "2024-02-10"
    assert eur.statement.balance == Decimal("98765430486.42")
