"""QIF export (Quicken Interchange Format), for Quicken, GnuCash, Moneydance and older tools.

Layout: one ``!Type:Bank`` section per account; when the batch has several accounts each
section is preceded by an ``!Account`` block (``N`` name, ``T`` type) so that the importer
files the rows under the right account. Each transaction is a record ended by ``^``:

- ``D`` date as ``MM/DD/YYYY`` (US Quicken's order, which the importers default to)
- ``T`` signed amount, money in positive, fixed point without thousands separators
- ``P`` payee: the counterparty, else the description
- ``M`` memo: the whole description on one line
- ``L`` category (``/`` would start a class and ``[...]`` a transfer, so they are replaced)

Repeats from overlapping statements are left out (see ``accounts``). QIF has no way to say
its encoding; the file is UTF-8, which current importers read.
"""

from __future__ import annotations

from collections.abc import Iterator

from cypheredge.reporter.domain.model import BatchReport, Enriched
from cypheredge.reporter.exports.accounts import summarise
from cypheredge.reporter.exports.fields import money, one_line

_CATEGORY_RESERVED = str.maketrans({"/": "-", "[": "(", "]": ")"})


def to_qif(report: BatchReport) -> bytes:
    accounts = summarise(report)
    lines: list[str] = []
    for account in accounts:
        if len(accounts) > 1:
            lines += ["!Account", f"N{one_line(account.account)}", "TBank", "^"]
        lines.append("!Type:Bank")
        lines += (line for row in account.entries for line in _record(row))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _record(row: Enriched) -> Iterator[str]:
    txn = row.txn
    yield f"D{txn.date:%m/%d/%Y}"
    yield f"T{money(txn.amount)}"
    payee = one_line(row.counterparty or "") or one_line(txn.description)
    if payee:
        yield f"P{payee}"
    if memo := one_line(txn.description):
        yield f"M{memo}"
    if category := one_line(row.category).translate(_CATEGORY_RESERVED):
        yield f"L{category}"
    yield "^"
