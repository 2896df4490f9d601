"""The OFX statement tree shared by the OFX 2 (XML) and QBO (OFX 1.0.2 SGML) exports.

One ``STMTTRNRS`` per account (see ``accounts``: repeats from overlapping statements are left
out). Choices an importer sees:

- ``FITID`` is the transaction id, which is stable across rebuilds, so importing a later
  export of the same statements adds no duplicates.
- ``NAME`` is the counterparty, else the description, cut to OFX's 32 characters; ``MEMO``
  is the whole description on one line (cut to 255).
- ``ACCTID`` is the account key when it fits OFX's 22 characters, else a stable shortening.
  ``BANKID`` is a placeholder (``000000000``) and ``ACCTTYPE`` is ``CHECKING``: statements
  tell neither.
- Dates are posted at noon without a zone, so no importer's zone shift moves a row to
  another day.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from xml.sax.saxutils import escape

from cypheredge.reporter.domain.model import BatchReport, Enriched
from cypheredge.reporter.exports.accounts import AccountSummary, summarise
from cypheredge.reporter.exports.fields import fit_id, money, one_line

BANK_ID = "000000000"
ACCOUNT_TYPE = "CHECKING"


@dataclass(frozen=True)
class Tag:
    name: str
    value: str | None = None  # a leaf (element) when set, an aggregate otherwise
    children: tuple[Tag, ...] = ()


def leaf(name: str, value: str) -> Tag:
    return Tag(name, value)


def aggregate(name: str, *children: Tag) -> Tag:
    return Tag(name, None, children)


def render(tag: Tag, close_leaves: bool) -> Iterator[str]:
    """One tag a line; SGML (OFX 1.x) leaves have no end tag, XML ones do."""
    if tag.value is not None:
        end = f"</{tag.name}>" if close_leaves else ""
        yield f"<{tag.name}>{escape(tag.value)}{end}"
        return
    yield f"<{tag.name}>"
    for child in tag.children:
        yield from render(child, close_leaves)
    yield f"</{tag.name}>"


def document(report: BatchReport, signon_extra: tuple[Tag, ...] = ()) -> Tag:
    statements = (_statement(n, a) for n, a in enumerate(summarise(report), start=1))
    return aggregate("OFX", _signon(report, signon_extra), aggregate("BANKMSGSRSV1", *statements))


def day(value: date) -> str:
    return f"{value:%Y%m%d}120000"


def timestamp(value: datetime) -> str:
    moment = value.astimezone(UTC) if value.tzinfo else value  # naive times are taken as UTC
    return f"{moment:%Y%m%d%H%M%S}.000[0:GMT]"


def _status() -> Tag:
    return aggregate("STATUS", leaf("CODE", "0"), leaf("SEVERITY", "INFO"))


def _signon(report: BatchReport, extra: tuple[Tag, ...]) -> Tag:
    sonrs = aggregate(
        "SONRS",
        _status(),
        leaf("DTSERVER", timestamp(report.generated_at)),
        leaf("LANGUAGE", "ENG"),
        *extra,
    )
    return aggregate("SIGNONMSGSRSV1", sonrs)


def _statement(number: int, account: AccountSummary) -> Tag:
    source = aggregate(
        "BANKACCTFROM",
        leaf("BANKID", BANK_ID),
        leaf("ACCTID", fit_id(account.account, 22)),
        leaf("ACCTTYPE", ACCOUNT_TYPE),
    )
    entries = aggregate(
        "BANKTRANLIST",
        leaf("DTSTART", day(account.start)),
        leaf("DTEND", day(account.end)),
        *(_transaction(row) for row in account.entries),
    )
    ledger = aggregate(
        "LEDGERBAL", leaf("BALAMT", money(account.closing)), leaf("DTASOF", day(account.end))
    )
    response = aggregate("STMTRS", leaf("CURDEF", account.currency), source, entries, ledger)
    return aggregate("STMTTRNRS", leaf("TRNUID", str(number)), _status(), response)


def _transaction(row: Enriched) -> Tag:
    txn = row.txn
    name = one_line(row.counterparty or "") or one_line(txn.description)
    memo = one_line(txn.description)
    texts = [
        leaf(tag, text)
        for tag, text in (("NAME", name[:32].rstrip()), ("MEMO", memo[:255]))
        if text
    ]
    return aggregate(
        "STMTTRN",
        leaf("TRNTYPE", "CREDIT" if txn.amount > 0 else "DEBIT"),
        leaf("DTPOSTED", day(txn.date)),
        leaf("TRNAMT", money(txn.amount)),
        leaf("FITID", txn.id),
        *texts,
    )
