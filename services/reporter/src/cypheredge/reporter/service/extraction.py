"""Reading the extraction document contract: verified, validated, then the reporter's model.

The reporter service reads artefacts from storage with the checksum their event carried; the
offline ``cypheredge report`` reads ``cypheredge extract`` output. Both map the document with
``statement_doc``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from pydantic import ValidationError

from cypheredge.contracts.extraction import EXTRACTION_FORMAT, Account, ExtractionDocument
from cypheredge.contracts.extraction import Transaction as Row
from cypheredge.contracts.notices import Notice
from cypheredge.reporter.domain.model import (
    AccountPeriod,
    PageInfo,
    StatementDoc,
    StatementWarning,
    Transaction,
    account_key,
    transaction_id,
)


class InvalidArtefact(ValueError):
    """An extraction artefact that must not be reported: altered, corrupted or malformed."""


def read_artefact(data: bytes, expected_sha256: str | None) -> ExtractionDocument:
    """The document in ``data``, once its SHA-256 is the one its event carried."""
    if not expected_sha256:
        raise InvalidArtefact("no checksum was recorded for the extraction artefact")
    found = hashlib.sha256(data).hexdigest()
    if found != expected_sha256:
        raise InvalidArtefact(
            "the extraction artefact does not match the checksum its event carried "
            f"(expected sha256 {expected_sha256[:16]}…, found {found[:16]}…): it was altered "
            "or corrupted in storage"
        )
    return parse_document(data)


def parse_document(data: bytes | str) -> ExtractionDocument:
    """Validate ``data`` against the extraction document contract."""
    try:
        return ExtractionDocument.model_validate_json(data)
    except ValidationError as exc:
        raise InvalidArtefact(f"not a valid {EXTRACTION_FORMAT} document: {_first(exc)}") from None


def _first(exc: ValidationError) -> str:
    errors = exc.errors(include_url=False, include_input=False)
    first = errors[0]
    where = ".".join(str(part) for part in first["loc"]) or "document"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {first['msg']}{more}"


def statement_doc(
    statement_id: str,
    filename: str,
    document: ExtractionDocument,
    sha256: str | None = None,
    *,
    unreadable: str = "failed",
) -> StatementDoc:
    """The statement as the report sees it; a document with an ``error`` is ``unreadable``."""
    if document.error is not None:
        return StatementDoc(statement_id, filename, unreadable, error=document.error, sha256=sha256)
    keys = [account_key(filename, a.account_hint, i) for i, a in enumerate(document.accounts)]
    accounts = []
    first = 0
    for position, account in enumerate(document.accounts):
        rows = document.account_transactions(position)
        accounts.append(_period(statement_id, filename, keys[position], account, rows, first))
        # Rows are numbered account by account, so a rebuild gives every row the same id.
        first += len(rows)
    pages = tuple(PageInfo(p.number, p.method, p.rows, p.confidence) for p in document.pages)
    warnings = [_warning(w) for w in document.warnings]
    for position, account in enumerate(document.accounts):
        warnings += [_warning(w, keys[position]) for w in account.warnings]
    return StatementDoc(
        statement_id=statement_id,
        filename=filename,
        status="extracted",
        sha256=sha256,
        pages=pages,
        accounts=tuple(accounts),
        warnings=tuple(dict.fromkeys(warnings)),
    )


def _period(
    statement_id: str,
    filename: str,
    key: str,
    account: Account,
    rows: Sequence[Row],
    first: int,
) -> AccountPeriod:
    return AccountPeriod(
        statement_id=statement_id,
        statement_name=filename,
        account=key,
        account_hint=account.account_hint,
        currency=account.currency,
        opening_balance=account.opening_balance,
        closing_balance=account.closing_balance,
        period_start=account.period_start,
        period_end=account.period_end,
        transactions=tuple(
            Transaction(
                id=transaction_id(statement_id, first + offset),
                statement_id=statement_id,
                statement_name=filename,
                account=key,
                index=first + offset,
                date=row.date,
                description=row.description,
                debit=row.debit,
                credit=row.credit,
                balance=row.balance,
                currency=row.currency,
                page=row.page,
                method=row.method,
                confidence=row.confidence,
            )
            for offset, row in enumerate(rows)
        ),
    )


def _warning(notice: Notice, account: str | None = None) -> StatementWarning:
    return StatementWarning(notice.code, notice.message, notice.page, account)
