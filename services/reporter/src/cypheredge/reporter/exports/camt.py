"""ISO 20022 camt.053.001.08 (BankToCustomerStatement) export, for ERPs and treasury systems.

One ``Stmt`` per account (see ``accounts``: repeats from overlapping statements are left out),
with the opening (``OPBD``) and closing (``CLBD``) booked balances and one booked ``Ntry`` per
transaction. Amounts are never negative: ``CdtDbtInd`` (``CRDT``/``DBIT``) carries the sign,
for balances too (an overdrawn account closes ``DBIT``). Entries are in the statement's
currency. Mapping of our data:

- ``AcctSvcrRef``: the stable transaction id; ``BkTxCd/Prtry/Cd``: our category (issuer
  ``CypherEdge``), since the statement gives no bank transaction code
- ``RmtInf/Ustrd``: the description, in 140-character pieces
- ``RltdPties``: the counterparty, as debtor of a credit or creditor of a debit
- identifiers longer than ISO's 35 (34 for the account) are shortened stably (``fit_id``)
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from xml.etree.ElementTree import Element, SubElement, indent, tostring

from cypheredge.reporter.domain.model import BatchReport, Enriched
from cypheredge.reporter.exports.accounts import AccountSummary, summarise
from cypheredge.reporter.exports.fields import fit_id, money, one_line

NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"
ISSUER = "CypherEdge"
USTRD_LENGTH = 140


def to_camt053(report: BatchReport) -> bytes:
    root = Element("Document", xmlns=NAMESPACE)
    message = SubElement(root, "BkToCstmrStmt")
    header = SubElement(message, "GrpHdr")
    _text(header, "MsgId", fit_id(report.batch_id, 35))
    _text(header, "CreDtTm", _timestamp(report.generated_at))
    for number, account in enumerate(summarise(report), start=1):
        _statement(SubElement(message, "Stmt"), report, number, account)
    indent(root)
    body: str = tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'.encode()


def _statement(stmt: Element, report: BatchReport, number: int, acct: AccountSummary) -> None:
    _text(stmt, "Id", fit_id(f"{report.batch_id}-{number}", 35))
    _text(stmt, "CreDtTm", _timestamp(report.generated_at))
    period = SubElement(stmt, "FrToDt")
    _text(period, "FrDtTm", f"{acct.start.isoformat()}T00:00:00")
    _text(period, "ToDtTm", f"{acct.end.isoformat()}T23:59:59")
    account = SubElement(stmt, "Acct")
    _text(SubElement(SubElement(account, "Id"), "Othr"), "Id", fit_id(acct.account, 34))
    _text(account, "Ccy", acct.currency)
    _balance(SubElement(stmt, "Bal"), "OPBD", acct.opening, acct.currency, acct.start.isoformat())
    _balance(SubElement(stmt, "Bal"), "CLBD", acct.closing, acct.currency, acct.end.isoformat())
    for row in acct.entries:
        _entry(SubElement(stmt, "Ntry"), row, acct.currency)


def _balance(bal: Element, code: str, amount: Decimal, currency: str, day: str) -> None:
    _text(SubElement(SubElement(bal, "Tp"), "CdOrPrtry"), "Cd", code)
    _amount(bal, amount, currency)
    _text(SubElement(bal, "Dt"), "Dt", day)


def _entry(ntry: Element, row: Enriched, currency: str) -> None:
    txn = row.txn
    _amount(ntry, txn.amount, currency)
    _text(SubElement(ntry, "Sts"), "Cd", "BOOK")
    _text(SubElement(ntry, "BookgDt"), "Dt", txn.date.isoformat())
    _text(SubElement(ntry, "ValDt"), "Dt", txn.date.isoformat())
    _text(ntry, "AcctSvcrRef", fit_id(txn.id, 35))
    code = SubElement(SubElement(ntry, "BkTxCd"), "Prtry")
    _text(code, "Cd", one_line(row.category)[:35] or "UNCATEGORISED")
    _text(code, "Issr", ISSUER)
    _details(SubElement(SubElement(ntry, "NtryDtls"), "TxDtls"), row)


def _details(details: Element, row: Enriched) -> None:
    if counterparty := one_line(row.counterparty or "")[:140]:
        role = "Dbtr" if row.txn.amount > 0 else "Cdtr"
        parties = SubElement(details, "RltdPties")
        _text(SubElement(SubElement(parties, role), "Pty"), "Nm", counterparty)
    description = one_line(row.txn.description)
    if description:
        remittance = SubElement(details, "RmtInf")
        for start in range(0, len(description), USTRD_LENGTH):
            _text(remittance, "Ustrd", description[start : start + USTRD_LENGTH])


def _amount(parent: Element, signed: Decimal, currency: str) -> None:
    SubElement(parent, "Amt", Ccy=currency).text = money(abs(signed))
    _text(parent, "CdtDbtInd", "DBIT" if signed < 0 else "CRDT")


def _text(parent: Element, tag: str, text: str) -> None:
    SubElement(parent, tag).text = text


def _timestamp(value: datetime) -> str:
    return value.replace(microsecond=0).isoformat()
