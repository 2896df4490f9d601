"""CSV export: one row per transaction, every row of the batch (repeats included, marked).

Canonical columns, in order (``CSV_COLUMNS``; the JSON export uses the same names):

===============  ==============================================================================
id               stable transaction id (same statement and row give the same id on every run)
date             posting date, ISO 8601 (``2024-01-31``)
description      the statement's text as extracted; wrapped lines may contain line breaks
debit            money out, positive, empty when none
credit           money in, positive, empty when none
amount           signed: credit minus debit (``-12.30`` is money out)
balance          running balance printed on the statement, empty when none
currency         ISO 4217 code as extracted, empty when unknown
category         category assigned by the reporter
counterparty     who paid or was paid, empty when not recognised
account          account key (masked number, or ``<file>#<n>`` when the statement shows none)
statement        file name of the statement the row came from
page             page number in that statement
confidence       extraction confidence, 0 to 1
flags            review flags, joined with ``;``
duplicate_of     id of the earlier copy when the row repeats one from an overlapping statement
===============  ==============================================================================

Amounts are fixed point with at least two decimals and never rounded. The file is UTF-8
without a byte-order mark, with a header row, CRLF line ends and RFC 4180 quoting.

Formula injection: a text cell that starts with ``= + - @``, a tab or a carriage return gets a
leading apostrophe, so that a spreadsheet shows it as text instead of running it. Number and
date columns are never touched, so ``-12.30`` stays a number.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from decimal import Decimal
from typing import TypedDict

from cypheredge.reporter.domain.model import BatchReport, Enriched
from cypheredge.reporter.exports.fields import money

CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "date",
    "description",
    "debit",
    "credit",
    "amount",
    "balance",
    "currency",
    "category",
    "counterparty",
    "account",
    "statement",
    "page",
    "confidence",
    "flags",
    "duplicate_of",
)

TEXT_COLUMNS = frozenset(
    {
        "id",
        "description",
        "currency",
        "category",
        "counterparty",
        "account",
        "statement",
        "flags",
        "duplicate_of",
    }
)

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class TransactionRecord(TypedDict):
    """One transaction as CSV and JSON show it (amounts as strings, keys as ``CSV_COLUMNS``)."""

    id: str
    date: str
    description: str
    debit: str | None
    credit: str | None
    amount: str
    balance: str | None
    currency: str | None
    category: str
    counterparty: str | None
    account: str
    statement: str
    page: int
    confidence: float
    flags: list[str]
    duplicate_of: str | None


def record(row: Enriched) -> TransactionRecord:
    txn = row.txn
    return TransactionRecord(
        id=txn.id,
        date=txn.date.isoformat(),
        description=txn.description,
        debit=_optional_money(txn.debit),
        credit=_optional_money(txn.credit),
        amount=money(txn.amount),
        balance=_optional_money(txn.balance),
        currency=txn.currency,
        category=row.category,
        counterparty=row.counterparty,
        account=txn.account,
        statement=txn.statement_name,
        page=txn.page,
        confidence=round(txn.confidence, 4),
        flags=list(row.flags),
        duplicate_of=row.duplicate_of,
    )


def to_csv(report: BatchReport) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in report.transactions:
        cells: Mapping[str, object] = record(row)
        writer.writerow(_cell(column, cells[column]) for column in CSV_COLUMNS)
    return out.getvalue().encode("utf-8")


def guard(text: str) -> str:
    """Neutralise a text cell that a spreadsheet would read as a formula."""
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def _cell(column: str, value: object) -> str:
    if value is None:
        return ""
    text = ";".join(value) if isinstance(value, list) else str(value)
    return guard(text) if column in TEXT_COLUMNS else text


def _optional_money(value: Decimal | None) -> str | None:
    return None if value is None else money(value)
