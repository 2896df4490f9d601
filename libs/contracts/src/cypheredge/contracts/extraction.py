"""The extraction document (v1): everything read from one statement PDF.

The extractor writes it to object storage (``statement.extracted`` carries its key and
SHA-256), ``cypheredge extract`` prints it, and the reporter and ``cypheredge report`` read it.
Within v1 changes are additive only (new optional fields); older readers ignore what they do
not know.

The hierarchy document -> statements -> accounts -> transactions is kept flat, by index: each
account names the statement it belongs to (``statement``, an index into ``statements``) and
each transaction its account (``account``, an index into ``accounts``). That keeps the fields
the CLI has always printed (``statement``, ``accounts``, ``transactions``, ``pages``) where they
were, and lets a reader stream rows without walking a tree; validation checks every index.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, WithJsonSchema, model_validator

from cypheredge.contracts.notices import Notice

EXTRACTION_FORMAT = "com.cypheredge.extraction.v1"


def _plain(value: Decimal) -> str:
    # str(Decimal) may use an exponent ("1E+2"); amounts are always written in plain notation.
    return f"{value:f}"


Money = Annotated[
    Decimal,
    PlainSerializer(_plain, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": r"^-?\d+(\.\d+)?$"}, mode="serialization"),
]
"""A decimal amount; on the wire a plain decimal string (``"-1234.50"``), never a float."""


class _Part(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class StatementSummary(_Part):
    """The first statement's facts (the CLI's ``statement`` field, kept as it always was)."""

    opening_balance: Money | None
    closing_balance: Money | None
    currency: str | None = Field(description="ISO 4217 code")
    period_start: dt.date | None
    period_end: dt.date | None


class Statement(_Part):
    """One statement inside the PDF; a bundle of monthly statements holds several."""

    period_start: dt.date | None
    period_end: dt.date | None
    reconciled: bool | None = Field(
        description="Every account of it with transactions adds up; None when it cannot tell"
    )


class ChainBreak(_Part):
    """Where the balance chain first fails: the printed balance of transaction ``index``
    (0-based within its account) is not the previous balance plus the rows in between."""

    index: int = Field(ge=0)
    page: int = Field(ge=1)
    date: dt.date
    expected: Money
    printed: Money


class Account(_Part):
    """One account of one statement, with its own period, balances and reconciliation."""

    account_hint: str | None = Field(description="Account number as printed (often masked)")
    currency: str | None = Field(description="ISO 4217 code")
    opening_balance: Money | None
    closing_balance: Money | None
    statement: int = Field(ge=0, description="Index into statements")
    period_start: dt.date | None
    period_end: dt.date | None
    reconciled: bool | None = Field(description="None when the balances needed are not printed")
    difference: Money | None = Field(
        description="closing - (opening + credits - debits); zero when it reconciles"
    )
    first_break: ChainBreak | None
    warnings: tuple[Notice, ...]


BBox = tuple[float, float, float, float]


class Transaction(_Part):
    """One transaction. ``debit`` and ``credit`` are magnitudes; at most one is set."""

    date: dt.date
    description: str
    debit: Money | None
    credit: Money | None
    balance: Money | None = Field(description="Running balance as printed (or derived)")
    currency: str | None = Field(description="ISO 4217 code")
    account: int = Field(ge=0, description="Index into accounts")
    page: int = Field(ge=1, description="1-based page the row is printed on")
    method: str = Field(description="Extraction method that read the row")
    confidence: float = Field(ge=0, le=1)
    bbox: BBox = Field(
        description="x0, top, x1, bottom in PDF points from the page's top-left corner"
    )
    reference: str | None = Field(
        default=None, description="Reference columns printed beside the description"
    )
    type: str | None = Field(default=None, description="Payment type as printed (DD, TFR, ...)")

    @model_validator(mode="after")
    def _one_side(self) -> Transaction:
        if self.debit is not None and self.credit is not None:
            raise ValueError("a transaction is a debit or a credit, not both")
        if any(v is not None and v < 0 for v in (self.debit, self.credit)):
            raise ValueError("debit and credit are magnitudes (never negative)")
        return self


class PageReport(_Part):
    """Which method read a page, how many transactions it gave and how sure it is."""

    number: int = Field(ge=1)
    method: str = Field(description="'none' when nothing could read the page (flagged)")
    rows: int = Field(ge=0)
    confidence: float = Field(ge=0, le=1)


class ExtractionDocument(_Part):
    """What was read from one statement PDF; ``error`` is set (and nothing else is) when the
    file could not be read at all."""

    format: Literal["com.cypheredge.extraction.v1"] = Field(
        description="Names this document's schema (and version)"
    )
    statement: StatementSummary
    statements: tuple[Statement, ...]
    accounts: tuple[Account, ...]
    transactions: tuple[Transaction, ...] = Field(description="In reading order")
    pages: tuple[PageReport, ...]
    reconciled: bool | None = Field(description="Every statement adds up; None: cannot tell")
    warnings: tuple[Notice, ...] = Field(description="About the whole file")
    error: str | None = Field(default=None, description="Why the file could not be read")

    @model_validator(mode="after")
    def _references(self) -> ExtractionDocument:
        for position, account in enumerate(self.accounts):
            if account.statement >= len(self.statements):
                raise ValueError(f"accounts[{position}].statement names no statement")
        numbers = {p.number for p in self.pages}
        for position, txn in enumerate(self.transactions):
            if txn.account >= len(self.accounts):
                raise ValueError(f"transactions[{position}].account names no account")
            if txn.page not in numbers:
                raise ValueError(f"transactions[{position}].page names no page")
        return self

    def account_transactions(self, account: int) -> tuple[Transaction, ...]:
        """The transactions of ``accounts[account]``, in reading order."""
        return tuple(t for t in self.transactions if t.account == account)

    def all_warnings(self) -> tuple[Notice, ...]:
        """Warnings about the file, then those of each account, each once."""
        found = [*self.warnings, *(w for a in self.accounts for w in a.warnings)]
        return tuple(dict.fromkeys(found))

    def encode(self, *, indent: int | None = None) -> bytes:
        """The document as UTF-8 JSON (``error`` left out when there is none)."""
        exclude = {"error"} if self.error is None else None
        return self.model_dump_json(indent=indent, exclude=exclude).encode()

    @classmethod
    def rejected(cls, reason: str) -> ExtractionDocument:
        """The document of a file that could not be read at all."""
        empty = StatementSummary(
            opening_balance=None,
            closing_balance=None,
            currency=None,
            period_start=None,
            period_end=None,
        )
        return cls(
            format=EXTRACTION_FORMAT,
            statement=empty,
            statements=(),
            accounts=(),
            transactions=(),
            pages=(),
            reconciled=None,
            warnings=(),
            error=reason,
        )
